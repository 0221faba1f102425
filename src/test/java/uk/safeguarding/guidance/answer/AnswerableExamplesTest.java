package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.eval.Question;

class AnswerableExamplesTest {

  @Test
  void the_shipped_examples_hold_both_labels_and_no_held_out_question() throws IOException {
    List<AnswerableExamples.Example> bank = AnswerableExamples.bank();
    assertTrue(bank.stream().filter(AnswerableExamples.Example::answerable).count() >= 700, "answerable");
    assertTrue(bank.stream().filter(e -> !e.answerable()).count() >= 300, "not covered");
    Set<String> heldOut = new HashSet<>();
    // Every writer's held-out quarter, and the follow-ups' (a later writer may repeat an earlier one's question).
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/eval"))) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-test.jsonl")).toList()) {
        Question.read(file).forEach(q -> heldOut.add(norm(q.text())));
      }
    }
    assertTrue(heldOut.size() >= 900, "held-out questions " + heldOut.size());
    assertTrue(bank.stream().noneMatch(e -> heldOut.contains(norm(e.text()))),
        "a test-split question is in the examples");
  }

  @Test
  void a_bad_line_names_the_file_and_line() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> AnswerableExamples.parse("{\"q\": \"a\", \"answerable\": true}\n\n{\"q\": \"b\"}", "x.jsonl"));
    assertEquals("x.jsonl line 3: needs \"q\" (text) and \"answerable\" (true or false)", e.getMessage());
  }

  private static String norm(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }
}
