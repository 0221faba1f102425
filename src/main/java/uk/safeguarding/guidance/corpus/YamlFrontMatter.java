package uk.safeguarding.guidance.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.parser.Parser;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Front matter read as YAML (SnakeYAML Engine), so comments, quoting and lists work as YAML users
 * expect ("type: thematic briefing   # learning review, …" is "thematic briefing"). Values become
 * text; lists become lists of text. Aliases and size are capped against hostile files. Thread-safe.
 */
public final class YamlFrontMatter {

  /** The front matter between its two "---" lines, and the text after it. */
  public record Block(String yaml, String body) {}

  /** Front matter is a few lines; anything far longer is not front matter a trainer wrote. */
  static final int MAX_CODE_POINTS = 100_000;
  private static final int MAX_ALIASES = 10;
  /**
   * Deepest nesting read as YAML: front matter is a mapping of values and lists (two levels). The parser
   * recurses once per level, so "[[[[…" ten thousand deep overflowed its stack (a 500 on upload); deeper
   * text is read leniently instead, as text that is not YAML is.
   */
  static final int MAX_NESTING = 32;
  /** Indentation beyond this is nesting no front matter needs (each level may indent by one space). */
  private static final int MAX_INDENT = 64;
  /** commonmark's front-matter reader: lenient, the fallback for front matter that is not valid YAML. */
  private static final Parser LENIENT = Parser.builder().extensions(List.of(YamlFrontMatterExtension.create())).build();

  private YamlFrontMatter() {}

  /** Splits leading front matter off {@code text} (a byte-order mark and CRLF line ends allowed). */
  public static Optional<Block> split(String text) {
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    t = t.replace("\r\n", "\n").replace('\r', '\n');
    if (!t.startsWith("---\n")) {
      return Optional.empty();
    }
    int end = t.indexOf("\n---", 3);
    if (end < 0) {
      return Optional.empty();
    }
    int lineEnd = t.indexOf('\n', end + 4);
    String body = lineEnd < 0 ? "" : t.substring(lineEnd + 1);
    return Optional.of(new Block(t.substring(4, end + 1), body.replaceFirst("^\n+", "")));
  }

  /**
   * The keys and values of front matter {@code yaml} (the text between its "---" lines): read as YAML,
   * or, when it is not valid YAML, as commonmark reads it, so nothing that loaded before stops loading.
   */
  public static Map<String, List<String>> data(String yaml) {
    return parse(yaml).orElseGet(() -> {
      YamlFrontMatterVisitor visitor = new YamlFrontMatterVisitor();
      LENIENT.parse("---\n" + yaml + "---\n").accept(visitor);
      return visitor.getData();
    });
  }

  /**
   * The keys and values of a YAML mapping, or empty when the text is not YAML (callers then fall back
   * to the lenient reading a file had before, so nothing that loaded before stops loading).
   */
  public static Optional<Map<String, List<String>>> parse(String yaml) {
    if (tooDeep(yaml)) {
      return Optional.empty();
    }
    LoadSettings settings = LoadSettings.builder().setMaxAliasesForCollections(MAX_ALIASES)
        .setCodePointLimit(MAX_CODE_POINTS).setAllowDuplicateKeys(true).build();
    Object root;
    try {
      root = new Load(settings).loadFromString(yaml);
    } catch (YamlEngineException | IllegalArgumentException e) {
      return Optional.empty();
    }
    if (root == null) {
      return Optional.of(Map.of());
    }
    if (!(root instanceof Map<?, ?> map)) {
      return Optional.empty();
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), values(v)));
    return Optional.of(out);
  }

  /**
   * Whether one of {@code keys} is given with nothing but empty values ({@code organisation: ""}, an HTML
   * {@code <meta name="organisation" content="">}): a field a trainer cleared, which nothing in the document
   * fills. Read by the loaders and by the curation that writes such fields.
   */
  public static boolean cleared(Map<String, List<String>> data, String... keys) {
    for (String key : keys) {
      List<String> values = data.get(key);
      if (values != null && !values.isEmpty() && values.stream().allMatch(v -> v == null || v.isBlank())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code yaml} nests deeper than {@link #MAX_NESTING}: in brackets or braces outside quotes,
   * in sequence dashes opening one line ("- - - …"), or indented past {@link #MAX_INDENT}.
   */
  static boolean tooDeep(String yaml) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < yaml.length(); i++) {
      char c = yaml.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[' || c == '{') {
        if (++depth > MAX_NESTING) {
          return true;
        }
      } else if ((c == ']' || c == '}') && depth > 0) {
        depth--;
      } else if (c == '\n') {
        quote = 0; // an unclosed quote ends with its line here; the parser judges the rest
      }
    }
    for (String line : yaml.split("\n", -1)) {
      int indent = 0;
      while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) {
        indent++;
      }
      if (indent > MAX_INDENT) {
        return true;
      }
      int dashes = 0;
      for (int i = indent; i + 1 < line.length() && (line.charAt(i) == '-' || line.charAt(i) == '?')
          && line.charAt(i + 1) == ' '; i += 2) {
        while (i + 2 < line.length() && line.charAt(i + 2) == ' ') {
          i++;
        }
        if (++dashes > MAX_NESTING) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<String> values(Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> list) {
      list.stream().filter(x -> x != null).forEach(x -> out.add(String.valueOf(x)));
    } else if (v != null) {
      out.add(String.valueOf(v));
    }
    return out;
  }
}
