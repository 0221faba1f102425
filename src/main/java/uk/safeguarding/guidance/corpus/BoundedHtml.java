package uk.safeguarding.guidance.corpus;

import java.io.Serial;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.NodeTraversor;

/**
 * Parses HTML with Jsoup within a memory budget: refuses a page with more tags than any real page
 * has (each costs Jsoup a few hundred bytes, so a 20 MB upload of bare {@code <p>} would take
 * gigabytes) and one nested deeper than browsers build. Jsoup's parser and traversals are
 * iterative; the depth cap keeps any walk over the tree shallow as well. Stateless, thread-safe.
 */
public final class BoundedHtml {

  /**
   * Tags (counted as {@code <} characters) one file may hold. A long government guidance page has
   * about 20,000; this is ten times that, about 60 MB of Jsoup nodes at most.
   */
  public static final int MAX_TAGS = 200_000;
  /** Element nesting allowed; Chrome's parser stops nesting at the same depth. */
  public static final int MAX_DEPTH = 512;

  /** Why the HTML was not parsed; the message is the reason to show. */
  public static final class TooComplexException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    TooComplexException(String message) {
      super(message);
    }
  }

  private BoundedHtml() {}

  public static Document parse(String html) throws TooComplexException {
    long tags = html.chars().filter(c -> c == '<').count();
    if (tags > MAX_TAGS) {
      throw new TooComplexException("the HTML has " + PdfLoader.number(tags) + " tags, over the limit of "
          + PdfLoader.number(MAX_TAGS));
    }
    Document doc = Jsoup.parse(html);
    int[] deepest = {0};
    NodeTraversor.traverse((node, depth) -> deepest[0] = Math.max(deepest[0], depth), doc);
    if (deepest[0] > MAX_DEPTH) {
      throw new TooComplexException("the HTML nests elements " + PdfLoader.number(deepest[0])
          + " deep, over the limit of " + MAX_DEPTH);
    }
    return doc;
  }
}
