package uk.safeguarding.guidance.corpus;

import java.time.Month;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
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

  /**
   * Themes a document may have. The shipped corpus gives at most 8; every theme is a search facet
   * sent with each result page, so a document with thousands (20,000 made every search response
   * 290 KB) would swamp them. 30 leaves room for a broad annual report.
   */
  public static final int MAX_THEMES = 30;
  /**
   * Characters in one theme: a label, not a sentence. The shipped corpus's longest is 34 ("sudden
   * unexpected death in infancy"); 80 allows for longer labels without letting prose in.
   */
  public static final int MAX_THEME_CHARS = 80;
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
  /**
   * The earliest year a document may carry: the reviews, procedures and briefings this library holds
   * are from the last century at most, and an earlier year is a slip ("0202" for "2020"); a date found
   * in the text before it is not taken as the document's.
   */
  public static final int EARLIEST_YEAR = 1900;
  /** How many years past this one a date may be: a briefing dated for next year's programme, no further. */
  public static final int YEARS_AHEAD = 1;
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
    String impossible = impossibleDate(date).orElse(null);
    if (impossible != null) {
      throw new IllegalArgumentException(
          "The date '" + date + "' of document '" + id + "' must be a real date: " + impossible + ".");
    }
    period = clean(period);
    themes = themes == null ? List.of()
        : themes.stream().map(DocumentMetadata::clean).map(t -> t.toLowerCase(Locale.ROOT))
            .filter(t -> !t.isEmpty()).distinct().toList();
    String tooMany = themesProblem(themes).orElse(null);
    if (tooMany != null) {
      throw new IllegalArgumentException("The themes of document '" + id + "' " + tooMany + ".");
    }
    source = clean(source);
  }

  /** Theme labels as a file gives them: a YAML block list or one comma-separated line ("[a, b]" too). */
  public static List<String> themeLabels(List<String> values) {
    return FrontMatter.themes(values);
  }

  /**
   * Why {@code themes} (as labels, after cleaning, lowercasing and dropping repeats) break the limits
   * ({@link #MAX_THEMES}, {@link #MAX_THEME_CHARS}): "are 31, over the limit of 30"; empty when within.
   */
  public static Optional<String> themesProblem(List<String> themes) {
    List<String> labels = themes == null ? List.of()
        : themes.stream().map(DocumentMetadata::clean).map(t -> t.toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty())
            .distinct().toList();
    if (labels.size() > MAX_THEMES) {
      return Optional.of("are " + labels.size() + ", over the limit of " + MAX_THEMES);
    }
    return labels.stream().filter(t -> t.length() > MAX_THEME_CHARS).findFirst().map(t -> "include '"
        + t.substring(0, 40) + "…', " + t.length() + " characters, over the limit of " + MAX_THEME_CHARS);
  }

  /** Found (not given) themes cut to the limits: the first {@link #MAX_THEMES} labels short enough to be one. */
  static List<String> withinThemeLimits(List<String> themes) {
    return themes.stream().filter(t -> clean(t).length() <= MAX_THEME_CHARS).limit(MAX_THEMES).toList();
  }

  /** The four-digit year of {@link #date()}, or empty when the date is unknown. */
  public String year() {
    Matcher m = DATE.matcher(date);
    return m.matches() ? m.group(1) : "";
  }

  /**
   * Why a date of the form {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD} names no day on the
   * calendar ("2024 has no month 13", "February 2023 has 28 days, not 30"); empty when it is a real
   * date, and for anything not of those forms (the pattern check reports those). Read with
   * java.time, so leap years are right. Shared by every way a date enters: front matter, meta tags,
   * the upload form and dates found in the text.
   */
  public static Optional<String> impossibleDate(String date) {
    Matcher m = DATE.matcher(date == null ? "" : date.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    int year = Integer.parseInt(m.group(1));
    int latest = Year.now(ZoneOffset.UTC).getValue() + YEARS_AHEAD;
    if (year < EARLIEST_YEAR || year > latest) {
      return Optional.of("the year " + m.group(1) + " is outside " + EARLIEST_YEAR + " to " + latest);
    }
    if (m.group(2) == null) {
      return Optional.empty();
    }
    int month = Integer.parseInt(m.group(2));
    if (month < 1 || month > 12) {
      return Optional.of(year + " has no month " + m.group(2) + "; months are 01 to 12");
    }
    YearMonth yearMonth = YearMonth.of(year, month);
    int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
    if (!yearMonth.isValidDay(day)) {
      return Optional.of(Month.of(month).getDisplayName(TextStyle.FULL, Locale.UK) + " " + year + " has "
          + yearMonth.lengthOfMonth() + " days, not " + m.group(3));
    }
    return Optional.empty();
  }

  static String clean(String value) {
    return value == null ? "" : value.strip().replaceAll("\\s+", " ");
  }
}
