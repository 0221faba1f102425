package uk.safeguarding.guidance.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recovers a PDF's structure from the layout of its lines ({@link PdfLine}) and writes it as text
 * the {@link TextLoader} reads back: headings marked with "#" at their level, one paragraph per
 * line, list items as "- " lines. Running headers and footers (the same words at the same place on
 * most pages) and page numbers are dropped; the title is the first page's largest text; headings
 * are lines set larger than the body, or bold, or numbered ("4. Recommendations") and standing
 * alone; a bold label opening a paragraph ("What practitioners should do:") opens a sub-section;
 * text laid out in aligned columns is a table ({@link PdfTables}), written as a pipe table.
 * Stateless, thread-safe.
 */
final class PdfStructure {

  /** Type this much larger than the body text is a heading. */
  static final float HEADING_SCALE = 1.12f;
  /** The first page's largest type is the title when this much larger than the body. */
  static final float TITLE_SCALE = 1.25f;
  /** A vertical gap this many times the usual line spacing separates paragraphs. */
  static final float PARAGRAPH_GAP = 1.4f;
  /** Line spacing rarely exceeds this many times the type size; wider gaps are paragraph breaks. */
  static final float MAX_LEADING = 1.6f;
  static final int MAX_HEADING_WORDS = 14;
  static final int MAX_LABEL_WORDS = 8;

  private static final Pattern BULLET = Pattern.compile("^[•·▪◦‣●○■□➢►✓\\-–*]\\s+");
  private static final Pattern NUMBERED_ITEM = Pattern.compile("^\\d{1,2}[.)]\\s+\\S.*");
  private static final Pattern SENTENCE_END = Pattern.compile(".*[.,;!?]$");

  /**
   * The structured text, the title found by layout (empty if none), the running headers and
   * footers dropped, and every line's words (furniture included) for reading metadata.
   */
  record Result(String text, String title, List<String> running, List<String> allLines) {}

  private PdfStructure() {}

  static Result read(List<PdfLine> lines) {
    PdfMargins.Split margins = PdfMargins.split(lines);
    List<PdfLine> body = margins.body();
    float bodySize = bodySize(body);
    float spacing = lineSpacing(body, bodySize);
    List<String> chunks = new ArrayList<>();
    Set<Integer> titleLines = new HashSet<>();
    String title = "";
    float pageOneLargest = body.isEmpty() ? 0
        : (float) body.stream().filter(l -> l.page() == body.get(0).page())
            .mapToDouble(PdfLine::size).max().orElse(0);
    if (!body.isEmpty() && pageOneLargest >= bodySize * TITLE_SCALE) {
      int i = 0;
      while (body.get(i).size() < pageOneLargest) {
        i++;
      }
      StringBuilder t = new StringBuilder(body.get(i).text());
      titleLines.add(i);
      while (i + 1 < body.size() && body.get(i + 1).size() == pageOneLargest
          && body.get(i + 1).page() == body.get(i).page()) {
        t.append(' ').append(body.get(++i).text()); // a title set over two lines is one title
        titleLines.add(i);
      }
      title = t.toString();
      chunks.add("# " + title);
    }
    List<PdfLine> rest = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      if (!titleLines.contains(i)) {
        rest.add(body.get(i));
      }
    }
    List<Float> headingSizes = rest.stream().filter(l -> l.size() >= bodySize * HEADING_SCALE)
        .map(l -> round(l.size())).distinct().sorted((a, b) -> Float.compare(b, a)).toList();
    new Writer(rest, 0, bodySize, spacing, headingSizes, chunks).write();
    return new Result(String.join("\n\n", chunks), title, margins.running(),
        lines.stream().map(PdfLine::text).toList());
  }

  /** Builds the chunks of text line by line; one per call of {@link #read}. */
  private static final class Writer {

    private final List<PdfLine> body;
    private final int start;
    private final float bodySize;
    private final float spacing;
    private final List<Float> headingSizes;
    private final List<String> chunks;
    private final StringBuilder paragraph = new StringBuilder();
    private final List<String> items = new ArrayList<>();
    private int level = 1;
    private PdfLine lastHeading;

    Writer(List<PdfLine> body, int start, float bodySize, float spacing, List<Float> headingSizes,
        List<String> chunks) {
      this.body = body;
      this.start = start;
      this.bodySize = bodySize;
      this.spacing = spacing;
      this.headingSizes = headingSizes;
      this.chunks = chunks;
    }

    void write() {
      Map<Integer, PdfTables.Table> tables = PdfTables.find(body);
      for (int i = start; i < body.size(); i++) {
        PdfTables.Table table = tables.get(i);
        if (table != null) {
          endBlock();
          chunks.add(table.text());
          i = table.end() - 1;
          continue;
        }
        PdfLine l = body.get(i);
        PdfLine prev = i > start ? body.get(i - 1) : null;
        PdfLine next = i + 1 < body.size() ? body.get(i + 1) : null;
        boolean breakBefore = prev == null || gap(prev, l) || prev.size() != l.size();
        int headingLevel = headingLevel(l, breakBefore, next == null || gap(l, next) || next.size() != l.size());
        if (headingLevel > 0) {
          if (lastHeading != null && prev == lastHeading && !gap(prev, l) && prev.size() == l.size()
              && prev.bold() == l.bold()) {
            String last = chunks.remove(chunks.size() - 1); // a heading wrapped over two lines
            chunks.add(last + " " + l.text());
          } else {
            endBlock();
            level = headingLevel;
            chunks.add("#".repeat(headingLevel) + " " + l.text());
          }
          lastHeading = l;
          continue;
        }
        boolean opensParagraph = breakBefore || prev == null || prev == lastHeading
            || prev.text().matches(".*[.!?:]$");
        String label = label(l);
        if (!label.isEmpty() && opensParagraph) {
          endBlock();
          chunks.add("#".repeat(Math.min(6, level + 1)) + " " + label.replaceAll("\\s*:$", ""));
          String rest = l.text().substring(Math.min(l.text().length(), l.boldPrefix().length())).strip();
          if (l.bold() || rest.isEmpty()) {
            continue;
          }
          addText(rest, false);
          continue;
        }
        boolean continuesAcrossPage = prev != null && prev.page() != l.page() && !prev.text().matches(".*[.!?:]$")
            && paragraph.length() > 0;
        addText(l.text(), breakBefore && !continuesAcrossPage);
      }
      endBlock();
    }

    /** The heading level of {@code l}, or 0 when it is body text. */
    private int headingLevel(PdfLine l, boolean breakBefore, boolean breakAfter) {
      String t = l.text();
      int words = t.split("\\s+").length;
      if (words > MAX_HEADING_WORDS || BULLET.matcher(t).find() || !Character.isLetterOrDigit(t.charAt(0))) {
        return 0;
      }
      int numbered = TextLoader.numberedHeadingLevel(t);
      int depth = numbered > 0 ? numbered - 1 : 1;
      boolean larger = l.size() >= bodySize * HEADING_SCALE;
      if (larger && !SENTENCE_END.matcher(t).matches()) {
        return Math.min(6, 2 + Math.max(headingSizes.indexOf(round(l.size())), depth - 1));
      }
      boolean standalone = breakBefore && breakAfter;
      if ((l.bold() && (standalone || lastHeading != null)) || (numbered > 0 && standalone)) {
        if (SENTENCE_END.matcher(t).matches() || (l.bold() && t.endsWith(":") && words <= MAX_LABEL_WORDS)) {
          return 0; // a bold sentence is emphasis; a bold "Label:" is a label
        }
        return Math.min(6, 2 + Math.max(headingSizes.size(), depth - 1));
      }
      return 0;
    }

    /** The bold words opening a paragraph as a label ("What we learned:"), or empty. */
    private String label(PdfLine l) {
      String candidate = l.bold() ? l.text() : l.boldPrefix();
      boolean labelled = candidate.matches(".*[:?]$") && !candidate.isEmpty()
          && candidate.split("\\s+").length <= MAX_LABEL_WORDS;
      return labelled ? candidate : "";
    }

    private void addText(String text, boolean newBlock) {
      boolean item = BULLET.matcher(text).find() || NUMBERED_ITEM.matcher(text).matches();
      if (item) {
        if (paragraph.length() > 0) {
          endBlock();
        }
        items.add(NUMBERED_ITEM.matcher(text).matches() ? text : "- " + BULLET.matcher(text).replaceFirst(""));
        return;
      }
      if (newBlock) {
        endBlock();
      }
      if (!items.isEmpty() && !newBlock) {
        int last = items.size() - 1;
        items.set(last, join(items.get(last), text)); // a wrapped list item
        return;
      }
      endList();
      paragraph.replace(0, paragraph.length(), join(paragraph.toString(), text));
    }

    private void endBlock() {
      if (paragraph.length() > 0) {
        chunks.add(paragraph.toString());
        paragraph.setLength(0);
      }
      endList();
    }

    private void endList() {
      if (!items.isEmpty()) {
        chunks.add(String.join("\n", items));
        items.clear();
      }
    }

    private boolean gap(PdfLine a, PdfLine b) {
      return a.page() != b.page() || b.y() - a.y() > spacing * PARAGRAPH_GAP || b.y() < a.y();
    }
  }

  /** Joins a line to the text before it, mending a word hyphenated across the line break. */
  private static String join(String before, String line) {
    if (before.isEmpty()) {
      return line;
    }
    if (before.matches(".*\\p{Ll}-$") && !line.isEmpty() && Character.isLowerCase(line.charAt(0))) {
      return before.substring(0, before.length() - 1) + line;
    }
    return before + " " + line;
  }

  /** The size most of the text is set in, weighted by characters. */
  static float bodySize(List<PdfLine> lines) {
    Map<Float, Integer> chars = new HashMap<>();
    lines.forEach(l -> chars.merge(round(l.size()), l.text().length(), Integer::sum));
    return chars.entrySet().stream().max(Map.Entry.<Float, Integer>comparingByValue()
        .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(0f);
  }

  /** The usual distance between consecutive lines of body text, at most {@link #MAX_LEADING} times its size. */
  private static float lineSpacing(List<PdfLine> lines, float bodySize) {
    List<Float> gaps = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      PdfLine a = lines.get(i - 1);
      PdfLine b = lines.get(i);
      if (a.page() == b.page() && round(a.size()) == bodySize && round(b.size()) == bodySize && b.y() > a.y()) {
        gaps.add(b.y() - a.y());
      }
    }
    if (gaps.isEmpty()) {
      return Math.max(1, bodySize * 1.2f);
    }
    gaps.sort(Float::compare);
    // The lower quartile: most gaps are within paragraphs, and a short document may have few of those.
    return Math.min(gaps.get(gaps.size() / 4), bodySize * MAX_LEADING);
  }

  static float round(float size) {
    return Math.round(size * 2) / 2f;
  }
}
