package uk.safeguarding.guidance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.safeguarding.guidance.store.DatabaseConfig;

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

  /** Every server option, as the usage shows it. */
  private static final List<String> SERVER_OPTIONS = List.of("--port=N", "--host=ADDRESS", "--corpus=DIR", "--data=DIR",
      "--rate-limit=N", "--dense=on|off", "--max-upload-mb=N", "--retention-days=N", "--secure-cookies=on|off",
      "--trusted-proxies=LIST", "--database=URL", "--search-cache-mb=N", "-h, --help", "--version");

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h", "help"})
  void help_prints_the_server_usage_with_every_option_and_command_and_exits_0(String flag) {
    Run r = run(flag);
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("Usage: java -jar guidance-assistant.jar [COMMAND] [options]"), r.out());
    SERVER_OPTIONS.forEach(o -> assertTrue(r.out().contains(o), o + " in " + r.out()));
    for (String command : List.of("serve", "eval", "add-trainer", "add-token", "help", "version")) {
      assertTrue(r.out().contains("\n  " + command + " "), command + " in " + r.out());
    }
    assertTrue(r.out().contains("GUIDANCE_RATE_LIMIT"), "the environment variables are named");
    assertTrue(r.out().contains("GUIDANCE_DATABASE_USER and GUIDANCE_DATABASE_PASSWORD"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void serve_answers_help_with_the_same_options() {
    Run r = run("serve", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("Usage: java -jar guidance-assistant.jar [serve] [options]"), r.out());
    SERVER_OPTIONS.forEach(o -> assertTrue(r.out().contains(o), o + " in " + r.out()));
  }

  @Test
  void help_after_other_options_still_prints_the_usage() {
    Run r = run("--port", "8080", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("Usage:"), r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--version", "version", "eval --version", "add-token --version"})
  void version_prints_the_pom_version_and_exits_0(String args) {
    Run r = run(args.split(" "));
    assertEquals(0, r.code());
    assertTrue(r.out().strip().matches("guidance-assistant \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h"})
  void eval_answers_help_with_its_own_usage(String flag) {
    Run r = run("eval", flag);
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("Usage: java -jar guidance-assistant.jar eval [options]"), r.out());
    assertTrue(r.out().contains("--situations=FILE"), r.out());
  }

  @Test
  void help_with_a_command_prints_that_command_s_usage() {
    Run r = run("help", "add-token");
    assertEquals(0, r.code());
    assertTrue(
        r.out().startsWith(
            "Usage: java -jar guidance-assistant.jar add-token TRAINER LABEL [--data DIR | --database URL]"),
        r.out());
  }

  @Test
  void add_trainer_answers_help_without_touching_the_data_folder(@TempDir Path dir) {
    Path data = dir.resolve("data");
    Run r = run(Map.of("GUIDANCE_DATA", data.toString()), "add-trainer", "--help");
    assertEquals(0, r.code());
    assertTrue(
        r.out().startsWith("Usage: java -jar guidance-assistant.jar add-trainer NAME [--data DIR | --database URL]"),
        r.out());
    assertTrue(r.out().contains("GUIDANCE_TRAINER_PASSWORD"), r.out());
    assertTrue(r.out().contains("--data=DIR"), r.out());
    assertTrue(r.out().contains("--database=URL"), r.out());
    assertTrue(Files.notExists(data), "no database was created");
  }

  @Test
  void add_token_answers_help() {
    Run r = run("add-token", "-h");
    assertEquals(0, r.code());
    assertTrue(
        r.out().startsWith(
            "Usage: java -jar guidance-assistant.jar add-token TRAINER LABEL [--data DIR | --database URL]"),
        r.out());
    assertTrue(r.out().contains("--data=DIR"), r.out());
  }

  @Test
  void an_unknown_option_exits_2_naming_it() {
    Run r = run("--nope", "1");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("Error: Unknown options: '--nope', '1'"), r.err());
    assertTrue(r.err().contains("Usage:"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void an_option_without_its_value_exits_2() {
    Run r = run("--port");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("Error: Missing required parameter for option '--port' (N)"), r.err());
  }

  @Test
  void a_malformed_value_exits_2_naming_the_option_and_value() {
    Run r = run("--dense", "maybe");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("Error: Invalid value for option '--dense': must be 'on' or 'off', got 'maybe'."),
        r.err());
    Run port = run("--port", "99999");
    assertEquals(2, port.code());
    assertTrue(port.err().startsWith("Error: The port must be between 0 and 65535, got 99999."), port.err());
  }

  @Test
  void an_unknown_command_exits_2_naming_it() {
    Run r = run("serv");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("Error: Unknown command 'serv'."), r.err());
    assertTrue(r.err().contains("Did you mean"), r.err());
  }

  @Test
  void a_missing_corpus_folder_exits_2_naming_it(@TempDir Path dir) {
    Path missing = dir.resolve("no-corpus");
    Run r = run("--corpus", missing.toString(), "--data", dir.resolve("data").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("Error: The corpus folder " + missing + " does not exist."), r.err());
  }

  @Test
  void the_environment_fills_in_what_the_flags_leave_out_and_flags_win() {
    Map<String, String> env = Map.of("GUIDANCE_PORT", "8081", "GUIDANCE_RATE_LIMIT", "0", "GUIDANCE_DENSE", "off",
        "GUIDANCE_MAX_UPLOAD_MB", "5", "GUIDANCE_RETENTION_DAYS", "7", "GUIDANCE_SECURE_COOKIES", "on",
        "GUIDANCE_TRUSTED_PROXIES", "10.0.0.0/8", "GUIDANCE_HOST", "0.0.0.0", "GUIDANCE_CORPUS", "c",
        "GUIDANCE_DATA", "d");
    AppConfig c = AppConfig.from(new String[] {"--port", "9090", "--dense", "on"}, env);
    assertEquals(9090, c.port());
    assertTrue(c.dense());
    assertEquals("0.0.0.0", c.host());
    assertEquals(0, c.rateLimitPerMinute());
    assertEquals(5, c.maxUploadMb());
    assertEquals(7, c.retentionDays());
    assertTrue(c.secureCookies());
    assertEquals("10.0.0.0/8", c.trustedProxies());
    assertEquals(Path.of("c").toAbsolutePath(), c.corpusDir());
    assertEquals(Path.of("d").toAbsolutePath(), c.dataDir());
  }

  @Test
  void without_flags_or_environment_the_defaults_apply() {
    AppConfig c = AppConfig.from(new String[0], Map.of());
    assertEquals(new AppConfig("127.0.0.1", 7070, Path.of("corpus"), Path.of("data"), 300, true), c);
  }

  @Test
  void without_a_database_url_the_h2_file_in_the_data_folder_is_used() {
    AppConfig c = AppConfig.from(new String[] {"--data", "d"}, Map.of());
    assertEquals(DatabaseConfig.h2Under(Path.of("d").toAbsolutePath()), c.database());
  }

  @Test
  void the_database_url_comes_from_the_flag_or_environment_and_its_credentials_only_from_the_environment() {
    Map<String, String> env = Map.of("GUIDANCE_DATABASE", "jdbc:postgresql://db-env/guidance",
        "GUIDANCE_DATABASE_USER", "app", "GUIDANCE_DATABASE_PASSWORD", "s3cret");
    assertEquals(new DatabaseConfig("jdbc:postgresql://db-env/guidance", "app", "s3cret"),
        AppConfig.from(new String[0], env).database());
    AppConfig c = AppConfig.from(new String[] {"--database", "jdbc:postgresql://db-flag:5433/guidance"}, env);
    assertEquals(new DatabaseConfig("jdbc:postgresql://db-flag:5433/guidance", "app", "s3cret"), c.database());
    assertFalse(c.toString().contains("s3cret"), c.toString());
  }

  @Test
  void a_password_in_the_database_url_exits_2_without_repeating_it() {
    Run r = run("--database", "jdbc:postgresql://db/guidance?password=s3cret");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("Error: The database URL must not carry a password; set GUIDANCE_DATABASE_PASSWORD"
        + " instead, got 'jdbc:postgresql://db/guidance?password=***'."), r.err());
    assertFalse(r.err().contains("s3cret"), r.err());
  }

  @Test
  void a_database_url_of_another_product_exits_2_naming_its_scheme() {
    Run r = run(Map.of("GUIDANCE_DATABASE", "jdbc:mysql://db/guidance"));
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("Error: The database URL must start with jdbc:h2: or jdbc:postgresql:, got"
        + " 'jdbc:mysql:'."), r.err());
  }

  @Test
  void a_bad_environment_value_is_refused_naming_the_option() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AppConfig.from(new String[0], Map.of("GUIDANCE_RATE_LIMIT", "lots")));
    assertEquals("Invalid value for option '--rate-limit': 'lots' is not an int", e.getMessage());
  }

  @Test
  void the_search_cache_size_comes_from_the_flag_or_environment_and_defaults_to_16_mib() {
    assertEquals(16, AppConfig.from(new String[0], Map.of()).searchCacheMb());
    assertEquals(0, AppConfig.from(new String[0], Map.of("GUIDANCE_SEARCH_CACHE_MB", "0")).searchCacheMb());
    assertEquals(64, AppConfig.from(new String[] {"--search-cache-mb", "64"}, Map.of()).searchCacheMb());
  }

  @Test
  void a_negative_search_cache_size_exits_2_naming_the_option_and_value() {
    Run r = run("--search-cache-mb", "-1");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("Error: The search-cache-mb must be between 0 and 4096, got -1."), r.err());
  }

  @Test
  void eval_without_input_exits_2() {
    Run r = run("eval");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("Error: Give --questions FILE, --beir DIR or --screen test."), r.err());
  }

  @Test
  void add_token_with_too_few_arguments_exits_2_with_its_usage() {
    Run r = run("add-token", "alice");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("Error: Missing required parameter: 'LABEL'"), r.err());
    assertTrue(r.err().contains(
        "Usage: java -jar guidance-assistant.jar add-token TRAINER LABEL [--data DIR | --database URL]"), r.err());
  }
}
