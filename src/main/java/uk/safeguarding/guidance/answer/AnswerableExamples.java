package uk.safeguarding.guidance.answer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled questions the answer-or-decline decision learns from ({@value #BANK}, JSON lines
 * {@code {"q", "answerable"}}): questions the library answers, and near-domain questions it does not
 * cover. Built from the question bank's train split only; trainers add lines to teach it. Stateless.
 */
final class AnswerableExamples {

  /** The shipped examples, a classpath resource. */
  static final String BANK = "/answer/answerable-examples.jsonl";

  /** One labelled question. */
  record Example(String text, boolean answerable) {

    Example {
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException("An answerable example needs text");
      }
      text = text.strip();
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

  /** JSON lines {@code {"q": text, "answerable": true|false}}; blank lines are ignored. */
  static List<Example> parse(String text, String source) {
    List<Example> out = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        JsonObject o = JsonParser.parseString(line).getAsJsonObject();
        JsonElement q = o.get("q");
        JsonElement answerable = o.get("answerable");
        if (q == null || !q.isJsonPrimitive() || answerable == null || !answerable.isJsonPrimitive()
            || !answerable.getAsJsonPrimitive().isBoolean()) {
          throw new IllegalArgumentException("needs \"q\" (text) and \"answerable\" (true or false)");
        }
        out.add(new Example(q.getAsString(), answerable.getAsBoolean()));
      } catch (JsonParseException | IllegalStateException | IllegalArgumentException e) {
        throw new IllegalStateException(source + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return out;
  }
}
