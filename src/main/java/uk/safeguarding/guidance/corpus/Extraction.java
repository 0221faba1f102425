package uk.safeguarding.guidance.corpus;

import java.util.List;

/**
 * What loading found out about a document's metadata and structure: where each metadata value came
 * from, and warnings a trainer should check (a title read from a running header, no headings found).
 */
public record Extraction(List<FieldSource> fields, List<String> warnings) {

  /** Nothing recorded: a document built in code rather than loaded. */
  public static final Extraction NONE = new Extraction(List.of(), List.of());

  public Extraction {
    fields = List.copyOf(fields);
    warnings = List.copyOf(warnings);
  }
}
