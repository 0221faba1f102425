package uk.safeguarding.guidance.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs a section's units (paragraphs, lists, tables) into passages of at most about {@link #MAX_CHARS}
 * characters, cutting a unit longer than that at list items or sentences. Nothing is lost or repeated.
 * Stateless.
 */
final class PassagePacker {

  /** Longest passage, in characters: a few sentences, as much as an answer quotes at once. */
  static final int MAX_CHARS = 1000;
  /** Shortest last passage of a section; a shorter one joins the passage before it. */
  static final int MIN_CHARS = 140;
  /**
   * A sentence or line longer than this is cut at spaces into pieces of at most {@link #MAX_CHARS}: text
   * with no sentence ends (a data export, a bomb of repeated words) would otherwise be one passage of any
   * length (5 MB in an outsider's probe), quoted and embedded whole. The library's longest line is 1,127
   * characters, so no shipped passage changes.
   */
  static final int LONGEST_PIECE = 4 * MAX_CHARS;

  private PassagePacker() {}

  /** Packs units into passages of at most about {@link #MAX_CHARS}, splitting long units. */
  static List<String> pack(List<String> units) {
    List<String> pieces = new ArrayList<>();
    for (String unit : units) {
      pieces.addAll(unit.length() <= MAX_CHARS ? List.of(unit) : splitLong(unit));
    }
    List<StringBuilder> passages = new ArrayList<>();
    StringBuilder current = null;
    String previousSep = "\n\n";
    for (String piece : pieces) {
      String text = piece.startsWith("\u0001") ? piece.substring(1) : piece;
      String sep = piece.startsWith("\u0001") ? " " : "\n\n"; // \u0001 marks a sentence continuing a paragraph
      if (current == null || current.length() + text.length() + sep.length() > MAX_CHARS) {
        current = new StringBuilder(text);
        passages.add(current);
      } else {
        current.append(sep).append(text);
      }
      previousSep = sep;
    }
    if (passages.size() > 1 && passages.get(passages.size() - 1).length() < MIN_CHARS) {
      StringBuilder last = passages.remove(passages.size() - 1);
      passages.get(passages.size() - 1).append(previousSep).append(last);
    }
    return passages.stream().map(StringBuilder::toString).toList();
  }

  /** Splits a long unit at list items, or else at sentences; continuation pieces are marked. */
  private static List<String> splitLong(String unit) {
    List<String> out = new ArrayList<>();
    if (unit.contains("\n")) {
      String[] lines = unit.split("\n");
      StringBuilder group = new StringBuilder();
      for (String line : lines) {
        if (group.length() > 0 && group.length() + line.length() + 1 > MAX_CHARS) {
          out.add(group.toString());
          group.setLength(0);
        }
        if (line.length() > LONGEST_PIECE) {
          if (group.length() > 0) {
            out.add(group.toString());
            group.setLength(0);
          }
          out.addAll(SentenceSplitter.cutAtSpaces(line, MAX_CHARS));
          continue;
        }
        group.append(group.length() == 0 ? "" : "\n").append(line);
      }
      if (group.length() > 0) {
        out.add(group.toString());
      }
      return out;
    }
    List<String> sentences = new ArrayList<>();
    for (String sentence : SentenceSplitter.split(unit)) {
      sentences.addAll(
          sentence.length() > LONGEST_PIECE ? SentenceSplitter.cutAtSpaces(sentence, MAX_CHARS) : List.of(sentence));
    }
    for (int i = 0; i < sentences.size(); i++) {
      out.add(i == 0 ? sentences.get(i) : "\u0001" + sentences.get(i));
    }
    return out;
  }
}
