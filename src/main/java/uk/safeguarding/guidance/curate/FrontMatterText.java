package uk.safeguarding.guidance.curate;

import java.util.List;
import uk.safeguarding.guidance.corpus.YamlFrontMatter;

/**
 * Splits the YAML front matter off a Markdown or text file (read as the loaders read it,
 * {@link YamlFrontMatter}) and
 * writes one back, every value double-quoted so colons, quotes and hashes survive. Thread-safe.
 */
final class FrontMatterText {

  /** The front matter's fields, and the text after it. */
  record Split(DocumentFields fields, String body) {}

  private FrontMatterText() {}

  static Split split(String text) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return YamlFrontMatter.split(t)
        .map(b -> new Split(DocumentFields.of(YamlFrontMatter.data(b.yaml())), b.body()))
        .orElseGet(() -> new Split(DocumentFields.NONE, t.replace("\r\n", "\n").replace('\r', '\n')));
  }

  /** Front matter for {@code fields} (known keys first, then any others the file had), then the body. */
  static String render(DocumentFields fields, String body) {
    StringBuilder out = new StringBuilder("---\n");
    fields.asMap().forEach((key, values) -> {
      List<String> vs = values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
      if (!key.matches("[A-Za-z][A-Za-z0-9_-]*")) {
        return;
      }
      if (vs.isEmpty()) {
        if (fields.cleared().contains(key)) {
          out.append(key).append(": \"\"\n"); // cleared by a trainer: the loaders leave it empty
        }
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
