package uk.safeguarding.guidance.corpus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads plain text, as extracted from a PDF or Word file: optional YAML front matter, paragraphs
 * separated by blank lines, short unpunctuated lines taken as headings (a numbered one, "2.3 Early
 * help", at the level its number gives; "## Heading" at the level its hashes give), bulleted lines
 * as lists, pipe tables and runs of "label: value" lines as tables.
 */
final class TextLoader implements DocumentLoader {

  private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•·▪◦]|\\d{1,2}[.)])\\s+.*");
  private static final Pattern BULLET_MARK = Pattern.compile("^\\s*(?:[-*•·▪◦]\\s+)+");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");
  /** "## Heading": the marker the PDF loader writes, and Markdown habit in text files. */
  private static final Pattern MARKED_HEADING = Pattern.compile("^(#{1,6})\\s+(\\S.*)$");
  /** "1. Introduction", "2.3 Early help", "4) Recommendations": a section number and a short title. */
  static final Pattern NUMBERED_HEADING = Pattern.compile("^(\\d{1,2}(?:\\.\\d{1,2}){0,3})[.)]?\\s+(\\p{Lu}.{0,90})$");
  /** "Telephone: 01952 385385", a table row's cell as the loaders write it. */
  private static final Pattern LABELLED_LINE = Pattern.compile("^[^:|]{1,40}:\\s+\\S.*$");

  @Override
  public Set<String> extensions() {
    return Set.of("txt", "text");
  }

  @Override
  public SourceDocument load(Path file, byte[] content, String fallbackId) throws SkippedDocumentException {
    String text = new String(content, StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n');
    Map<String, List<String>> data = Map.of();
    if (text.startsWith("---\n")) {
      int end = text.indexOf("\n---", 4);
      if (end > 0) {
        data = YamlFrontMatter.data(text.substring(4, end + 1));
        text = text.substring(Math.min(text.length(), end + 4));
      }
    }
    return FrontMatter.document(file, data, blocks(text), fallbackId);
  }

  /** Splits plain text into blocks; shared with loaders that extract text from binary formats. */
  static List<Block> blocks(String text) {
    List<Block> blocks = new ArrayList<>();
    boolean seenHeading = false;
    String[] chunks = BLANK_LINES.split(text.strip());
    // Text that marks its headings ("## Heading", as the PDF loader writes) means every other line is text.
    boolean markedHeadings = java.util.Arrays.stream(chunks).anyMatch(c -> !c.strip().contains("\n")
        && MARKED_HEADING.matcher(c.strip()).matches());
    for (String chunk : chunks) {
      String[] lines = chunk.strip().split("\n");
      java.util.regex.Matcher marked = MARKED_HEADING.matcher(lines[0].strip());
      if (lines.length == 1 && marked.matches()) {
        blocks.add(Block.heading(marked.group(1).length(), marked.group(2).strip()));
        seenHeading = true;
        continue;
      }
      if (lines.length == 1 && !markedHeadings && numberedHeadingLevel(lines[0]) > 0) {
        blocks.add(Block.heading(numberedHeadingLevel(lines[0]), lines[0].strip()));
        seenHeading = true;
        continue;
      }
      if (lines.length == 1 && !markedHeadings && looksLikeHeading(lines[0])) {
        blocks.add(Block.heading(seenHeading ? 2 : 1, lines[0].strip()));
        seenHeading = true;
        continue;
      }
      List<String> stripped = java.util.Arrays.stream(lines).map(String::strip).filter(l -> !l.isEmpty()).toList();
      if (Tables.isPipeTable(stripped)) {
        Tables.block(Tables.pipeGrid(stripped), true).ifPresent(b -> addTable(b, blocks));
        continue;
      }
      if (stripped.size() >= 2 && stripped.stream().allMatch(l -> LABELLED_LINE.matcher(l).matches())) {
        addTable(Block.table(String.join("\n", stripped)), blocks);
        continue;
      }
      StringBuilder paragraph = new StringBuilder();
      StringBuilder list = new StringBuilder();
      for (String line : lines) {
        String l = line.strip();
        if (l.isEmpty()) {
          continue;
        }
        if (BULLET.matcher(l).matches()) {
          String item = l.matches("^\\d{1,2}[.)]\\s+.*") ? l : "- " + BULLET_MARK.matcher(l).replaceFirst("");
          list.append(list.length() == 0 ? "" : "\n").append(item);
        } else if (list.length() > 0) {
          list.append(' ').append(l); // a wrapped bullet continues on the next line
        } else {
          paragraph.append(paragraph.length() == 0 ? "" : " ").append(l);
        }
      }
      if (paragraph.length() > 0) {
        blocks.add(Block.paragraph(paragraph.toString()));
      }
      if (list.length() > 0) {
        blocks.add(Block.list(list.toString()));
      }
    }
    return blocks;
  }

  /**
   * The level of a numbered heading standing alone, or 0: "4. Recommendations" is a section (2),
   * "2.3 Early help" a sub-section (3). A sentence ("1. Refer the child today.") is a list item.
   */
  static int numberedHeadingLevel(String line) {
    java.util.regex.Matcher m = NUMBERED_HEADING.matcher(line.strip());
    if (!m.matches() || m.group(2).matches(".*[.,;!?]$") || m.group(2).split("\\s+").length > 12) {
      return 0;
    }
    return Math.min(6, 1 + m.group(1).split("\\.").length);
  }

  /** Rows of one table written as separate chunks join into one table block. */
  private static void addTable(Block table, List<Block> blocks) {
    Block last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
    if (last != null && last.kind() == Block.Kind.TABLE) {
      blocks.set(blocks.size() - 1, Block.table(last.text() + Block.ROW_SEPARATOR + table.text()));
    } else {
      blocks.add(table);
    }
  }

  private static boolean looksLikeHeading(String line) {
    String l = line.strip();
    return !l.isEmpty() && l.length() <= 100 && !BULLET.matcher(l).matches()
        && !l.matches(".*[.,;:!?)\\]]$") && Character.isLetterOrDigit(l.charAt(0))
        && l.split("\\s+").length <= 14;
  }
}
