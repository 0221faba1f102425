package uk.safeguarding.guidance.corpus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds metadata a document states in its own words: "Published by …" (the organisation),
 * "Published September 2024" and "Last updated: 14 March 2024" (the date), and the kind of document
 * its title and opening name ("7-minute briefing", "rapid review", "procedure" …). Stateless.
 */
final class TextMetadata {

  /** Characters of the opening read for the document's type: the title page and introduction. */
  static final int TYPE_WINDOW_CHARS = 1500;

  /**
   * Where a statement about the document starts: a line's start or a separator after another one
   * ("Published by X. Last updated: …"), not mid-sentence ("the guidance published in 2018").
   */
  private static final String START = "(?:^|[|.,;•–—]\\s*)";
  private static final Pattern PUBLISHED_BY = Pattern.compile(
      "(?i)" + START + "(?:published|produced|written|prepared|issued) by:?\\s+(?:the\\s+)?([A-Z][^|.;\\n]{2,120})");
  /** Where an organisation's name stops: a date, "on", "in", a dash or "Last updated". */
  private static final Pattern ORGANISATION_END = Pattern.compile(
      "(?i)\\s+(?:on|in)\\s+\\d.*$|\\s+(?:on|in)\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\w*\\s+\\d.*$"
          + "|\\s+[–—-]\\s+.*$|,\\s*(?:published|first published|last updated|updated|dated?)\\b.*$|\\s+last (?:updated|reviewed).*$|\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\w*\\s+\\d{4}.*$");
  private static final Pattern PUBLISHED = Pattern.compile(
      "(?i)" + START
          + "(?:first published|date published|published|publication date|date of publication|issued)(?: on| in)?\\s*:?\\s*"
          + "(\\d{1,2}(?:st|nd|rd|th)?\\s+\\w+\\s+\\d{4}|\\w+\\s+\\d{4}|\\d{4}-\\d{2}(?:-\\d{2})?|\\d{1,2}/\\d{1,2}/\\d{4}|(?:19|20)\\d{2}\\b)");
  private static final Pattern UPDATED = Pattern.compile(
      "(?i)" + START
          + "(?:(?:page |content )?last updated|last reviewed|updated|last modified|review date)(?: on)?\\s*:?\\s*"
          + "(\\d{1,2}(?:st|nd|rd|th)?\\s+\\w+\\s+\\d{4}|\\w+\\s+\\d{4}|\\d{4}-\\d{2}(?:-\\d{2})?|\\d{1,2}/\\d{1,2}/\\d{4})");
  /** Document types by the words that name them, most specific first. */
  private static final Map<Pattern, String> TYPES = new LinkedHashMap<>();

  static {
    TYPES.put(Pattern.compile("(?i)\\b(?:7|seven)[- ]minute briefing"), "7-minute briefing");
    TYPES.put(Pattern.compile("(?i)\\brapid (?:review|practice review)"), "rapid review");
    TYPES.put(Pattern.compile("(?i)\\bserious case review\\b"), "serious case review");
    TYPES.put(Pattern.compile("(?i)\\bsafeguarding adults? review\\b"), "safeguarding adults review");
    TYPES
        .put(Pattern.compile("(?i)\\b(?:local )?child safeguarding practice review\\b|\\bLCSPR\\b|\\blearning review\\b"
            + "|\\bpractice (?:learning )?review\\b"), "learning review");
    TYPES.put(Pattern.compile("(?i)\\bthematic (?:briefing|review|report)\\b"), "thematic briefing");
    TYPES.put(Pattern.compile("(?i)\\bannual report\\b"), "annual report");
    TYPES.put(Pattern.compile("(?i)\\b(?:procedures?|protocol|practice guidance|escalation policy)\\b"), "procedure");
    TYPES.put(Pattern.compile("(?i)\\b(?:learning )?briefing(?: note)?\\b"), "briefing");
  }

  private TextMetadata() {}

  /**
   * Offers what {@code lines} state (in reading order) to {@code found}: a date stated as published
   * before one stated as updated, as that is the document's own date.
   */
  static void scan(List<String> lines, MetadataCandidates found) {
    published(lines, found);
    updated(lines, found);
  }

  /** "Published by …" as the organisation, and a date stated as published. */
  static void published(List<String> lines, MetadataCandidates found) {
    for (String line : lines) {
      Matcher by = PUBLISHED_BY.matcher(line);
      if (by.find()) {
        found.offer("organisation", organisation(by.group(1)), "text 'Published by …'");
      }
    }
    for (String line : lines) {
      Matcher m = PUBLISHED.matcher(line);
      while (m.find()) {
        Dates.parse(m.group(1)).ifPresent(d -> found.offer("date", d, "text 'Published …'"));
      }
    }
  }

  /** A date stated as last updated: the document's date when nothing says when it was published. */
  static void updated(List<String> lines, MetadataCandidates found) {
    for (String line : lines) {
      Matcher m = UPDATED.matcher(line);
      if (m.find()) {
        Dates.parse(m.group(1)).ifPresent(d -> found.offer("date", d, "text 'Last updated …'"));
      }
    }
  }

  /** The document type its title, then its opening, names. */
  static Optional<String> type(String title, String opening) {
    for (String text : List.of(title,
        opening.length() > TYPE_WINDOW_CHARS ? opening.substring(0, TYPE_WINDOW_CHARS) : opening)) {
      for (Map.Entry<Pattern, String> type : TYPES.entrySet()) {
        if (type.getKey().matcher(text).find()) {
          return Optional.of(type.getValue());
        }
      }
    }
    return Optional.empty();
  }

  static String organisation(String raw) {
    String o = ORGANISATION_END.matcher(raw.strip()).replaceFirst("");
    return o.replaceAll("[\\s,:;]+$", "").strip();
  }
}
