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
