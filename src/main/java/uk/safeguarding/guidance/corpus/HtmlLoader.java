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
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * Reads HTML with Jsoup: keeps the page's main content ({@link HtmlContent}) with its headings,
 * paragraphs, lists and tables, and drops page furniture, by element and by words
 * ({@link Furniture}). Metadata comes from {@code <meta name="...">} tags using the front-matter
 * keys; what they leave out is read from the page's own {@code og:}, {@code article:} and Dublin Core
 * tags and its "Published by … / Last updated …" lines, before those are dropped as furniture.
 */
final class HtmlLoader implements DocumentLoader {

  private static final Set<String> META_KEYS =
      Set.of("id", "title", "organisation", "organization", "type", "date", "period", "themes", "source");
  /** Publisher tags, most specific first. */
  private static final List<String> ORGANISATION_TAGS =
      List.of("og:site_name", "dc.publisher", "dcterms.publisher", "publisher", "article:publisher", "author",
          "dc.creator");
  /** Dates of publication first; modification dates only when nothing says when it was published. */
  private static final List<String> PUBLISHED_TAGS =
      List.of("article:published_time", "dcterms.issued", "dc.date.issued",
          "dcterms.created", "dc.date", "datepublished");
  private static final List<String> MODIFIED_TAGS =
      List.of("article:modified_time", "dcterms.modified", "last-modified");
  /** " | Site name" or " - Site name" after a page title. */
  private static final Pattern TITLE_SUFFIX = Pattern.compile("\\s+[|–—-]\\s+[^|–—]+$");

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
    Map<String, String> tags = new HashMap<>();
    for (Element meta : html.select("meta[content]")) {
      String name = meta.hasAttr("name") ? meta.attr("name") : meta.attr("property");
      String key = name.toLowerCase(Locale.ROOT);
      if (META_KEYS.contains(key) && meta.hasAttr("name")) {
        data.computeIfAbsent(key, k -> new ArrayList<>()).add(meta.attr("content"));
      }
      tags.putIfAbsent(key, meta.attr("content"));
    }
    MetadataCandidates found = new MetadataCandidates();
    // The page's own lines, read before furniture goes: "Published by …" often sits in a footer.
    List<String> lines = html.body().getAllElements().stream().filter(e -> !e.ownText().isBlank())
        .map(Element::text).filter(t -> t.length() <= Furniture.MAX_CHARS).toList();
    TextMetadata.published(lines, found);
    offerTags(tags, PUBLISHED_TAGS, found);
    TextMetadata.updated(lines, found);
    offerTags(tags, MODIFIED_TAGS, found);
    String pageTitle = TITLE_SUFFIX.matcher(html.title().strip()).replaceFirst("");
    Element main = HtmlContent.main(html);
    List<Block> blocks = blocks(main);
    blocks.stream().filter(b -> b.kind() == Block.Kind.HEADING && b.level() == 1).findFirst()
        .ifPresent(h -> found.offer("title", h.text(), "first heading"));
    found.offer("title", tags.get("og:title"), "meta tag og:title");
    found.offer("title", pageTitle, "the page's <title>");
    return FrontMatter.document(file, data, blocks, fallbackId, found);
  }

  /** Publisher, keyword and type tags, and the dates of {@code dateTags} in their order. */
  private static void offerTags(Map<String, String> tags, List<String> dateTags, MetadataCandidates found) {
    for (String tag : ORGANISATION_TAGS) {
      found.offer("organisation", tags.get(tag), "meta tag " + tag);
    }
    for (String tag : dateTags) {
      Dates.parse(tags.get(tag)).ifPresent(d -> found.offer("date", d, "meta tag " + tag));
    }
    found.offer("themes", tags.getOrDefault("keywords", tags.get("article:tag")), "meta tag keywords");
    found.offer("type", tags.get("dc.type"), "meta tag dc.type");
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
        case "table" -> addTable(child, blocks);
        default -> open.push(child.childNodes().iterator());
      }
    }
    return blocks;
  }

  /** A table as "header: cell" rows; the header is its {@code th} row (or {@code thead}), if any. */
  private static void addTable(Element table, List<Block> blocks) {
    Element caption = table.selectFirst("caption");
    if (caption != null) {
      addParagraph(caption.text(), blocks);
    }
    List<List<String>> grid = new ArrayList<>();
    boolean header = false;
    for (Element row : table.select("tr")) {
      if (row.closest("table") != table) {
        continue; // a nested table's rows are read as its cells' text
      }
      Elements cells = row.select("> th, > td");
      if (grid.isEmpty()) {
        header = row.parent() != null && row.parent().normalName().equals("thead")
            || (!cells.isEmpty() && cells.stream().allMatch(c -> c.normalName().equals("th")));
      }
      grid.add(cells.eachText());
    }
    Tables.block(grid, header).ifPresent(blocks::add);
  }

  private static void addList(Element list, List<Block> blocks) {
    StringBuilder out = new StringBuilder();
    int n = 1;
    for (Element item : list.children()) {
      if (!item.normalName().equals("li") || item.text().isBlank() || Furniture.isFurniture(item.text())) {
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

  /** A paragraph, unless it is page furniture ("Print this page | Download (PDF)", "Share on X"). */
  private static void addParagraph(String text, List<Block> blocks) {
    String t = text.replaceAll("\\s+", " ").strip();
    if (!t.isEmpty() && !Furniture.isFurniture(t)) {
      blocks.add(Block.paragraph(t));
    }
  }

  private static boolean isInline(String tag) {
    return switch (tag) {
      case "a", "abbr", "b", "strong", "i", "em", "span", "small", "sub", "sup", "code", "mark",
          "q", "cite", "time", "u", "s", "br", "wbr", "kbd", "var", "data", "dfn" ->
        true;
      default -> false;
    };
  }
}
