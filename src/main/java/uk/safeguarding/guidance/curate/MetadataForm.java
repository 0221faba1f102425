package uk.safeguarding.guidance.curate;

import java.util.Arrays;
import java.util.List;
import uk.safeguarding.guidance.corpus.DocumentMetadata;

/**
 * Metadata as a trainer typed it. A null field was not given (keep what the file or the current
 * document says); an empty one clears it. Themes are one comma-separated line or a list.
 */
public record MetadataForm(String id, String title, String organisation, String type, String date, String period,
    List<String> themes, String source) {

  /** A value shown in the audit log is cut to this many characters. */
  private static final int AUDIT_VALUE_CHARS = 80;

  public static final MetadataForm EMPTY = new MetadataForm(null, null, null, null, null, null, null, null);

  public MetadataForm {
    themes = themes == null ? null
        : themes.stream()
            .flatMap(t -> Arrays.stream((t == null ? "" : t).split(",")))
            .map(String::strip).filter(t -> !t.isEmpty()).toList();
  }

  /** Themes from one comma-separated line; null stays null. */
  public static List<String> themes(String line) {
    return line == null ? null : List.of(line);
  }

  /**
   * The fields whose value differs between two readings of a document, for the audit log: "organisation
   * 'Riverside' → '', date '2021' → '2022'", or "no change". The values are metadata (titles, bodies, dates),
   * each at most {@link DocumentFields#MAX_FIELD_CHARS} characters; a long one is cut for the log.
   */
  static String changes(DocumentMetadata before, DocumentMetadata after) {
    List<String> parts = new java.util.ArrayList<>();
    change(parts, "title", before.title(), after.title());
    change(parts, "organisation", before.organisation(), after.organisation());
    change(parts, "type", before.documentType(), after.documentType());
    change(parts, "date", before.date(), after.date());
    change(parts, "period", before.period(), after.period());
    change(parts, "themes", String.join(", ", before.themes()), String.join(", ", after.themes()));
    change(parts, "source", before.source(), after.source());
    return parts.isEmpty() ? "no change" : String.join(", ", parts);
  }

  private static void change(List<String> parts, String field, String before, String after) {
    if (!before.equals(after)) {
      parts.add(field + " '" + cut(before) + "' → '" + cut(after) + "'");
    }
  }

  private static String cut(String value) {
    return value.length() > AUDIT_VALUE_CHARS ? value.substring(0, AUDIT_VALUE_CHARS) + "…" : value;
  }
}
