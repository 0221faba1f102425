package uk.safeguarding.guidance.auth;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import uk.safeguarding.guidance.ops.Commands;
import uk.safeguarding.guidance.store.Database;
import uk.safeguarding.guidance.store.DatabaseConfig;

/**
 * The {@code add-trainer NAME} and {@code add-token TRAINER LABEL} commands. The password comes from
 * {@code GUIDANCE_TRAINER_PASSWORD} or is typed twice at a prompt; it never appears in arguments.
 */
public final class TrainerCommand {

  public static final String PASSWORD_ENV = "GUIDANCE_TRAINER_PASSWORD";

  /** Reads a password without echo; null when no terminal is attached. */
  @FunctionalInterface
  public interface PasswordPrompt {

    char[] read(String prompt);
  }

  private TrainerCommand() {}

  /** The prompt of the attached console, or none. */
  public static PasswordPrompt console() {
    return prompt -> System.console() == null ? null : System.console().readPassword("%s", prompt);
  }

  /** Runs {@code add-trainer} on {@code args} (NAME, then {@code --data DIR} or {@code --database URL}): 0 done, 2 bad input. */
  public static int addTrainer(String[] args, Map<String, String> env, PasswordPrompt prompt, PrintStream out,
      PrintStream err) {
    return Commands.execute(new AddTrainer(env, prompt, out, err), args, out, err);
  }

  /** Runs {@code add-token} on {@code args} (TRAINER LABEL, then {@code --data DIR} optionally). */
  public static int addToken(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    return Commands.execute(new AddToken(env, out, err), args, out, err);
  }

  /**
   * {@code --data DIR} and {@code --database URL}, which fall back to {@code GUIDANCE_DATA} and
   * {@code GUIDANCE_DATABASE} as the server's do: the account goes where the server will look for it.
   */
  static final class DataOption {

    @Option(names = "--data", paramLabel = "DIR",
        description = "the server's data folder (env GUIDANCE_DATA, default ./data)")
    Path data;

    @Option(names = "--database", paramLabel = "URL",
        description = "the server's shared PostgreSQL, jdbc:postgresql://…; user and password from env "
            + DatabaseConfig.USER_ENV + " and " + DatabaseConfig.PASSWORD_ENV
            + " (env GUIDANCE_DATABASE, default the H2 file in the data folder)")
    String database;

    Database open(Map<String, String> env) {
      String url = database != null ? database : env.get("GUIDANCE_DATABASE");
      if (url != null && !url.isBlank()) {
        return Database.open(DatabaseConfig.fromUrl(url, env));
      }
      return Database.open(data != null ? data : Path.of(env.getOrDefault("GUIDANCE_DATA", "data")));
    }
  }

  /** {@code add-trainer NAME [--data DIR]}. */
  @Command(name = "add-trainer",
      customSynopsis = "java -jar guidance-assistant.jar add-trainer NAME [--data DIR | --database URL]",
      description = {"Creates trainer NAME, or sets a new password for it.", "The password comes from env "
          + PASSWORD_ENV + " or is typed twice at a prompt (at least " + Passwords.MIN_LENGTH + " characters)."})
  public static final class AddTrainer implements Callable<Integer> {

    @Mixin
    Commands.HelpOptions help;

    @Parameters(paramLabel = "NAME", description = "the trainer's sign-in name")
    String name;

    @Mixin
    DataOption data;

    private final Map<String, String> env;
    private final PasswordPrompt prompt;
    private final PrintStream out;
    private final PrintStream err;

    public AddTrainer(Map<String, String> env, PasswordPrompt prompt, PrintStream out, PrintStream err) {
      this.env = env;
      this.prompt = prompt;
      this.out = out;
      this.err = err;
    }

    @Override
    public Integer call() {
      try {
        Accounts.checkName(name);
      } catch (IllegalArgumentException e) {
        err.println("Error: " + e.getMessage());
        return 2;
      }
      char[] password = password(env, prompt, err);
      if (password == null) {
        return 2;
      }
      try (Database db = data.open(env)) {
        boolean created = new Accounts(db, Clock.systemUTC()).setPassword(name, password);
        if (!created) {
          new Sessions(db, Clock.systemUTC()).endAll(name); // a new password signs the old sign-ins out
        }
        new uk.safeguarding.guidance.learning.LearningStore(db, Clock.systemUTC(), java.time.Duration.ofDays(3650))
            .audit("cli", created ? "trainer.create" : "trainer.password", name, "");
        out.println((created ? "Created trainer '" : "Changed the password of trainer '") + name + "'.");
        return 0;
      } catch (IllegalArgumentException | IllegalStateException e) {
        err.println("Error: " + e.getMessage());
        return 2;
      } finally {
        Passwords.wipe(password);
      }
    }
  }

  /** {@code add-token TRAINER LABEL [--data DIR]}: prints the new token once. */
  @Command(name = "add-token",
      customSynopsis = "java -jar guidance-assistant.jar add-token TRAINER LABEL [--data DIR | --database URL]",
      description = "Prints a new API token for TRAINER once; LABEL says what it is for.")
  public static final class AddToken implements Callable<Integer> {

    @Mixin
    Commands.HelpOptions help;

    @Parameters(index = "0", paramLabel = "TRAINER", description = "the trainer the token acts as")
    String trainer;

    @Parameters(index = "1", paramLabel = "LABEL", description = "what the token is for, e.g. 'intranet search'")
    String label;

    @Mixin
    DataOption data;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    public AddToken(Map<String, String> env, PrintStream out, PrintStream err) {
      this.env = env;
      this.out = out;
      this.err = err;
    }

    @Override
    public Integer call() {
      try (Database db = data.open(env)) {
        Accounts.NewToken t = new Accounts(db, Clock.systemUTC()).createToken(trainer, label);
        new uk.safeguarding.guidance.learning.LearningStore(db, Clock.systemUTC(), java.time.Duration.ofDays(3650))
            .audit("cli", "token.create", trainer, "token " + t.id() + " '" + label + "'");
        out.println("Token " + t.id() + " for '" + trainer + "' (shown once; keep it secret):");
        out.println(t.token());
        return 0;
      } catch (IllegalArgumentException | IllegalStateException e) {
        err.println("Error: " + e.getMessage());
        return 2;
      }
    }
  }

  private static char[] password(Map<String, String> env, PasswordPrompt prompt, PrintStream err) {
    String fromEnv = env.get(PASSWORD_ENV);
    char[] password;
    if (fromEnv != null) {
      password = fromEnv.toCharArray();
    } else {
      password = prompt.read("Password (at least " + Passwords.MIN_LENGTH + " characters): ");
      if (password == null) {
        err.println("Error: no terminal to type a password at; set " + PASSWORD_ENV + " instead.");
        return null;
      }
      char[] again = prompt.read("The same password again: ");
      if (again == null || !Arrays.equals(password, again)) {
        err.println("Error: the two passwords differ.");
        Passwords.wipe(password);
        return null;
      }
      Passwords.wipe(again);
    }
    try {
      Passwords.check(password);
      return password;
    } catch (IllegalArgumentException e) {
      err.println("Error: " + e.getMessage());
      return null;
    }
  }
}
