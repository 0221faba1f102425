package uk.safeguarding.guidance.corpus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    Document html;
    try {
      html = BoundedHtml.parse(new String(content, StandardCharsets.UTF_8));
    } catch (BoundedHtml.TooComplexException e) {
      throw new SkippedDocumentException(file, e.getMessage(), e);
    }
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
    return FrontMatter.document(file, data, blocks(main != null ? main : html.body()), fallbackId);
  }

  /**
   * Walks the tree depth first with a stack of open elements rather than recursion, so no nesting
   * can overflow the thread's stack. Loose text gathers until the next block and is flushed when an
   * element closes.
   */
  private static List<Block> blocks(Element root) {
    List<Block> blocks = new ArrayList<>();
    StringBuilder loose = new StringBuilder();
    Deque<Iterator<Node>> open = new ArrayDeque<>();
    open.push(root.childNodes().iterator());
    while (!open.isEmpty()) {
      Iterator<Node> siblings = open.peek();
      if (!siblings.hasNext()) {
        open.pop();
        flush(loose, blocks);
        continue;
      }
      Node node = siblings.next();
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
        default -> open.push(child.childNodes().iterator());
      }
    }
    return blocks;
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
