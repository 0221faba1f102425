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
 * and weight from the glyphs' {@link TextPosition}s, position on the page. The text it writes is
 * unchanged, so the bounds on extraction act exactly as before. One per extraction; not thread-safe.
 */
final class LineCollector extends BoundedTextStripper {

  /** A font descriptor weight at or above this is bold (400 is regular, 700 bold). */
  static final float BOLD_WEIGHT = 600;

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
    lines.add(new PdfLine(page, y, pageHeight, Float.isNaN(x) ? 0 : x, size, allBold,
        prefix ? boldPrefix.toString() : "", text.toString()));
    reset();
  }

  private void reset() {
    text.setLength(0);
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
