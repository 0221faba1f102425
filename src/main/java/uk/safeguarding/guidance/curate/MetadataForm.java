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
    themes = themes == null ? null : themes.stream()
        .flatMap(t -> Arrays.stream((t == null ? "" : t).split(",")))
        .map(String::strip).filter(t -> !t.isEmpty()).toList();
  }

  /** Themes from one comma-separated line; null stays null. */
  public static List<String> themes(String line) {
    return line == null ? null : List.of(line);
  }
}
