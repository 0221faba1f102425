package uk.safeguarding.guidance.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Maps front-matter keys (shared by every loader) onto {@link DocumentMetadata}. A value given in
 * the front matter (or an HTML {@code <meta name>} tag, or the upload form) always wins; a field
 * left out is taken from what the document states itself, and the source of each value is kept. A
 * field given empty ({@code organisation: ""}, {@code <meta name="organisation" content="">}) was
 * cleared by a trainer, and stays empty: nothing in the document fills it (its author tag, its
 * "Published …" line). The title cannot be cleared: a document needs one.
 */
final class FrontMatter {

  /** The fields a trainer is asked for, in the order the preview lists them. */
  static final List<String> FIELDS = List.of("title", "organisation", "type", "date", "themes");

  private FrontMatter() {}

  static SourceDocument document(Path file, Map<String, List<String>> data, List<Block> blocks,
      String fallbackId) throws SkippedDocumentException {
    return document(file, data, blocks, fallbackId, new MetadataCandidates());
  }

  static SourceDocument document(Path file, Map<String, List<String>> data, List<Block> blocks,
      String fallbackId, MetadataCandidates found) throws SkippedDocumentException {
    if (blocks.stream().noneMatch(b -> b.kind() != Block.Kind.HEADING && !b.text().isBlank())) {
      throw new SkippedDocumentException(file, "the file has no text (no paragraph or list)");
    }
    // A document without a title in its front matter is titled by its first top-level heading.
    blocks.stream().filter(b -> b.kind() == Block.Kind.HEADING && b.level() == 1).map(Block::text).findFirst()
        .ifPresent(h -> found.offer("title", h, "first heading"));
    TextMetadata.scan(blocks.stream().filter(b -> b.kind() != Block.Kind.TABLE).map(Block::text).toList(), found);
    // Read, then dropped: "Published by … Last updated …" is about the page, not guidance to quote.
    List<Block> content = Furniture.strip(blocks);
    if (content.stream().anyMatch(b -> b.kind() != Block.Kind.HEADING)) {
      blocks = content;
    }
    List<FieldSource> fields = new ArrayList<>();
    String title = value(data, found, fields, "title", "title");
    if (title.isBlank()) {
      throw new MissingTitleException(file, "missing title: give a 'title:' in the front matter or a '# ' heading");
    }
    found.offer("type", TextMetadata.type(title, opening(blocks)).orElse(""), "words in the title or opening");
    String id = MarkdownLoader.first(data, "id");
    if (blocks.stream().noneMatch(b -> b.kind() == Block.Kind.HEADING && b.level() > 1)) {
      found.warn("No section headings were found: every passage will sit under the title alone.");
    }
    try {
      DocumentMetadata metadata = new DocumentMetadata(
          id.isBlank() ? fallbackId : id,
          title,
          value(data, found, fields, "organisation", "organisation", "organization"),
          value(data, found, fields, "type", "type", "documentType"),
          value(data, found, fields, "date", "date"),
          MarkdownLoader.first(data, "period"),
          themes(data, found, fields),
          firstOf(data, "source", "url"));
      return new SourceDocument(metadata, blocks, file, new Extraction(fields, found.warnings()));
    } catch (IllegalArgumentException e) {
      throw new SkippedDocumentException(file, e.getMessage(), e);
    }
  }

  /** The given value of {@code field}, else the best one found in the document; its source is recorded. */
  private static String value(Map<String, List<String>> data, MetadataCandidates found, List<FieldSource> fields,
      String field, String... keys) {
    String given = firstOf(data, keys);
    if (given.isBlank() && !field.equals("title") && YamlFrontMatter.cleared(data, keys)) {
      return "";
    }
    FieldSource chosen = !given.isBlank() ? new FieldSource(field, given, FieldSource.GIVEN)
        : found.get(field).orElse(null);
    if (chosen == null) {
      return "";
    }
    fields.add(chosen);
    return chosen.value();
  }

  private static List<String> themes(Map<String, List<String>> data, MetadataCandidates found,
      List<FieldSource> fields) {
    List<String> given = themes(data.get("themes"));
    if (!given.isEmpty()) {
      fields.add(new FieldSource("themes", String.join(", ", given), FieldSource.GIVEN));
      return given;
    }
    if (YamlFrontMatter.cleared(data, "themes")) {
      return List.of();
    }
    // Themes found in the file (a PDF's or page's keywords) are a guess: cut to the limits rather than
    // skipping the document, which given themes over the limits do.
    return found.get("themes").map(f -> {
      List<String> within = DocumentMetadata.withinThemeLimits(themes(List.of(f.value())));
      fields.add(new FieldSource(f.field(), String.join(", ", within), f.source()));
      return within;
    }).orElse(List.of());
  }

  /** The words a reader sees first: headings and paragraphs up to the type window. */
  private static String opening(List<Block> blocks) {
    return blocks.stream().map(Block::text).limit(12).collect(Collectors.joining("\n"));
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
  static List<String> themes(List<String> values) {
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
