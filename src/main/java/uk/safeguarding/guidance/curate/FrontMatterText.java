package uk.safeguarding.guidance.curate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.safeguarding.guidance.corpus.YamlFrontMatter;

/**
 * Splits the YAML front matter off a Markdown or text file (read as the loaders read it,
 * {@link YamlFrontMatter}) and
 * writes one back, every value double-quoted so colons, quotes and hashes survive. Thread-safe.
 */
final class FrontMatterText {

  /** The keys the loaders read, in the order they are written. */
  static final List<String> KEYS = List.of("id", "title", "organisation", "type", "date", "period", "themes", "source");

  /** The front matter's keys and values, and the text after it. */
  record Split(Map<String, List<String>> data, String body) {}

  private FrontMatterText() {}

  static Split split(String text) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return YamlFrontMatter.split(t)
        .map(b -> new Split(new LinkedHashMap<>(YamlFrontMatter.data(b.yaml())), b.body()))
        .orElseGet(() -> new Split(new LinkedHashMap<>(), t.replace("\r\n", "\n").replace('\r', '\n')));
  }

  /** Front matter for {@code data} (known keys first, then any others the file had), then the body. */
  static String render(Map<String, List<String>> data, String body) {
    StringBuilder out = new StringBuilder("---\n");
    Map<String, List<String>> ordered = new LinkedHashMap<>();
    KEYS.forEach(k -> {
      if (data.containsKey(k)) {
        ordered.put(k, data.get(k));
      }
    });
    data.forEach(ordered::putIfAbsent);
    ordered.forEach((key, values) -> {
      List<String> vs = values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
      if (vs.isEmpty() || !key.matches("[A-Za-z][A-Za-z0-9_-]*")) {
        return;
      }
      if (vs.size() == 1 && !key.equals("themes")) {
        out.append(key).append(": ").append(quote(vs.get(0))).append('\n');
      } else {
        out.append(key).append(":\n");
        vs.forEach(v -> out.append("  - ").append(quote(v)).append('\n'));
      }
    });
    return out.append("---\n\n").append(body.strip()).append('\n').toString();
  }

  static String quote(String value) {
    String v = value.replaceAll("[\\p{Cntrl}&&[^\t]]", " ").strip();
    return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
