package uk.safeguarding.guidance.answer;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.corpus.PassageSplitter;

/** "You could also ask": a question a practitioner would ask about a related section, not its bare title. */
final class Suggestions {

  /** Headings that name a kind of section, not a topic ("What should you do?", "Recommendations"). */
  private static final Pattern GENERIC =
      Pattern.compile("(what (you should|should you|we have|did we|to) (do|learn(ed|t)?)|"
          + "recommendations?|background|introduction|summary|key (learning|messages|findings)|contents|overview)\\??");
  /** A heading's own numbering ("Theme 6:", "Finding 2 -", "7.11", "3)"): not part of the topic. */
  static final Pattern NUMBERING = Pattern.compile(
      "^((theme|finding|learning point|section|part|chapter|recommendation)\\s*\\d+\\s*[:.\\-–—]?\\s*|\\d+(\\.\\d+)*[.)]?\\s+)",
      Pattern.CASE_INSENSITIVE);
  /** Topics longer than this read badly inside a question; the heading is not offered. */
  static final int MAX_TOPIC_CHARS = 80;

  private Suggestions() {}

  /** A question about the passage's most specific topical heading, or "" when it has none. */
  static String question(Passage p) {
    List<String> path = p.subPath();
    for (int i = path.size() - 1; i >= 0; i--) {
      String h = path.get(i).strip();
      if (GENERIC.matcher(h.toLowerCase(Locale.ROOT)).matches() || partOfPart(path, i)) {
        continue; // a kind of section, or a part ("7.9.6 Outcome/action") of the numbered topic above it
      }
      String topic = NUMBERING.matcher(h).replaceFirst("").replaceAll("[?:.]+$", "").strip();
      if (topic.isEmpty() || topic.length() > MAX_TOPIC_CHARS) {
        return "";
      }
      // "Professional curiosity" reads "professional curiosity" mid-sentence; "SUDI", "Non-Accidental Injury"
      // and "Child S" keep their capitals (a first word with another capital, or a one-letter name after it).
      String firstWord = topic.split("\\s+")[0];
      boolean keep = firstWord.substring(1).chars().anyMatch(Character::isUpperCase)
          || topic.matches("\\S+ [A-Z]\\b.*");
      String lower = keep ? topic : Character.toLowerCase(topic.charAt(0)) + topic.substring(1);
      return "What does the library say about " + lower + "?";
    }
    return "";
  }

  /**
   * Whether heading {@code i} is a numbered part of a heading that is itself a numbered part ("7.9.6
   * Outcome/action" of "7.9 Chronologies audit" of "7. Audits"): it names a part of the topic above it.
   */
  private static boolean partOfPart(List<String> path, int i) {
    return i >= 2 && PassageSplitter.numberedPart(path.get(i), path.get(i - 1))
        && PassageSplitter.numberedPart(path.get(i - 1), path.get(i - 2));
  }
}
