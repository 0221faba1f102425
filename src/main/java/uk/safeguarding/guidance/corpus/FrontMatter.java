package uk.safeguarding.guidance.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Maps front-matter keys (shared by Markdown and plain text) onto {@link DocumentMetadata}. */
final class FrontMatter {

  private FrontMatter() {}

  static SourceDocument document(Path file, Map<String, List<String>> data, List<Block> blocks,
      String fallbackId) throws SkippedDocumentException {
    if (blocks.stream().noneMatch(b -> b.kind() != Block.Kind.HEADING && !b.text().isBlank())) {
      throw new SkippedDocumentException(file, "the file has no text (no paragraph or list)");
    }
    String title = MarkdownLoader.first(data, "title");
    if (title.isBlank()) {
      // A document without a title in its front matter is titled by its first top-level heading.
      title = blocks.stream().filter(b -> b.kind() == Block.Kind.HEADING && b.level() == 1)
          .map(Block::text).findFirst().orElse("");
    }
    if (title.isBlank()) {
      throw new SkippedDocumentException(file, "missing title: give a 'title:' in the front matter or a '# ' heading");
    }
    String id = MarkdownLoader.first(data, "id");
    try {
      DocumentMetadata metadata = new DocumentMetadata(
          id.isBlank() ? fallbackId : id,
          title,
          firstOf(data, "organisation", "organization"),
          firstOf(data, "type", "documentType"),
          MarkdownLoader.first(data, "date"),
          MarkdownLoader.first(data, "period"),
          themes(data.get("themes")),
          firstOf(data, "source", "url"));
      return new SourceDocument(metadata, blocks, file);
    } catch (IllegalArgumentException e) {
      throw new SkippedDocumentException(file, e.getMessage(), e);
    }
  }

  private static String firstOf(Map<String, List<String>> data, String... keys) {
    for (String key : keys) {
      String value = MarkdownLoader.first(data, key);
      if (!value.isBlank()) {
        return value;
      }
    }
    return "";
  }

  /** Themes may be a YAML block list or one comma-separated line. */
  private static List<String> themes(List<String> values) {
    List<String> themes = new ArrayList<>();
    if (values != null) {
      for (String value : values) {
        String v = value.strip();
        if (v.startsWith("[") && v.endsWith("]")) {
          v = v.substring(1, v.length() - 1);
        }
        Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(themes::add);
      }
    }
    return themes;
  }
}
