package uk.safeguarding.guidance.corpus;

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
 */
record PdfLine(int page, float y, float pageHeight, float x, float size, boolean bold, String boldPrefix, String text) {

  PdfLine {
    text = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    boldPrefix = boldPrefix == null ? "" : boldPrefix.strip();
  }

  /** The line's place down the page, 0 at the top and 1 at the bottom. */
  float depth() {
    return pageHeight <= 0 ? 0.5f : y / pageHeight;
  }
}
