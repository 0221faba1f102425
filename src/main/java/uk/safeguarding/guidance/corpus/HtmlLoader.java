package uk.safeguarding.guidance.corpus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads HTML with Jsoup: drops navigation, scripts and page furniture, keeps headings, paragraphs,
 * lists and tables. Metadata comes from {@code <meta name="...">} tags using the front-matter keys.
 */
final class HtmlLoader implements DocumentLoader {

  private static final String FURNITURE =
      "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button, "
          + "[role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]";
  private static final Set<String> META_KEYS =
      Set.of("id", "title", "organisation", "organization", "type", "date", "period", "themes", "source");

  @Override
  public Set<String> extensions() {
    return Set.of("html", "htm");
  }

  @Override
  public SourceDocument load(Path file, byte[] content, String fallbackId) throws SkippedDocumentException {
    Document html = Jsoup.parse(new String(content, StandardCharsets.UTF_8));
    Map<String, List<String>> data = new HashMap<>();
    for (Element meta : html.select("meta[name][content]")) {
      String key = meta.attr("name").toLowerCase(java.util.Locale.ROOT);
      if (META_KEYS.contains(key)) {
        data.computeIfAbsent(key, k -> new ArrayList<>()).add(meta.attr("content"));
      }
    }
    if (!data.containsKey("title") && !html.title().isBlank() && html.selectFirst("h1") == null) {
      data.put("title", List.of(html.title()));
    }
    html.select(FURNITURE).remove();
    Element main = html.selectFirst("main, article, [role=main]");
    List<Block> blocks = new ArrayList<>();
    walk(main != null ? main : html.body(), blocks);
    return FrontMatter.document(file, data, blocks, fallbackId);
  }

  private static void walk(Element element, List<Block> blocks) {
    StringBuilder loose = new StringBuilder();
    for (Node node : element.childNodes()) {
      if (node instanceof TextNode text) {
        loose.append(text.text());
        continue;
      }
      if (!(node instanceof Element child)) {
        continue;
      }
      String tag = child.normalName();
      if (isInline(tag)) {
        loose.append(child.text());
        continue;
      }
      flush(loose, blocks);
      switch (tag) {
        case "h1", "h2", "h3", "h4", "h5", "h6" -> blocks.add(Block.heading(tag.charAt(1) - '0', child.text()));
        case "p", "pre", "dt", "dd", "figcaption", "caption" -> addParagraph(child.text(), blocks);
        case "ul", "ol" -> addList(child, blocks);
        case "tr" -> addParagraph(String.join(" | ", child.children().eachText()), blocks);
        default -> walk(child, blocks);
      }
    }
    flush(loose, blocks);
  }

  private static void addList(Element list, List<Block> blocks) {
    StringBuilder out = new StringBuilder();
    int n = 1;
    for (Element item : list.children()) {
      if (!item.normalName().equals("li") || item.text().isBlank()) {
        continue;
      }
      String marker = list.normalName().equals("ol") ? (n++) + ". " : "- ";
      out.append(out.length() == 0 ? "" : "\n").append(marker).append(item.text());
    }
    if (out.length() > 0) {
      blocks.add(Block.list(out.toString()));
    }
  }

  private static void flush(StringBuilder loose, List<Block> blocks) {
    addParagraph(loose.toString(), blocks);
    loose.setLength(0);
  }

  private static void addParagraph(String text, List<Block> blocks) {
    String t = text.replaceAll("\\s+", " ").strip();
    if (!t.isEmpty()) {
      blocks.add(Block.paragraph(t));
    }
  }

  private static boolean isInline(String tag) {
    return switch (tag) {
      case "a", "abbr", "b", "strong", "i", "em", "span", "small", "sub", "sup", "code", "mark",
          "q", "cite", "time", "u", "s", "br", "wbr", "kbd", "var", "data", "dfn" -> true;
      default -> false;
    };
  }
}
