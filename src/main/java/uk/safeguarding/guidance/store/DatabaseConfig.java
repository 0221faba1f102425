package uk.safeguarding.guidance.store;

import java.nio.file.Path;
import java.util.Objects;

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
  String safeUrl() {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  @Override
  public String toString() {
    return "DatabaseConfig[url=" + safeUrl() + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***") + "]";
  }
}
