package uk.safeguarding.guidance.curate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import uk.safeguarding.guidance.corpus.BoundedHtml;

/**
 * Reads and rewrites the {@code <meta name="…">} tags an HTML document's metadata lives in (the
 * same keys the HTML loader reads). Jsoup, because it parses what browsers parse. Thread-safe.
 */
final class HtmlMeta {

  private HtmlMeta() {}

  /** The metadata tags; refuses HTML too large or too deeply nested to parse within the budget. */
  static DocumentFields read(String html) throws BoundedHtml.TooComplexException {
    Map<String, List<String>> data = new LinkedHashMap<>();
    for (Element meta : BoundedHtml.parse(html).select("meta[name][content]")) {
      String key = meta.attr("name").toLowerCase(Locale.ROOT);
      if (key.equals("organization")) {
        key = "organisation";
      }
      if (DocumentFields.KEYS.contains(key)) {
        data.computeIfAbsent(key, k -> new ArrayList<>()).add(meta.attr("content"));
      }
    }
    return DocumentFields.of(data);
  }

  /** The document with its metadata tags replaced by {@code data}'s; {@code html} has passed {@link #read}. */
  static String rewrite(String html, DocumentFields fields) {
    Document doc;
    try {
      doc = BoundedHtml.parse(html);
    } catch (BoundedHtml.TooComplexException e) {
      throw new IllegalStateException("HTML that read() accepted was refused on rewriting: " + e.getMessage(), e);
    }
    for (Element meta : doc.select("meta[name]")) {
      String key = meta.attr("name").toLowerCase(Locale.ROOT);
      if (DocumentFields.KEYS.contains(key) || key.equals("organization")) {
        meta.remove();
      }
    }
    Map<String, List<String>> data = fields.asMap();
    for (String key : DocumentFields.KEYS) {
      List<String> values = data.getOrDefault(key, List.of()).stream().filter(v -> v != null && !v.isBlank()).toList();
      if (!values.isEmpty() || fields.cleared().contains(key)) { // cleared: an empty tag the loader leaves empty
        doc.head().appendElement("meta").attr("name", key).attr("content", String.join(", ", values));
      }
    }
    return doc.outerHtml();
  }
}
