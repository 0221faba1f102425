package uk.safeguarding.guidance.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import uk.safeguarding.guidance.corpus.GuidanceLabels;
import uk.safeguarding.guidance.corpus.SentenceSplitter;

/**
 * Splits passage text into the units an answer point can quote: sentences of paragraphs, and list
 * items (a list's lead-in sentence is its own unit). Text is never reworded, only cut.
 */
final class Sentences {

  private static final Pattern LIST_MARK = Pattern.compile("^(?:[-*•]|\\d{1,2}[.)])\\s+");
  /** Labels the splitter keeps at the start of merged sub-sections, e.g. "What you should do: ". */
  private static final Pattern LABEL = GuidanceLabels.POINT_PREFIX;

  /** A report's paragraph number ("7.11.1 "): the point quotes the sentence, not where it sat. */
  private static final Pattern NUMBERING = Pattern.compile("^\\d{1,2}(?:\\.\\d{1,2}){1,3}\\.?\\s+(?=[A-Z(\"'“‘])");

  static final int MIN_QUOTABLE_CHARS = 25;

  /** The labelled sub-section of a merged passage a unit sits in, if any ({@link GuidanceLabels#LEARNED_PREFIX}). */
  enum Part {
    UNLABELLED, LEARNED, TO_DO
  }

  /**
   * One quotable unit, whether it came from a list item, the labelled sub-section it sits in, and, for a
   * bare lead-in ({@link #leadIn}), what it introduces in the passage ({@link #quotable}); otherwise empty.
   */
  record Unit(String text, boolean listItem, Part part, List<String> introduces) {

    Unit {
      introduces = List.copyOf(introduces);
    }

    Unit(String text, boolean listItem, Part part) {
      this(text, listItem, part, List.of());
    }

    Unit(String text, boolean listItem) {
      this(text, listItem, Part.UNLABELLED);
    }

    /** A sentence introducing what follows ("The review found:"), which says nothing alone. */
    boolean leadIn() {
      return text.endsWith(":") && !listItem;
    }
  }

  private Sentences() {}

  /**
   * The units long enough to quote ({@value #MIN_QUOTABLE_CHARS}+ characters): shorter ones are heading-like
   * fragments, or list items quoted only with their lead-in ({@link Unit#introduces}).
   */
  static List<Unit> quotable(String passageText) {
    List<Unit> all = units(passageText);
    List<Unit> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Unit u = all.get(i);
      if (u.text().length() >= MIN_QUOTABLE_CHARS) {
        out.add(u.leadIn() ? new Unit(u.text(), false, u.part(), introduced(all, i)) : u);
      }
    }
    return List.copyOf(out);
  }

  /**
   * What the lead-in {@code all[i]} introduces: the list items right after it, however short ("Police",
   * "NUTH": too short to quote alone, but part of the answer), or else the next sentence unless it is
   * another lead-in.
   */
  private static List<String> introduced(List<Unit> all, int i) {
    List<String> out = new ArrayList<>();
    for (int j = i + 1; j < all.size(); j++) {
      Unit next = all.get(j);
      if (!next.listItem()) {
        if (out.isEmpty() && !next.leadIn()) {
          out.add(next.text());
        }
        break;
      }
      out.add(next.text());
    }
    return out;
  }

  static List<Unit> units(String passageText) {
    List<Unit> out = new ArrayList<>();
    Part part = Part.UNLABELLED;
    for (String paragraph : passageText.split("\\n\\s*\\n")) {
      for (String line : paragraph.split("\\n")) {
        String l = line.strip();
        if (l.isEmpty()) {
          continue;
        }
        boolean item = LIST_MARK.matcher(l).find();
        l = LIST_MARK.matcher(l).replaceFirst("");
        part = GuidanceLabels.LEARNED_PREFIX.matcher(l).find() ? Part.LEARNED
            : GuidanceLabels.TO_DO_PREFIX.matcher(l).find() ? Part.TO_DO : part;
        l = LABEL.matcher(l).replaceFirst("");
        l = NUMBERING.matcher(l).replaceFirst("");
        if (item) {
          out.add(new Unit(l, true, part));
          continue;
        }
        for (String s : SentenceSplitter.split(l)) {
          if (!s.isBlank()) {
            out.add(new Unit(s.strip(), false, part));
          }
        }
      }
    }
    return out;
  }
}
