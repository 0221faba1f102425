package uk.safeguarding.guidance.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the database is: a JDBC URL ({@code jdbc:h2:…} or {@code jdbc:postgresql:…}) and the
 * credentials to connect with. Its text form hides the password.
 */
public record DatabaseConfig(String url, String user, String password) {

  /**
   * The user an H2 file is created for. H2 remembers it in the file, so every build must connect
   * to an existing data folder with the same one.
   */
  static final String H2_USER = "guidance";
  /** The file name under the data folder, without H2's {@code .mv.db}. */
  static final String H2_FILE = "learning";
  private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");

  /** The environment variables a database URL's credentials come from: never the command line. */
  public static final String USER_ENV = "GUIDANCE_DATABASE_USER";
  public static final String PASSWORD_ENV = "GUIDANCE_DATABASE_PASSWORD";

  public DatabaseConfig {
    Dialect.of(url);
    Objects.requireNonNull(user, "The parameter 'user' must not be null.");
    Objects.requireNonNull(password, "The parameter 'password' must not be null.");
  }

  /** The default: an H2 file, {@code <dataDir>/learning.mv.db}. */
  public static DatabaseConfig h2Under(Path dataDir) {
    // DB_CLOSE_ON_EXIT=FALSE: the application closes it, after the last request, not a JVM hook before.
    return new DatabaseConfig("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(H2_FILE) + ";DB_CLOSE_ON_EXIT=FALSE",
        H2_USER, "");
  }

  /**
   * The database {@code url} names (a {@code --database} option), with the user and password from
   * {@link #USER_ENV} and {@link #PASSWORD_ENV} in {@code env}. A password inside the URL is refused:
   * a command line can be read by anyone on the machine ({@code ps}) and ends up in logs.
   */
  public static DatabaseConfig fromUrl(String url, Map<String, String> env) {
    String u = url.strip();
    if (PASSWORD_IN_URL.matcher(u).find()) {
      throw new IllegalArgumentException("The database URL must not carry a password; set " + PASSWORD_ENV
          + " instead, got '" + new DatabaseConfig(u, "", "").safeUrl() + "'.");
    }
    String user = env.getOrDefault(USER_ENV, "").strip();
    if (user.isEmpty() && Dialect.of(u) == Dialect.H2) {
      user = H2_USER;
    }
    return new DatabaseConfig(u, user, env.getOrDefault(PASSWORD_ENV, ""));
  }

  /** The same database with extra H2 settings, e.g. {@code ";MAX_COMPACT_TIME=0"}. */
  public DatabaseConfig withSettings(String settings) {
    if (dialect() != Dialect.H2) {
      throw new IllegalStateException("Settings appended to the URL are H2's; this database is " + dialect() + ".");
    }
    return new DatabaseConfig(url + settings, user, password);
  }

  public Dialect dialect() {
    return Dialect.of(url);
  }

  /** The URL for messages and logs: a password in it (PostgreSQL's {@code ?password=…}) is hidden. */
  public String safeUrl() {
    return PASSWORD_IN_URL.matcher(url).replaceAll("$1***");
  }

  @Override
  public String toString() {
    return "DatabaseConfig[url=" + safeUrl() + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
        + "]";
  }
}
