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
public record Question(String text, List<String> expect, String answer, boolean outOfScope) {

  public Question {
    expect = List.copyOf(expect);
    answer = answer == null ? "" : answer;
  }

  public Question(String text, List<String> expect, boolean outOfScope) {
    this(text, expect, "", outOfScope);
  }

  /**
   * Whether an answer point quotes the answering sentence: one contains the other, or the point
   * carries at least {@link #SENTENCE_WORD_SHARE} of the sentence's words (the point may be one
   * list item or clause of it, cut differently).
   */
  public boolean isAnswerSentence(String point) {
    if (answer.isEmpty()) {
      return false;
    }
    String a = normalise(answer);
    String p = normalise(point);
    if (a.contains(p) && p.length() >= MIN_POINT_CHARS || p.contains(a)) {
      return true;
    }
    List<String> words = List.of(a.split("[^a-z0-9]+"));
    java.util.Set<String> pointWords = new java.util.HashSet<>(List.of(p.split("[^a-z0-9]+")));
    long shared = words.stream().filter(pointWords::contains).count();
    return !words.isEmpty() && shared >= SENTENCE_WORD_SHARE * words.size();
  }

  /** A point this short inside the answering sentence is a fragment, not the answer. */
  static final int MIN_POINT_CHARS = 40;
  /** Share of the answering sentence's words a point must carry to count as quoting it. */
  static final double SENTENCE_WORD_SHARE = 0.8;

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
        String answer = o.has("answer") ? o.get("answer").getAsString() : "";
        questions.add(new Question(o.get("q").getAsString(), expect, answer, out));
      } catch (RuntimeException e) {
        throw new IOException(file + " line " + lineNo + " is not a question object: " + e.getMessage(), e);
      }
    }
    return questions;
  }
}
