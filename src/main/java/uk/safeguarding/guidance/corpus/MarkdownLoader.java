package uk.safeguarding.guidance.corpus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Reads Markdown with YAML front matter (the corpus format documented in the README) via commonmark,
 * pipe tables with its GFM tables extension.
 */
final class MarkdownLoader implements DocumentLoader {

  /**
   * '<' characters a Markdown file may hold. commonmark tries each as the start of an HTML tag, scanning on
   * from it, so the time grows with their square: an outsider's probe held a core for 41 s with a 400 KB file
   * of "&lt;a" repeated; 10,000 take about 0.13 s. Guidance in Markdown has a handful.
   */
  static final int MAX_ANGLE_BRACKETS = 10_000;

  // Built once: commonmark parsers are immutable and thread-safe.
  private static final Parser PARSER =
      Parser.builder().extensions(List.of(YamlFrontMatterExtension.create(), TablesExtension.create())).build();

  @Override
  public Set<String> extensions() {
    return Set.of("md", "markdown");
  }

  @Override
  public SourceDocument load(Path file, byte[] content, String fallbackId) throws SkippedDocumentException {
    String markdown = new String(content, StandardCharsets.UTF_8);
    int depth = MarkdownNesting.depth(markdown);
    if (depth > MarkdownNesting.MAX_DEPTH) {
      throw new SkippedDocumentException(file, "the Markdown nests lists or quotes more than "
          + MarkdownNesting.MAX_DEPTH + " levels deep");
    }
    long angles = markdown.chars().filter(c -> c == '<').count();
    if (angles > MAX_ANGLE_BRACKETS) {
      throw new SkippedDocumentException(file, String.format(java.util.Locale.ROOT, "the Markdown has %,d '<' "
          + "characters, over the limit of %,d: upload a page of HTML as .html", angles, MAX_ANGLE_BRACKETS));
    }
    YamlFrontMatterVisitor frontMatter = new YamlFrontMatterVisitor();
    List<Block> blocks = new ArrayList<>();
    try {
      Node root = PARSER.parse(markdown);
      root.accept(frontMatter);
      for (Node node = root.getFirstChild(); node != null; node = node.getNext()) {
        addBlock(node, blocks);
      }
    } catch (StackOverflowError e) {
      // A last resort: lists and quotes are refused above by a fixed limit, but commonmark's inline
      // parser and visitors also recurse once per level of nested emphasis or links, which a line by
      // line count cannot measure cheaply; tens of thousands overflow the stack. The overflow unwinds
      // only this parse, so it is refused like any bad file rather than ending the request with a 500.
      throw new SkippedDocumentException(file, "the Markdown nests quotes, lists or emphasis too deeply to read", null);
    }
    // YAML as YAML users write it (comments, quotes); commonmark's lenient reading when it is not valid YAML.
    Map<String, List<String>> data = YamlFrontMatter.split(markdown).map(b -> YamlFrontMatter.data(b.yaml()))
        .orElse(frontMatter.getData());
    return FrontMatter.document(file, data, blocks, fallbackId);
  }

  private static void addBlock(Node node, List<Block> blocks) {
    if (node instanceof Heading heading) {
      blocks.add(Block.heading(heading.getLevel(), inlineText(heading)));
    } else if (node instanceof Paragraph) {
      blocks.add(Block.paragraph(inlineText(node)));
    } else if (node instanceof BulletList || node instanceof OrderedList) {
      blocks.add(Block.list(listText(node)));
    } else if (node instanceof BlockQuote) {
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        addBlock(child, blocks);
      }
    } else if (node instanceof TableBlock table) {
      Tables.block(grid(table), table.getFirstChild() instanceof TableHead).ifPresent(blocks::add);
    } else if (node instanceof FencedCodeBlock code) {
      blocks.add(Block.paragraph(code.getLiteral()));
    } else if (node instanceof IndentedCodeBlock code) {
      blocks.add(Block.paragraph(code.getLiteral()));
    }
    // Thematic breaks, HTML blocks and the front matter itself carry no guidance text.
  }

  /** The cells of a pipe table, header row first; the separator row is syntax, not a row. */
  private static List<List<String>> grid(TableBlock table) {
    List<List<String>> grid = new ArrayList<>();
    for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
      for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
        if (row instanceof TableRow) {
          List<String> cells = new ArrayList<>();
          for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
            if (cell instanceof TableCell) {
              cells.add(inlineText(cell));
            }
          }
          grid.add(cells);
        }
      }
    }
    return grid;
  }

  private static String listText(Node list) {
    StringBuilder out = new StringBuilder();
    int number = list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
        ? ordered.getMarkerStartNumber()
        : 1;
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      if (!(item instanceof ListItem)) {
        continue;
      }
      String marker = list instanceof OrderedList ? (number++) + ". " : "- ";
      StringBuilder itemText = new StringBuilder();
      for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
        String text = child instanceof BulletList || child instanceof OrderedList
            ? listText(child).replace("\n", " ")
            : inlineText(child);
        if (!text.isBlank()) {
          itemText.append(itemText.length() == 0 ? "" : " ").append(text);
        }
      }
      if (itemText.length() > 0) {
        out.append(out.length() == 0 ? "" : "\n").append(marker).append(itemText);
      }
    }
    return out.toString();
  }

  /** Plain text of a node's inline content; markup (emphasis, links) keeps only its words. */
  static String inlineText(Node node) {
    StringBuilder out = new StringBuilder();
    collect(node, out);
    return out.toString().replaceAll("[ \\t]+", " ").strip();
  }

  private static void collect(Node node, StringBuilder out) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Text text) {
        out.append(text.getLiteral());
      } else if (child instanceof Code code) {
        out.append(code.getLiteral());
      } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
        out.append(' ');
      } else {
        collect(child, out);
      }
    }
  }

  static String first(Map<String, List<String>> data, String key) {
    List<String> values = data.get(key);
    return values == null || values.isEmpty() ? "" : values.get(0);
  }
}
