package uk.safeguarding.guidance.corpus;

import java.util.List;

/**
 * One line of a PDF page as laid out: where it sits, how big and heavy its type is, and its words.
 *
 * @param page       page number from 1
 * @param y          baseline, in points from the top of the page
 * @param pageHeight the page's height in points
 * @param x          left edge in points
 * @param size       the largest font size on the line, in points
 * @param bold       whether every glyph is in a bold face
 * @param boldPrefix the leading words set in bold when the rest is not ("What we learned:"), else empty
 * @param text       the line's words
 * @param spans      the line's runs of text set apart by a gap wider than a word space, left to right:
 *                   the cells of a table row; one span for ordinary text
 */
record PdfLine(int page, float y, float pageHeight, float x, float size, boolean bold, String boldPrefix, String text,
    List<Span> spans) {

  /**
   * A run of text on a line, from {@code x} to {@code end} in points, set wholly in bold or not.
   * Between two spans lies a gap of at least {@link LineCollector#COLUMN_GAP} times the type size.
   */
  record Span(float x, float end, boolean bold, String text) {

    Span {
      text = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
  }

  PdfLine {
    text = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    boldPrefix = boldPrefix == null ? "" : boldPrefix.strip();
    spans = spans == null ? List.of() : List.copyOf(spans);
  }

  /** A line of one span, as ordinary text is. */
  PdfLine(int page, float y, float pageHeight, float x, float size, boolean bold, String boldPrefix, String text) {
    this(page, y, pageHeight, x, size, bold, boldPrefix, text, List.of(new Span(x, x, bold, text)));
  }

  /** The line's place down the page, 0 at the top and 1 at the bottom. */
  float depth() {
    return pageHeight <= 0 ? 0.5f : y / pageHeight;
  }
}
