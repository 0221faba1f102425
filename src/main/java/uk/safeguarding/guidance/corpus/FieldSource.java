package uk.safeguarding.guidance.corpus;

import java.util.Objects;

/**
 * One metadata value of a document and where it came from, so a trainer can see what was read from
 * the file itself and check it.
 *
 * @param field  title, organisation, type, date or themes
 * @param value  the value used
 * @param source where it came from: "front matter", "meta tag og:site_name", "text 'Published by …'",
 *               "PDF document information", "largest text on the first page" …
 */
public record FieldSource(String field, String value, String source) {

  /** The source of a value a trainer gave (front matter, the upload form, or HTML meta name tags). */
  public static final String GIVEN = "front matter";

  public FieldSource {
    Objects.requireNonNull(field, "field");
    value = DocumentMetadata.clean(value);
    source = DocumentMetadata.clean(source);
  }

  /** Whether the value was found in the document rather than given by a trainer. */
  public boolean extracted() {
    return !GIVEN.equals(source);
  }
}
