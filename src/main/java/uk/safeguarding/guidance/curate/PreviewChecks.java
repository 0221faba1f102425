package uk.safeguarding.guidance.curate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import uk.safeguarding.guidance.corpus.Extraction;
import uk.safeguarding.guidance.corpus.FieldSource;
import uk.safeguarding.guidance.corpus.Furniture;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.corpus.SourceDocument;

/**
 * What a trainer should check before publishing an upload: where each metadata value came from,
 * which of the fields a document should have are missing, and structure that did not come through
 * (no headings, very long passages, furniture left in a passage, a table flattened into pipes).
 * These are notes, not refusals: publishing stays possible. Stateless, thread-safe.
 */
final class PreviewChecks {

  /** The metadata fields a document in the library should have; the title is required to load at all. */
  static final List<String> EXPECTED_FIELDS = List.of("title", "organisation", "type", "date");
  /** A passage this long was not split by the document's structure (the splitter aims at 1,000). */
  static final int LONG_PASSAGE_CHARS = 1500;
  /** Two or more cells between pipes, or a separator row: a table read as a line of text. */
  private static final Pattern FLAT_TABLE =
      Pattern.compile("(?m)\\|[^|\\n]*\\|[^|\\n]*\\||^\\s*\\|?\\s*:?-{3,}:?\\s*\\|");

  /** The extraction report for the preview's JSON. */
  record Report(List<FieldSource> fields, List<String> missing, List<String> notes) {}

  private PreviewChecks() {}

  /**
   * @param found the values the file itself gave before they were written into its front matter
   *              (a PDF's), so the report names their real source; empty for other formats
   * @param form  what the trainer typed: a field given there is the trainer's, whatever the file said
   */
  static Report check(SourceDocument doc, List<Passage> passages, List<FieldSource> found, MetadataForm form) {
    Extraction e = doc.extraction();
    List<FieldSource> fields = new ArrayList<>();
    for (FieldSource f : e.fields()) {
      FieldSource fromFile = found.stream().filter(x -> x.field().equals(f.field()) && x.value().equals(f.value()))
          .findFirst().orElse(null);
      fields.add(fromFile != null && formValue(form, f.field()) == null ? fromFile : f);
    }
    List<String> missing = EXPECTED_FIELDS.stream()
        .filter(name -> fields.stream().noneMatch(f -> f.field().equals(name) && !f.value().isBlank())).toList();
    List<String> notes = new ArrayList<>(e.warnings());
    for (Passage p : passages) {
      if (p.text().length() > LONG_PASSAGE_CHARS) {
        notes.add("The passage '" + p.anchor() + "' is " + p.text().length() + " characters long: its section may "
            + "lack headings.");
      }
      p.text().lines().filter(Furniture::isFurniture).findFirst().ifPresent(line -> notes.add("The passage '"
          + p.anchor() + "' holds the page furniture line '" + line.strip() + "'."));
      if (FLAT_TABLE.matcher(p.text()).find()) {
        notes.add("The passage '" + p.anchor() + "' holds a table flattened into pipes.");
      }
    }
    return new Report(List.copyOf(fields), missing, List.copyOf(notes));
  }

  private static String formValue(MetadataForm form, String field) {
    return switch (field) {
      case "title" -> form.title();
      case "organisation" -> form.organisation();
      case "type" -> form.type();
      case "date" -> form.date();
      case "themes" -> form.themes() == null ? null : String.join(", ", form.themes());
      default -> null;
    };
  }
}
