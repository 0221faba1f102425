package uk.safeguarding.guidance.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A practitioner question with the phrases that identify a passage answering it, or marked out
 * of scope. A passage is relevant when its text contains any phrase, ignoring case, curly quotes
 * and runs of white space.
 */
public record Question(String text, List<String> expect, boolean outOfScope) {

  public Question {
    expect = List.copyOf(expect);
  }

  public boolean isAnsweredBy(String passageText) {
    String haystack = normalise(passageText);
    return expect.stream().map(Question::normalise).anyMatch(haystack::contains);
  }

  static String normalise(String s) {
    return s.toLowerCase(Locale.ROOT).replace('‘', '\'').replace('’', '\'').replace('“', '"').replace('”', '"')
        .replaceAll("\\s+", " ").strip();
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
        questions.add(new Question(o.get("q").getAsString(), expect, out));
      } catch (RuntimeException e) {
        throw new IOException(file + " line " + lineNo + " is not a question object: " + e.getMessage(), e);
      }
    }
    return questions;
  }
}
