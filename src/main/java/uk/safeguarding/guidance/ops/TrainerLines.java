package uk.safeguarding.guidance.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plain-text format of the trainers' example files in the corpus folder: one example a line,
 * {@code label: text}, or for labels that take one {@code label: text => sentence}; blank lines and
 * {@code #} comments ignored. A line that does not fit is set aside as "FILE line N: why". Shared by
 * the files' readers and the admin page's check before a save, so both say the same. Stateless.
 */
public final class TrainerLines {

  /** Separates an example's text from the sentence that goes with it. */
  public static final String ARROW = "=>";
  /** The longest text or sentence kept; longer lines are skipped rather than cut mid-sentence. */
  public static final int MAX_CHARS = 2_000;

  /**
   * A file's format: its name (for messages), its labels (lower case), those that may carry a sentence
   * after {@link #ARROW}, and what a line's text is called ("situation", "question").
   */
  public record Format(String file, List<String> labels, List<String> withSentence, String noun) {}

  /** The safety screen's examples ({@code screen/ExampleFiles}): {@code urgent: …} or {@code calm: …}. */
  public static final Format URGENCY =
      new Format("urgency-examples.txt", List.of("urgent", "calm"), List.of(), "situation");
  /**
   * The answer step's examples ({@code answer/TrainerExamples}): {@code answer: …} (optionally
   * {@code => the answering sentence}) or {@code decline: …}.
   */
  public static final Format ANSWERS =
      new Format("answer-examples.txt", List.of("answer", "decline"), List.of("answer"), "question");

  /** One usable line: its number (from 1), label (lower case), text, and sentence ("" when none). */
  public record Line(int number, String label, String text, String sentence) {}

  /** The usable lines and the reasons for the others. */
  public record Read(List<Line> lines, List<String> skipped) {

    public Read {
      lines = List.copyOf(lines);
      skipped = List.copyOf(skipped);
    }
  }

  private TrainerLines() {}

  public static Read read(String content, Format format) {
    List<Line> out = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    String[] lines = content.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String s = lines[i].strip();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      String where = format.file() + " line " + (i + 1) + ": ";
      int colon = s.indexOf(':');
      String label = colon < 0 ? "" : s.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String rest = colon < 0 ? "" : s.substring(colon + 1).strip();
      boolean sentences = format.withSentence().contains(label);
      int arrow = sentences ? rest.indexOf(ARROW) : -1;
      String text = (arrow < 0 ? rest : rest.substring(0, arrow)).strip();
      String sentence = arrow < 0 ? "" : rest.substring(arrow + ARROW.length()).strip();
      if (!format.labels().contains(label)) {
        skipped.add(where + "start with " + String.join(" or ", format.labels().stream().map(l -> "\"" + l + ":\"")
            .toList()));
      } else if (!sentences && rest.contains(ARROW)) {
        skipped.add(where + "a \"" + label + ":\" line takes no sentence; remove \"" + ARROW + " …\"");
      } else if (text.isEmpty() || text.length() > MAX_CHARS) {
        skipped.add(where + "the " + format.noun() + " must be 1 to " + MAX_CHARS + " characters");
      } else if (arrow >= 0 && (sentence.isEmpty() || sentence.length() > MAX_CHARS)) {
        skipped.add(where + "the sentence after \"" + ARROW + "\" must be 1 to " + MAX_CHARS + " characters");
      } else {
        out.add(new Line(i + 1, label, text, sentence));
      }
    }
    return new Read(out, skipped);
  }
}
