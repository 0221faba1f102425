package uk.safeguarding.guidance.answer;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a quoted point is the sentence that answers a question: one contains the other, or the
 * point carries at least {@value #WORD_SHARE} of the sentence's words (a point may be one list item
 * or clause of it, cut differently). The eval's answer-sentence recall and the sentence scorer's
 * labels use the same test. Stateless.
 */
public final class AnswerSentences {

  /** A point this short inside the answering sentence is a fragment, not the answer. */
  static final int MIN_POINT_CHARS = 40;
  /** Share of the answering sentence's words a point must carry to count as quoting it. */
  static final double WORD_SHARE = 0.8;

  private AnswerSentences() {}

  public static boolean matches(String answer, String point) {
    if (answer == null || answer.isBlank()) {
      return false;
    }
    String a = normalise(answer);
    String p = normalise(point);
    if (a.contains(p) && p.length() >= MIN_POINT_CHARS || p.contains(a)) {
      return true;
    }
    List<String> words = List.of(a.split("[^a-z0-9]+"));
    Set<String> pointWords = new HashSet<>(List.of(p.split("[^a-z0-9]+")));
    long shared = words.stream().filter(pointWords::contains).count();
    return !words.isEmpty() && shared >= WORD_SHARE * words.size();
  }

  /** Lower case, straight quotes, single spaces. */
  public static String normalise(String s) {
    return s.toLowerCase(Locale.ROOT).replace('‘', '\'').replace('’', '\'').replace('“', '"').replace('”', '"')
        .replaceAll("\\s+", " ").strip();
  }
}
