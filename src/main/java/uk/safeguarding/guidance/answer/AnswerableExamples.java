package uk.safeguarding.guidance.answer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import uk.safeguarding.guidance.ops.LabelledLines;

/**
 * The labelled questions the answer step learns from ({@value #BANK}, JSON lines {@code {"q",
 * "answerable", "expect"?, "answer"?}}): questions the library answers, with phrases of the passage and
 * the sentence that answer them when known (for the sentence scorer), and near-domain questions it does not cover (for the
 * answer-or-decline decision). Built from the question bank's train split only; trainers add lines to
 * teach it. Stateless.
 */
final class AnswerableExamples {

  /** The shipped examples, a classpath resource. */
  static final String BANK = "/answer/answerable-examples.jsonl";

  /**
   * One labelled question; {@code expect} holds phrases of the passage that answers it and
   * {@code answer} the sentence that does (empty when not known); {@code origin} names a trainer's line
   * ("answer-examples.txt line 3"), empty for the shipped bank.
   */
  record Example(String text, boolean answerable, List<String> expect, String answer, String origin) {

    Example {
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException("An answerable example needs text");
      }
      text = text.strip();
      expect = expect == null ? List.of() : List.copyOf(expect);
      answer = answer == null ? "" : answer.strip();
      origin = origin == null ? "" : origin;
    }

    /** A shipped example. */
    Example(String text, boolean answerable, List<String> expect, String answer) {
      this(text, answerable, expect, answer, "");
    }

    /** Whether a passage's text contains one of the {@code expect} phrases (case, quotes and spacing aside). */
    boolean answeredBy(String passageText) {
      String text = AnswerSentences.normalise(passageText);
      return expect.stream().map(AnswerSentences::normalise).anyMatch(text::contains);
    }
  }

  private AnswerableExamples() {}

  /** The shipped examples; a bad line is a build mistake, so it fails loudly with its line number. */
  static List<Example> bank() {
    try (InputStream in = AnswerableExamples.class.getResourceAsStream(BANK)) {
      if (in == null) {
        throw new IllegalStateException("The answerable examples " + BANK + " are missing from the jar");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BANK);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the answerable examples " + BANK, e);
    }
  }

  /** JSON lines {@code {"q", "answerable": true|false, "expect": [phrases]?, "answer": sentence?}}; blank lines ignored. */
  static List<Example> parse(String text, String source) {
    LabelledLines.Read read = LabelledLines.read(text, source, "answerable");
    if (!read.skipped().isEmpty()) {
      throw new IllegalStateException(read.skipped().get(0)); // the shipped bank must be whole
    }
    List<Example> out = new ArrayList<>();
    for (LabelledLines.Line line : read.lines()) {
      JsonObject o = line.json();
      try {
        List<String> expect = new ArrayList<>();
        if (o.has("expect")) {
          o.getAsJsonArray("expect").forEach(e -> expect.add(e.getAsString()));
        }
        JsonElement answer = o.get("answer");
        out.add(new Example(line.q(), line.label(), expect, answer == null ? "" : answer.getAsString()));
      } catch (IllegalStateException | ClassCastException | UnsupportedOperationException e) {
        throw new IllegalStateException(source + " line " + line.number() + ": " + e.getMessage(), e);
      }
    }
    return out;
  }
}
