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

  /** One quotable unit, whether it came from a list item, and the labelled sub-section it sits in. */
  record Unit(String text, boolean listItem, Part part) {

    Unit(String text, boolean listItem) {
      this(text, listItem, Part.UNLABELLED);
    }
  }

  private Sentences() {}

  /** The units long enough to quote ({@value #MIN_QUOTABLE_CHARS}+ characters): shorter ones are heading-like fragments. */
  static List<Unit> quotable(String passageText) {
    return units(passageText).stream().filter(u -> u.text().length() >= MIN_QUOTABLE_CHARS).toList();
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
