package uk.safeguarding.guidance;

import java.nio.file.Files;
import java.util.Arrays;
import uk.safeguarding.guidance.auth.TrainerCommand;

/** Command-line entry point: runs the server (default), the evaluation, or the trainer account tools. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    String command = args.length > 0 && !args[0].startsWith("-") ? args[0] : "serve";
    String[] rest = args.length > 0 && !args[0].startsWith("-") ? Arrays.copyOfRange(args, 1, args.length) : args;
    try {
      switch (command) {
        case "serve" -> serve(AppConfig.from(rest, System.getenv()));
        case "eval" -> System.exit(uk.safeguarding.guidance.eval.EvalCommand.run(rest, System.out));
        case "add-trainer" -> System.exit(TrainerCommand.addTrainer(rest, System.getenv(), TrainerCommand.console(),
            System.out, System.err));
        case "add-token" -> System.exit(TrainerCommand.addToken(rest, System.getenv(), System.out, System.err));
        case "help", "--help" -> System.out.println(AppConfig.USAGE);
        default -> throw new IllegalArgumentException("Unknown command '" + command + "'.");
      }
    } catch (IllegalArgumentException e) {
      System.err.println("Error: " + e.getMessage());
      System.err.println(AppConfig.USAGE);
      System.exit(2);
    }
  }

  private static void serve(AppConfig config) {
    if (!Files.isDirectory(config.corpusDir())) {
      throw new IllegalArgumentException("The corpus folder " + config.corpusDir() + " does not exist.");
    }
    GuidanceApp app = GuidanceApp.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
    String shownHost = config.host().equals("0.0.0.0") ? "localhost" : config.host();
    System.out.println("Safeguarding Guidance Assistant on http://" + shownHost + ":" + app.port() + "/");
    System.out.println("  corpus: " + config.corpusDir() + "   data: " + config.dataDir());
  }
}
