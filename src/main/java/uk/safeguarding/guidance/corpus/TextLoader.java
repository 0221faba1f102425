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
 * separated by blank lines, short unpunctuated lines taken as headings, bulleted lines as lists.
 */
final class TextLoader implements DocumentLoader {

  private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•·▪◦]|\\d{1,2}[.)])\\s+.*");
  private static final Pattern BULLET_MARK = Pattern.compile("^\\s*(?:[-*•·▪◦]\\s+)+");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");

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
    for (String chunk : BLANK_LINES.split(text.strip())) {
      String[] lines = chunk.strip().split("\n");
      if (lines.length == 1 && looksLikeHeading(lines[0])) {
        blocks.add(Block.heading(seenHeading ? 2 : 1, lines[0].strip()));
        seenHeading = true;
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

  private static boolean looksLikeHeading(String line) {
    String l = line.strip();
    return !l.isEmpty() && l.length() <= 100 && !BULLET.matcher(l).matches()
        && !l.matches(".*[.,;:!?)\\]]$") && Character.isLetterOrDigit(l.charAt(0))
        && l.split("\\s+").length <= 14;
  }
}
