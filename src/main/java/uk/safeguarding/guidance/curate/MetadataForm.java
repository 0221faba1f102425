package uk.safeguarding.guidance.curate;

import java.util.Arrays;
import java.util.List;

/**
 * Metadata as a trainer typed it. A null field was not given (keep what the file or the current
 * document says); an empty one clears it. Themes are one comma-separated line or a list.
 */
public record MetadataForm(String id, String title, String organisation, String type, String date, String period,
    List<String> themes, String source) {

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

  /** The fields given, for the audit log: "title, date", or "no fields". */
  String describe() {
    List<String> parts = new java.util.ArrayList<>();
    if (title != null) {
      parts.add("title");
    }
    if (organisation != null) {
      parts.add("organisation");
    }
    if (type != null) {
      parts.add("type");
    }
    if (date != null) {
      parts.add("date");
    }
    if (period != null) {
      parts.add("period");
    }
    if (themes != null) {
      parts.add("themes");
    }
    if (source != null) {
      parts.add("source");
    }
    return parts.isEmpty() ? "no fields" : String.join(", ", parts);
  }
}
