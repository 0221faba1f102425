package uk.safeguarding.guidance;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import uk.safeguarding.guidance.auth.TrainerCommand;
import uk.safeguarding.guidance.eval.EvalCommand;
import uk.safeguarding.guidance.log.Logging;

/**
 * Command-line entry point: runs the server (default), the evaluation, or the trainer account tools.
 * The work is in {@link #run}, which returns an exit code, so tests can call it without the JVM exiting.
 */
public final class Main {

  /** What {@link #run} returns once the server is up: the JVM stays up until it is stopped. */
  static final int SERVING = -1;

  static final String ADD_TRAINER_USAGE = String.join("\n",
      "Usage: java -jar guidance-assistant.jar add-trainer NAME [--data DIR]",
      "  Creates trainer NAME, or sets a new password for it. The password comes from env "
          + TrainerCommand.PASSWORD_ENV,
      "  or is typed twice at a prompt (at least 12 characters); --data defaults to env GUIDANCE_DATA or ./data.");

  static final String ADD_TOKEN_USAGE = String.join("\n",
      "Usage: java -jar guidance-assistant.jar add-token TRAINER LABEL [--data DIR]",
      "  Prints a new API token for TRAINER once; LABEL says what it is for.",
      "  --data defaults to env GUIDANCE_DATA or ./data.");

  private static final List<String> HELP = List.of("--help", "-h");

  private Main() {}

  public static void main(String[] args) {
    Logging.routeJavaUtilLogging();
    int code = run(args, System.getenv(), System.out, System.err);
    if (code != SERVING) {
      System.exit(code);
    }
  }

  /**
   * Runs the command {@code args} name with the given environment: 0 done, 2 bad input, or
   * {@link #SERVING} when the server was started.
   */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    boolean named = args.length > 0 && !args[0].startsWith("-");
    String command = named ? args[0] : "serve";
    String[] rest = named ? Arrays.copyOfRange(args, 1, args.length) : args;
    if (List.of(rest).contains("--version")) {
      out.println("guidance-assistant " + version());
      return 0;
    }
    boolean help = HELP.stream().anyMatch(List.of(rest)::contains);
    try {
      switch (command) {
        case "serve" -> {
          if (help) {
            out.println(AppConfig.USAGE);
            return 0;
          }
          serve(AppConfig.from(rest, env), out);
          return SERVING;
        }
        case "eval" -> {
          return help ? usage(out, EvalCommand.USAGE) : EvalCommand.run(rest, out);
        }
        case "add-trainer" -> {
          return help ? usage(out, ADD_TRAINER_USAGE)
              : TrainerCommand.addTrainer(rest, env, TrainerCommand.console(), out, err);
        }
        case "add-token" -> {
          return help ? usage(out, ADD_TOKEN_USAGE) : TrainerCommand.addToken(rest, env, out, err);
        }
        case "help" -> {
          return usage(out, AppConfig.USAGE);
        }
        case "version" -> {
          out.println("guidance-assistant " + version());
          return 0;
        }
        default -> throw new IllegalArgumentException("Unknown command '" + command + "'.");
      }
    } catch (IllegalArgumentException e) {
      err.println("Error: " + e.getMessage());
      err.println(AppConfig.USAGE);
      return 2;
    }
  }

  /** The version the build wrote into {@code version.properties} (the pom's). */
  static String version() {
    try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the classpath; build with Maven.");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read version.properties.", e);
    }
  }

  private static int usage(PrintStream out, String usage) {
    out.println(usage);
    return 0;
  }

  private static void serve(AppConfig config, PrintStream out) {
    if (!Files.isDirectory(config.corpusDir())) {
      throw new IllegalArgumentException("The corpus folder " + config.corpusDir() + " does not exist.");
    }
    GuidanceApp app = GuidanceApp.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
    String shownHost = config.host().equals("0.0.0.0") ? "localhost" : config.host();
    out.println("Safeguarding Guidance Assistant on http://" + shownHost + ":" + app.port() + "/");
    out.println("  corpus: " + config.corpusDir() + "   data: " + config.dataDir());
  }
}
