package uk.safeguarding.guidance.corpus;

import java.io.IOException;
import java.io.Serial;
import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A {@link PDFTextStripper} that stops as soon as a page has more glyphs than its cap or the
 * deadline passes. The stripper keeps every glyph of a page until the page ends (to sort them), so
 * the cap must act here, glyph by glyph, not on the text written afterwards. One per extraction;
 * not thread-safe.
 */
sealed class BoundedTextStripper extends PDFTextStripper permits LineCollector {

  /** A limit was reached; the message names it. Unchecked because PDFBox's callbacks throw nothing. */
  static final class OverBudget extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    OverBudget(String message) {
      super(message);
    }
  }

  private final int maxPageChars;
  private final long deadlineNanos;
  private final Duration timeout;
  private int pageNumber;
  private int pageChars;

  BoundedTextStripper(int maxPageChars, long deadlineNanos, Duration timeout) {
    this.maxPageChars = maxPageChars;
    this.deadlineNanos = deadlineNanos;
    this.timeout = timeout;
  }

  @Override
  protected void startPage(PDPage page) throws IOException {
    pageNumber++;
    pageChars = 0;
    super.startPage(page);
  }

  @Override
  protected void processTextPosition(TextPosition text) {
    pageChars += Math.max(1, text.getUnicode() == null ? 0 : text.getUnicode().length());
    if (pageChars > maxPageChars) {
      throw new OverBudget("the PDF's page " + pageNumber + " has over " + PdfLoader.number(maxPageChars)
          + " characters of text, the most one page may hold (a text bomb?)");
    }
    checkDeadline();
    super.processTextPosition(text);
  }

  @Override
  protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
    checkDeadline();
    super.processOperator(operator, operands);
  }

  private static String seconds(Duration d) {
    return d.toNanos() % 1_000_000_000L == 0 ? Long.toString(d.toSeconds())
        : String.format(java.util.Locale.ROOT, "%.3f", d.toNanos() / 1e9);
  }

  private void checkDeadline() {
    if (System.nanoTime() - deadlineNanos > 0) {
      throw new OverBudget("reading the PDF took over " + seconds(timeout) + " seconds (stopped at page "
          + pageNumber + "), the most one file may take");
    }
  }
}
