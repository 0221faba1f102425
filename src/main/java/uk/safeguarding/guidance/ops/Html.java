package uk.safeguarding.guidance.ops;

/**
 * The one HTML escaper for text the server writes into HTML itself (the login page's message,
 * highlighted snippets). Stateless, thread-safe.
 */
public final class Html {

  private Html() {}

  /**
   * {@code text} safe inside an element or a quoted attribute: {@code & < > " '} become entities,
   * everything else is kept as it is.
   */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
