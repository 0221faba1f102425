package uk.safeguarding.guidance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

  /** One run of the command line: its exit code and what it printed. */
  private record Run(int code, String out, String err) {}

  private static Run run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Run run(String... args) {
    return run(Map.of(), args);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h", "help"})
  void help_prints_the_server_usage_and_exits_0(String flag) {
    Run r = run(flag);
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("Usage: java -jar guidance-assistant.jar [options]"), r.out());
    assertTrue(r.out().contains("--trusted-proxies LIST"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void help_after_other_options_still_prints_the_usage() {
    Run r = run("--port", "8080", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("Usage:"), r.out());
  }

  @Test
  void version_prints_the_pom_version_and_exits_0() {
    Run r = run("--version");
    assertEquals(0, r.code());
    assertTrue(r.out().strip().matches("guidance-assistant \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), r.out());
    assertEquals(r.out(), run("version").out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h"})
  void eval_answers_help_with_its_own_usage(String flag) {
    Run r = run("eval", flag);
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("Usage: java -jar guidance-assistant.jar eval [options]"), r.out());
  }

  @Test
  void add_trainer_answers_help_without_touching_the_data_folder(@TempDir Path dir) {
    Path data = dir.resolve("data");
    Run r = run(Map.of("GUIDANCE_DATA", data.toString()), "add-trainer", "--help");
    assertEquals(0, r.code());
    assertEquals(Main.ADD_TRAINER_USAGE + System.lineSeparator(), r.out());
    assertTrue(Files.notExists(data), "no database was created");
  }

  @Test
  void add_token_answers_help() {
    Run r = run("add-token", "-h");
    assertEquals(0, r.code());
    assertEquals(Main.ADD_TOKEN_USAGE + System.lineSeparator(), r.out());
  }

  @Test
  void an_unknown_option_exits_2_naming_it() {
    Run r = run("--nope", "1");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("Error: Unknown option '--nope'."), r.err());
    assertTrue(r.err().contains("Usage:"), r.err());
  }

  @Test
  void an_option_without_its_value_exits_2() {
    Run r = run("--port");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("Error: The option '--port' needs a value."), r.err());
  }

  @Test
  void an_unknown_command_exits_2_naming_it() {
    Run r = run("serv");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("Error: Unknown command 'serv'."), r.err());
  }

  @Test
  void a_missing_corpus_folder_exits_2_naming_it(@TempDir Path dir) {
    Path missing = dir.resolve("no-corpus");
    Run r = run("--corpus", missing.toString(), "--data", dir.resolve("data").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("Error: The corpus folder " + missing + " does not exist."), r.err());
  }

  @Test
  void eval_without_input_exits_2() {
    Run r = run("eval");
    assertEquals(2, r.code());
    assertTrue(r.out().startsWith("Error: Give --questions FILE, --beir DIR or --screen test."), r.out());
  }

  @Test
  void add_token_with_too_few_arguments_exits_2_with_its_usage() {
    Run r = run("add-token", "alice");
    assertEquals(2, r.code());
    assertEquals("Usage: add-token TRAINER LABEL [--data DIR]" + System.lineSeparator(), r.err());
  }
}
