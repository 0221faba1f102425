package uk.safeguarding.guidance.corpus;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a trainer says about a document in its front matter. Immutable and validated on construction.
 *
 * @param id           slug, unique in the library; also the document's URL path segment
 * @param title        the document's title as published
 * @param organisation the partnership, board or panel that wrote it
 * @param documentType learning review, thematic briefing, 7-minute briefing, annual report ...
 * @param date         publication date as {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}; empty when unknown
 * @param period       the period the document covers, free text; may be empty
 * @param themes       short lowercase theme labels
 * @param source       the published document's own address; may be empty
 */
public record DocumentMetadata(
    String id,
    String title,
    String organisation,
    String documentType,
    String date,
    String period,
    List<String> themes,
    String source) {

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
  private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

  public DocumentMetadata {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches() || id.length() > 120) {
      throw new IllegalArgumentException(
          "The id '" + id + "' must be a slug: lowercase letters, digits and single hyphens, at most 120 characters.");
    }
    title = clean(title);
    if (title.isEmpty()) {
      throw new IllegalArgumentException("The document '" + id + "' has no title.");
    }
    organisation = clean(organisation);
    documentType = clean(documentType).toLowerCase(Locale.ROOT);
    date = clean(date);
    if (!date.isEmpty() && !DATE.matcher(date).matches()) {
      throw new IllegalArgumentException(
          "The date '" + date + "' of document '" + id + "' must be YYYY, YYYY-MM or YYYY-MM-DD.");
    }
    period = clean(period);
    themes = themes == null ? List.of()
        : themes.stream().map(DocumentMetadata::clean).map(t -> t.toLowerCase(Locale.ROOT))
            .filter(t -> !t.isEmpty()).distinct().toList();
    source = clean(source);
  }

  /** The four-digit year of {@link #date()}, or empty when the date is unknown. */
  public String year() {
    Matcher m = DATE.matcher(date);
    return m.matches() ? m.group(1) : "";
  }

  static String clean(String value) {
    return value == null ? "" : value.strip().replaceAll("\\s+", " ");
  }
}
