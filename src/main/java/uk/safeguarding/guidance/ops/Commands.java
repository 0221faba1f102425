package uk.safeguarding.guidance.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one way every command line of the project (the server, its sub-commands, the benchmark) is
 * parsed and run, with picocli: {@code -h}/{@code --help} and {@code --version} on every command,
 * exit 0 when done, 2 for bad input with a message naming the option or value at fault, then the
 * command's usage. Stateless.
 */
public final class Commands {

  /** Exit code for bad input: an unknown option, a missing or malformed value. */
  public static final int BAD_INPUT = CommandLine.ExitCode.USAGE;

  /** Columns of the usage text: the option descriptions are long, and paths should not wrap. */
  private static final int USAGE_WIDTH = 110;

  /** Where the build writes the pom's version (src/main/resources-filtered). */
  private static final String VERSION_RESOURCE = "/uk/safeguarding/guidance/version.properties";

  /** {@code -h}/{@code --help} and {@code --version}; picocli's standard mixin would add {@code -V} too. */
  public static final class HelpOptions {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--version", versionHelp = true, description = "Print the version and exit.")
    boolean version;
  }

  /** The version line {@code --version} prints. */
  public static final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
      return new String[] {"guidance-assistant " + version()};
    }
  }

  private Commands() {}

  /** Runs {@code command} (a picocli {@code @Command}) on {@code args}; returns its exit code. */
  public static int execute(Object command, String[] args, PrintStream out, PrintStream err) {
    return prepare(new CommandLine(command), out, err).execute(args);
  }

  /**
   * Gives {@code commandLine} and all its sub-commands the project's streams, version and error
   * handling. Call after the sub-commands are added.
   */
  public static CommandLine prepare(CommandLine commandLine, PrintStream out, PrintStream err) {
    commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    commandLine.setParameterExceptionHandler(Commands::badInput);
    commandLine.setExecutionExceptionHandler(Commands::failed);
    common(commandLine);
    return commandLine;
  }

  /** The version the build wrote into {@code version.properties} (the pom's). */
  public static String version() {
    try (InputStream in = Commands.class.getResourceAsStream(VERSION_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(VERSION_RESOURCE + " is missing from the classpath; build with Maven.");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + VERSION_RESOURCE, e);
    }
  }

  /** Every command: the version, options in the order declared, lines wide enough for paths. */
  private static void common(CommandLine commandLine) {
    commandLine.getCommandSpec().versionProvider(new Version());
    commandLine.getCommandSpec().usageMessage().sortOptions(false).width(USAGE_WIDTH);
    commandLine.getSubcommands().values().forEach(Commands::common);
  }

  private static int badInput(ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println("Error: " + message(e, commandLine, args));
    UnmatchedArgumentException.printSuggestions(e, err);
    commandLine.usage(err);
    return BAD_INPUT;
  }

  /** An IllegalArgumentException from a command is bad input too (a folder that is not there, a port out of range). */
  private static int failed(Exception e, CommandLine commandLine, ParseResult parsed) throws Exception {
    if (!(e instanceof IllegalArgumentException)) {
      throw e;
    }
    PrintWriter err = commandLine.getErr();
    err.println("Error: " + e.getMessage());
    commandLine.usage(err);
    return BAD_INPUT;
  }

  /** picocli's message, except that a mistyped command is called that rather than an "unmatched argument". */
  private static String message(ParameterException e, CommandLine commandLine, String[] args) {
    if (e instanceof UnmatchedArgumentException unmatched && !commandLine.getSubcommands().isEmpty()
        && args.length > 0 && !args[0].startsWith("-") && unmatched.getUnmatched().contains(args[0])) {
      return "Unknown command '" + args[0] + "'.";
    }
    return e.getMessage();
  }
}
