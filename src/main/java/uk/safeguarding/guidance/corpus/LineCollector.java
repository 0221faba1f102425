package uk.safeguarding.guidance.corpus;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.TextPosition;

/**
 * A {@link BoundedTextStripper} that also records each line's layout ({@link PdfLine}): font size
 * and weight from the glyphs' {@link TextPosition}s, position on the page, and its spans (runs of
 * glyphs apart by a gap wider than {@link #COLUMN_GAP}: a table's cells). The text it writes is
 * unchanged, so the bounds on extraction act exactly as before. One per extraction; not thread-safe.
 */
final class LineCollector extends BoundedTextStripper {

  /** A font descriptor weight at or above this is bold (400 is regular, 700 bold). */
  static final float BOLD_WEIGHT = 600;
  /**
   * A gap between two glyphs on a line this many times the type size sets them in different spans
   * (table cells): a word space is about a quarter of it, and even justified text rarely stretches one
   * past half.
   */
  static final float COLUMN_GAP = 1.0f;
  /**
   * Spans a line records at most: no table is this wide, and a line of glyphs set far apart (a
   * crafted file) would otherwise cost a span per glyph. A line with more records none.
   */
  static final int MAX_SPANS = 24;

  private final List<PdfLine> lines = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private final StringBuilder boldPrefix = new StringBuilder();
  private int page;
  private float pageHeight;
  private float x = Float.NaN;
  private float y;
  private float size;
  private boolean allBold = true;
  private boolean prefixOpen = true;
  private final List<PdfLine.Span> spans = new ArrayList<>();
  private final StringBuilder spanText = new StringBuilder();
  private float spanX = Float.NaN;
  private float spanEnd;
  private boolean spanBold;
  private boolean spaceBefore;
  private boolean tooManySpans;

  LineCollector(int maxPageChars, long deadlineNanos, Duration timeout) {
    super(maxPageChars, deadlineNanos, timeout);
  }

  List<PdfLine> lines() {
    return List.copyOf(lines);
  }

  @Override
  protected void startPage(PDPage p) throws IOException {
    page++;
    pageHeight = p.getMediaBox() == null ? 792 : p.getMediaBox().getHeight();
    super.startPage(p);
  }

  @Override
  protected void writeString(String string, List<TextPosition> positions) throws IOException {
    boolean wordBold = !positions.isEmpty();
    for (TextPosition p : positions) {
      if (Float.isNaN(x)) {
        x = p.getXDirAdj();
        y = p.getYDirAdj();
      }
      size = Math.max(size, p.getFontSizeInPt());
      wordBold &= isBold(p.getFont());
      addToSpan(p);
    }
    allBold &= wordBold;
    if (prefixOpen && wordBold) {
      boldPrefix.append(string);
    } else {
      prefixOpen = false;
    }
    text.append(string);
    super.writeString(string, positions);
  }

  @Override
  protected void writeWordSeparator() throws IOException {
    text.append(' ');
    spaceBefore = true;
    if (prefixOpen) {
      boldPrefix.append(' ');
    }
    super.writeWordSeparator();
  }

  @Override
  protected void writeLineSeparator() throws IOException {
    flush();
    super.writeLineSeparator();
  }

  /** PDFBox ends a line this way, instead of a line separator, where it sees a paragraph break. */
  @Override
  protected void writeParagraphEnd() throws IOException {
    flush();
    super.writeParagraphEnd();
  }

  @Override
  protected void writeParagraphStart() throws IOException {
    flush();
    super.writeParagraphStart();
  }

  @Override
  protected void endPage(PDPage p) throws IOException {
    flush();
    super.endPage(p);
  }

  private void flush() {
    if (text.toString().isBlank()) {
      reset();
      return;
    }
    boolean prefix = !allBold && !boldPrefix.toString().isBlank();
    endSpan();
    lines.add(new PdfLine(page, y, pageHeight, Float.isNaN(x) ? 0 : x, size, allBold,
        prefix ? boldPrefix.toString() : "", text.toString(), tooManySpans ? List.of() : spans));
    reset();
  }

  /** Adds a glyph to the open span, or opens a new one after a gap wider than {@link #COLUMN_GAP}. */
  private void addToSpan(TextPosition p) {
    String glyph = p.getUnicode() == null ? "" : p.getUnicode();
    if (glyph.isBlank()) {
      spaceBefore = true; // a space glyph does not stretch a span: cells padded with spaces stay apart
      return;
    }
    float start = p.getXDirAdj();
    if (!Float.isNaN(spanX) && start - spanEnd > COLUMN_GAP * Math.max(1, p.getFontSizeInPt())) {
      endSpan();
    }
    if (Float.isNaN(spanX)) {
      spanX = start;
      spanBold = true;
    } else if (spaceBefore || start - spanEnd > p.getWidthOfSpace() * 0.5f) {
      spanText.append(' ');
    }
    spanText.append(glyph);
    spanBold &= isBold(p.getFont());
    spanEnd = Math.max(spanEnd, start + p.getWidthDirAdj());
    spaceBefore = false;
  }

  private void endSpan() {
    tooManySpans |= spans.size() >= MAX_SPANS && !Float.isNaN(spanX);
    if (!Float.isNaN(spanX) && !spanText.toString().isBlank() && !tooManySpans) {
      String cell = java.text.Normalizer.normalize(spanText, java.text.Normalizer.Form.NFKC);
      spans.add(new PdfLine.Span(spanX, spanEnd, spanBold, cell));
    }
    spanText.setLength(0);
    spanX = Float.NaN;
    spanEnd = 0;
    spaceBefore = false;
  }

  private void reset() {
    text.setLength(0);
    spans.clear();
    tooManySpans = false;
    spanText.setLength(0);
    spanX = Float.NaN;
    spanEnd = 0;
    spaceBefore = false;
    boldPrefix.setLength(0);
    x = Float.NaN;
    size = 0;
    allBold = true;
    prefixOpen = true;
  }

  /** Bold by the face's name ("Arial-BoldMT", "Helvetica-Bold") or its descriptor's weight or flag. */
  static boolean isBold(PDFont font) {
    if (font == null) {
      return false;
    }
    String name = font.getName() == null ? "" : font.getName().toLowerCase(Locale.ROOT);
    if (name.contains("bold") || name.contains("black") || name.contains("heavy") || name.contains("semibold")
        || name.contains("demi")) {
      return true;
    }
    PDFontDescriptor d = font.getFontDescriptor();
    return d != null && (d.isForceBold() || d.getFontWeight() >= BOLD_WEIGHT);
  }
}
