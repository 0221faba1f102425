package uk.safeguarding.guidance.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import uk.safeguarding.guidance.answer.AnswerSentences;

/**
 * A practitioner question with the phrases that identify a passage answering it, or marked out
 * of scope. A passage is relevant when its text contains any phrase, ignoring case, curly quotes
 * and runs of white space.
 */
public record Question(String text, List<String> expect, String answer, boolean outOfScope) {

  public Question {
    expect = List.copyOf(expect);
    answer = answer == null ? "" : answer;
  }

  public Question(String text, List<String> expect, boolean outOfScope) {
    this(text, expect, "", outOfScope);
  }

  /** Whether an answer point quotes the answering sentence ({@link AnswerSentences#matches}). */
  public boolean isAnswerSentence(String point) {
    return AnswerSentences.matches(answer, point);
  }

  public boolean isAnsweredBy(String passageText) {
    String haystack = normalise(passageText);
    return expect.stream().map(Question::normalise).anyMatch(haystack::contains);
  }

  static String normalise(String s) {
    return AnswerSentences.normalise(s);
  }

  /**
   * The {@code "history"} of each line of a conversation file (the question asked just before, as in
   * {@code followups-*.jsonl}), in the order of {@link #read}; null for a line asked alone.
   */
  public static List<String> histories(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        JsonElement h = JsonParser.parseString(line).getAsJsonObject().get("history");
        out.add(h == null || h.isJsonNull() ? null : h.getAsString());
      }
    }
    return out;
  }

  /** Reads a JSON-lines file of {"q", "expect"} or {"q", "outOfScope": true} objects. */
  public static List<Question> read(Path file) throws IOException {
    List<Question> questions = new ArrayList<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonObject o = JsonParser.parseString(line).getAsJsonObject();
        List<String> expect = new ArrayList<>();
        if (o.has("expect")) {
          for (JsonElement e : o.getAsJsonArray("expect")) {
            expect.add(e.getAsString());
          }
        }
        boolean out = o.has("outOfScope") && o.get("outOfScope").getAsBoolean();
        String answer = o.has("answer") ? o.get("answer").getAsString() : "";
        questions.add(new Question(o.get("q").getAsString(), expect, answer, out));
      } catch (RuntimeException e) {
        throw new IOException(file + " line " + lineNo + " is not a question object: " + e.getMessage(), e);
      }
    }
    return questions;
  }
}
