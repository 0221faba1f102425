package uk.safeguarding.guidance.corpus;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates documents print ("14 March 2024", "September 2024", "2024-03-14", "14/03/2024")
 * as the corpus writes them: {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY}. Stateless.
 */
final class Dates {

  private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june",
      "july", "august", "september", "october", "november", "december");
  private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
      + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
      "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+((?:19|20)\\d{2})\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
      "\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,\\s+((?:19|20)\\d{2})\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern MONTH_YEAR = Pattern.compile("\\b" + MONTH + ",?\\s+((?:19|20)\\d{2})\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ISO = Pattern.compile("\\b((?:19|20)\\d{2})-(\\d{2})(?:-(\\d{2}))?(?!\\d)");
  private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/((?:19|20)\\d{2})\\b");
  private static final Pattern YEAR = Pattern.compile("^\\s*((?:19|20)\\d{2})\\s*$");

  private Dates() {}

  /** The first date in {@code text}, most precise reading first; empty when there is none. */
  static Optional<String> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    // Each reading must name a real day ("30 February" is a typo, not a date), else the next is tried:
    // an impossible date found in the text would otherwise get the whole document skipped.
    Matcher m = ISO.matcher(text);
    Optional<String> date = m.find()
        ? real(m.group(1) + "-" + m.group(2) + (m.group(3) == null ? "" : "-" + m.group(3)))
        : Optional.empty();
    m = DAY_MONTH_YEAR.matcher(text);
    if (date.isEmpty() && m.find()) {
      date = real(m.group(3) + "-" + month(m.group(2)) + "-" + two(m.group(1)));
    }
    m = MONTH_DAY_YEAR.matcher(text);
    if (date.isEmpty() && m.find()) {
      date = real(m.group(3) + "-" + month(m.group(1)) + "-" + two(m.group(2)));
    }
    m = MONTH_YEAR.matcher(text);
    if (date.isEmpty() && m.find()) {
      date = real(m.group(2) + "-" + month(m.group(1)));
    }
    m = NUMERIC.matcher(text); // UK order: day/month/year
    if (date.isEmpty() && m.find()) {
      date = real(m.group(3) + "-" + two(m.group(2)) + "-" + two(m.group(1)));
    }
    m = YEAR.matcher(text);
    return date.isPresent() || !m.find() ? date : real(m.group(1));
  }

  /**
   * A {@code YYYY(-MM(-DD))} reading, when it names a day on the calendar, in the years the metadata
   * allows ({@link DocumentMetadata#impossibleDate}: a "2099 strategy" is not the document's date).
   */
  private static Optional<String> real(String date) {
    return DocumentMetadata.impossibleDate(date).isEmpty() ? Optional.of(date) : Optional.empty();
  }

  private static String month(String name) {
    String n = name.toLowerCase(Locale.ROOT).replace(".", "");
    for (int i = 0; i < MONTHS.size(); i++) {
      if (MONTHS.get(i).startsWith(n.substring(0, 3))) {
        return two(Integer.toString(i + 1));
      }
    }
    throw new IllegalArgumentException("Not a month name: '" + name + "'");
  }

  private static String two(String n) {
    return n.length() == 1 ? "0" + n : n;
  }
}
