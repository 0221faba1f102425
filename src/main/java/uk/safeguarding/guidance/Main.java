package uk.safeguarding.guidance;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import uk.safeguarding.guidance.auth.TrainerCommand;
import uk.safeguarding.guidance.eval.EvalCommand;
import uk.safeguarding.guidance.ops.Commands;
import uk.safeguarding.guidance.ops.Logging;
import uk.safeguarding.guidance.store.Dialect;

/**
 * Command-line entry point: runs the server (default, or {@code serve}), the evaluation, or the
 * trainer account tools, parsed by picocli (see {@link Commands} for help, version and exit codes).
 * The work is in {@link #run}, which returns an exit code, so tests can call it without the JVM exiting.
 */
public final class Main {

  /** What {@link #run} returns once the server is up: the JVM stays up until it is stopped. */
  static final int SERVING = -1;

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
    // The environment fills in the server's options only: eval's --data, say, keeps its own default.
    CommandLine cli = new CommandLine(new Serve(out, env)).setDefaultValueProvider(new ServerOptions.EnvDefaults(env));
    cli.getCommandSpec().name("java -jar guidance-assistant.jar").usageMessage()
        .customSynopsis("java -jar guidance-assistant.jar [COMMAND] [options]");
    cli.addSubcommand("serve",
        new CommandLine(new Serve(out, env)).setDefaultValueProvider(new ServerOptions.EnvDefaults(env)));
    cli.addSubcommand("eval", new EvalCommand(out));
    cli.addSubcommand("add-trainer", new TrainerCommand.AddTrainer(env, TrainerCommand.console(), out, err));
    cli.addSubcommand("add-token", new TrainerCommand.AddToken(env, out, err));
    cli.addSubcommand("help", new CommandLine.HelpCommand());
    cli.addSubcommand("version", new VersionCommand());
    return Commands.prepare(cli, out, err).execute(args);
  }

  /** The server: the bare command, and {@code serve}. */
  @Command(name = "serve", customSynopsis = "java -jar guidance-assistant.jar [serve] [options]",
      description = {"Serves the chat page, the document view and the API (the default command).",
          "Flags win over environment variables, which win over defaults."},
      commandListHeading = "%nCommands (COMMAND --help for a command's options):%n")
  static final class Serve implements Callable<Integer> {

    @Mixin
    Commands.HelpOptions help;

    @Mixin
    ServerOptions options;

    private final PrintStream out;
    /** For the database's credentials, which are never options. */
    private final Map<String, String> env;

    Serve(PrintStream out, Map<String, String> env) {
      this.out = out;
      this.env = env;
    }

    @Override
    public Integer call() {
      serve(options.config(env), out);
      return SERVING;
    }
  }

  @Command(name = "version", description = "Prints the version.")
  static final class VersionCommand implements Callable<Integer> {

    @Mixin
    Commands.HelpOptions help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().getOut().println(new Commands.Version().getVersion()[0]);
      return 0;
    }
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
    if (config.database().dialect() != Dialect.H2) {
      out.println("  database: " + config.database().safeUrl());
    }
  }
}
