package uk.safeguarding.guidance.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one rule for where a sentence ends, shared by the passage splitter (cutting a long paragraph)
 * and the answer step (the sentences a point quotes), so both cut text at the same places. Text is
 * never reworded, only cut. Stateless, thread-safe.
 */
public final class SentenceSplitter {

  /**
   * The white space after a full stop, question or exclamation mark (a closing quote or bracket may
   * follow it) and before a capital or a digit (an opening quote or bracket may come first): "e.g. the
   * child" stays one sentence, "… the child. Then …" and "… today.\" (The …" are two.
   */
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"'”’)]?)\\s+(?=[\"'“‘(]?[A-Z0-9])");

  private SentenceSplitter() {}

  /** {@code text}'s sentences in order, without the white space between them; one element when it has one sentence. */
  public static List<String> split(String text) {
    return List.of(SENTENCE_END.split(text));
  }

  /** {@code text} in pieces of at most {@code max} characters, each cut at the last space before the limit (or at it). */
  static List<String> cutAtSpaces(String text, int max) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    while (text.length() - start > max) {
      int cut = text.lastIndexOf(' ', start + max);
      if (cut <= start) {
        cut = start + max;
      }
      pieces.add(text.substring(start, cut).strip());
      start = cut;
    }
    pieces.add(text.substring(start).strip());
    pieces.removeIf(String::isEmpty);
    return pieces;
  }
}
