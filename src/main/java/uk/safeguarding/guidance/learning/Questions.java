package uk.safeguarding.guidance.learning;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The key under which questions that ask the same thing are grouped: lowercase words without
 * punctuation or stop words, plurals stripped, sorted and unique. "What should I do when families
 * relocate?" and "families relocating - what to do" share little; "family relocates, what to do"
 * and "What to do when a family relocates?" share a key.
 */
public final class Questions {

  private static final Set<String> STOP = Set.of("a", "about", "all", "am", "an", "and", "any", "are", "as", "at",
      "be", "been", "by", "can", "could", "do", "does", "for", "from", "has", "have", "how", "i", "if", "in", "is",
      "it",
      "its", "me", "my", "of", "on", "or", "our", "should", "so", "that", "the", "their", "them", "there", "they",
      "this",
      "to", "was", "we", "were", "what", "when", "where", "which", "who", "why", "will", "with", "would", "you",
      "your");

  private Questions() {}

  public static String key(String question) {
    // Masked identifiers ("[name]", "[date of birth]") say nothing about what was asked.
    String words = question == null ? ""
        : question.toLowerCase(Locale.ROOT).replaceAll("\\[[a-z ]+\\]", " ")
            .replaceAll("[^\\p{L}\\p{N}]+", " ");
    TreeSet<String> out = new TreeSet<>();
    Arrays.stream(words.strip().split("\\s+")).filter(w -> !w.isEmpty() && !STOP.contains(w))
        .map(Questions::singular).forEach(out::add);
    return String.join(" ", out);
  }

  /**
   * A simple plural strip: "families" → "family", "bruises" → "bruise", "cases" → "case", not "class".
   * Also how the upload preview matches a document's words to the library's themes.
   */
  public static String singular(String w) {
    if (w.length() > 4 && w.endsWith("ies")) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }
}
