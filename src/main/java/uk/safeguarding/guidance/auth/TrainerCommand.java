package uk.safeguarding.guidance.auth;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import uk.safeguarding.guidance.store.Database;

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

  /**
   * Runs {@code add-trainer} with {@code args} = NAME, then {@code --data DIR} optionally.
   * Returns the exit code: 0 done, 2 bad input.
   */
  public static int addTrainer(String[] args, Map<String, String> env, PasswordPrompt prompt, PrintStream out,
      PrintStream err) {
    Parsed p = parse(args, env, 1);
    if (p == null) {
      err.println("Usage: add-trainer NAME [--data DIR]");
      return 2;
    }
    String name = p.positional()[0];
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
    try (Database db = Database.open(p.dataDir())) {
      boolean created = new Accounts(db, Clock.systemUTC()).setPassword(name, password);
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

  /** Runs {@code add-token TRAINER LABEL [--data DIR]}: prints the new token once. */
  public static int addToken(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    Parsed p = parse(args, env, 2);
    if (p == null) {
      err.println("Usage: add-token TRAINER LABEL [--data DIR]");
      return 2;
    }
    try (Database db = Database.open(p.dataDir())) {
      Accounts.NewToken t = new Accounts(db, Clock.systemUTC()).createToken(p.positional()[0], p.positional()[1]);
      new uk.safeguarding.guidance.learning.LearningStore(db, Clock.systemUTC(), java.time.Duration.ofDays(3650))
          .audit("cli", "token.create", p.positional()[0], "token " + t.id() + " '" + p.positional()[1] + "'");
      out.println("Token " + t.id() + " for '" + p.positional()[0] + "' (shown once; keep it secret):");
      out.println(t.token());
      return 0;
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("Error: " + e.getMessage());
      return 2;
    }
  }

  private record Parsed(String[] positional, Path dataDir) {}

  private static Parsed parse(String[] args, Map<String, String> env, int positionals) {
    String data = env.getOrDefault("GUIDANCE_DATA", "data");
    java.util.List<String> pos = new java.util.ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--data") && i + 1 < args.length) {
        data = args[++i];
      } else if (args[i].startsWith("--")) {
        return null;
      } else {
        pos.add(args[i]);
      }
    }
    return pos.size() == positionals ? new Parsed(pos.toArray(String[]::new), Path.of(data)) : null;
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
