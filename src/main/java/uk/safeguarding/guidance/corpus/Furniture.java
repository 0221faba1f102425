package uk.safeguarding.guidance.corpus;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises page furniture by its words: page numbers, share/print/download widgets, feedback
 * prompts, cookie banners, skip links and "Published by … / Last updated …" lines. Such a line is
 * about the page, not guidance, and never belongs in a passage. Stateless, thread-safe.
 */
public final class Furniture {

  /** Longest line read as furniture: a real paragraph that merely mentions cookies is longer. */
  static final int MAX_CHARS = 260;

  private static final Pattern PAGE_NUMBER = Pattern.compile(
      "(?i)^(?:page\\s+)?\\d{1,4}(?:\\s*(?:of|/)\\s*\\d{1,4})?$|^-\\s*\\d{1,4}\\s*-$");
  /** One action of a widget row such as "Print this page | Download (PDF) | Share". */
  private static final Pattern ACTION = Pattern.compile(
      "(?i)^(?:print|download|email|e-mail|share|save|bookmark|tweet|copy link|listen)\\b.{0,40}$"
          + "|^(?:facebook|twitter|x|linkedin|whatsapp|email|print)$");
  private static final Pattern WIDGET_SEPARATORS = Pattern.compile("\\s*[|•·/]\\s*|\\s{2,}");
  private static final Pattern LINE = Pattern.compile("(?i)^(?:"
      + "was this (?:page|article|information) (?:helpful|useful)\\b.*"
      + "|(?:is there|report) (?:anything wrong|a problem) with this page\\b.*"
      + "|.{0,60}\\b(?:we|this (?:site|website)) uses? (?:cookies|essential cookies)\\b.*"
      + "|(?:accept|reject|manage|set) (?:all |optional |analytics )?cookies?\\b.*|cookie (?:settings|preferences|policy)\\b.*"
      + "|skip to (?:main )?content|back to top|return to top|go to top"
      + "|published by\\b.{0,160}"
      + "|(?:©|copyright\\b).{0,150}"
      + "|share (?:on|this|via|page)\\b.{0,160}"
      + ")$");
  /** A line that only dates the page: "Last updated: 14 March 2024", "Published September 2024". */
  private static final Pattern DATED = Pattern.compile("(?i)^(?:this page was |page |content )?"
      + "(?:last (?:updated|reviewed|modified)|updated|published|first published|date published|issued)"
      + "(?: on)?\\s*:?\\s*\\S.{0,30}$");

  private Furniture() {}

  /** The blocks without paragraphs that are furniture; headings, lists and tables are kept. */
  static List<Block> strip(List<Block> blocks) {
    return blocks.stream().filter(b -> b.kind() != Block.Kind.PARAGRAPH || !isFurniture(b.text())).toList();
  }

  /** Whether a whole line (or a short paragraph) is page furniture rather than guidance. */
  public static boolean isFurniture(String line) {
    String l = line == null ? "" : line.strip().replaceAll("\\s+", " ");
    if (l.isEmpty() || l.length() > MAX_CHARS) {
      return false;
    }
    if (PAGE_NUMBER.matcher(l).matches() || LINE.matcher(l).matches()) {
      return true;
    }
    if (DATED.matcher(l).matches()) {
      return Dates.parse(l).isPresent();
    }
    String[] parts = WIDGET_SEPARATORS.split(l);
    if (parts.length < 2) {
      return false;
    }
    for (String part : parts) {
      if (!part.isBlank() && !ACTION.matcher(part.strip()).matches() && !LINE.matcher(part.strip()).matches()) {
        return false;
      }
    }
    return true;
  }
}
