package uk.safeguarding.guidance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.ops.Commands;

class BenchTest {

  @Test
  void help_lists_every_option_and_exits_0_without_running() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    assertEquals(0, Commands.execute(new Bench(), new String[] {"--help"}, print, print));
    String usage = out.toString(StandardCharsets.UTF_8);
    assertTrue(usage.startsWith("Usage: java -cp guidance-assistant.jar uk.safeguarding.guidance.Bench [options]"),
        usage);
    for (String option : List.of("--corpus=DIR", "--data=DIR", "--clients=N", "--seconds=N", "--questions=FILE",
        "--beir=DIR",
        "--in-process")) {
      assertTrue(usage.contains(option), option + " in " + usage);
    }
  }

  @Test
  void a_bad_number_exits_2_naming_the_option() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertEquals(2, Commands.execute(new Bench(), new String[] {"--clients", "many"}, print, print));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Error: Invalid value for option '--clients': 'many'"),
        err.toString(StandardCharsets.UTF_8));
  }
}
