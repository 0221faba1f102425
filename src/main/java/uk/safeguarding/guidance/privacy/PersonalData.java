package uk.safeguarding.guidance.privacy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks obvious identifiers in free text before it is kept anywhere (conversation memory, the
 * unanswered-questions log, feedback): a name after "called" or "named", dates of birth and
 * other dates, phone and NHS numbers, email addresses and UK postcodes. Stateless, thread-safe.
 */
public final class PersonalData {

  private record Rule(Pattern pattern, String replacement) {}

  private static final List<Rule> RULES = List.of(
      new Rule(Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"), "[email]"),
      // NHS numbers are 10 digits, often written 3-3-4.
      new Rule(Pattern.compile("\\b\\d{3}[ -]?\\d{3}[ -]?\\d{4}\\b"), "[number]"),
      new Rule(Pattern.compile("(?:\\+44\\s?|\\b0)\\d{2,4}[ -]?\\d{3,4}[ -]?\\d{3,4}\\b"), "[phone]"),
      new Rule(Pattern.compile("\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b"), "[date]"),
      new Rule(Pattern.compile("(?i)\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{4}\\b"), "[date]"),
      // ISO dates (2019-03-04) and month-first dates (March 4, 2019), as forms and US spellings give them.
      new Rule(Pattern.compile("\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b"), "[date]"),
      new Rule(Pattern.compile("(?i)\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b"), "[date]"),
      new Rule(Pattern.compile("(?i)\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2}\\b"), "[postcode]"),
      // After the dates: "DOB 03/04/2019" became "DOB [date]".
      new Rule(Pattern.compile("(?i)\\b(?:dob|d\\.o\\.b\\.?|date of birth|born on|born)\\s*:?\\s*\\[date\\]"), "[date of birth]"),
      new Rule(Pattern.compile("\\b\\d{6,}\\b"), "[number]"));

  /** "called Jayden Smith", "named Amy": the word and up to two capitalised words after it. */
  private static final Pattern NAME = Pattern.compile(
      "(?i)\\b(called|named|name is|name's)\\s+(?-i)([A-Z][\\p{L}'’-]+(?:\\s+[A-Z][\\p{L}'’-]+){0,2})");

  private PersonalData() {}

  public static String mask(String text) {
    if (text == null) {
      return "";
    }
    Matcher m = NAME.matcher(text);
    String out = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + " [name]"));
    for (Rule rule : RULES) {
      out = rule.pattern().matcher(out).replaceAll(rule.replacement());
    }
    return out;
  }
}
