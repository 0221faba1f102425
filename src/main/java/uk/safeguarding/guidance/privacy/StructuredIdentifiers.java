package uk.safeguarding.guidance.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Identifiers with a shape: emails, phone, NHS and National Insurance numbers, case references,
 * dates, postcodes, street addresses and school names. Order matters: each rule sees the output
 * of the ones before it, so longer shapes go first and the date-of-birth rules read "[date]".
 */
final class StructuredIdentifiers {

  private static final String WORD = "[A-Z][\\p{L}'’-]*";
  /** May is also the verb ("a 3 may be"): only capitalised, or with a year, is it the month. */
  private static final String MONTH = "(?:[Jj]an(?:uary)?|[Ff]eb(?:ruary)?|[Mm]ar(?:ch)?|[Aa]pr(?:il)?|May"
      + "|[Jj]une?|[Jj]uly?|[Aa]ug(?:ust)?|[Ss]ep(?:t(?:ember)?)?|[Oo]ct(?:ober)?|[Nn]ov(?:ember)?"
      + "|[Dd]ec(?:ember)?)\\.?";
  /** A day of the month in words ("third", "twenty-first"), for dates written out. */
  private static final String ORDINAL_DAY = "(?:(?:twenty|thirty)[- ]?)?(?:first|second|third|fourth|fifth|sixth"
      + "|seventh|eighth|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth"
      + "|eighteenth|nineteenth|twentieth|thirtieth";
  private static final String YEAR = "(?:\\d{4}|['’]\\d{2})";
  /** "born 1 Mar 15 weeks early" would be a count of weeks, not the year 2015. */
  private static final String TWO_DIGIT_YEAR_NOT_COUNT = "(?![/:.]\\d|\\s*(?:weeks?|wks?|days?|months?|hours?"
      + "|hrs?|mins?|minutes?)\\b)";
  /** Kept before the mask ("DOB [date of birth]"): the cue is an ordinary word, not the identifier. */
  private static final String BIRTH_CUE = "(?i:(\\b(?:dob|d\\.o\\.b\\.?|date of birth|born(?:\\s+on)?|b\\.?)"
      + "(?:\\s+is)?\\s*[:(]?\\s*))";
  private static final String TOP_LEVEL_DOMAIN = "(?:com|net|org|uk|gov|nhs|sch|ac|co|io|pl|ie|info|me|edu)";
  private static final String SPOKEN_DOT = "\\s*(?:\\[dot\\]|\\(dot\\)|\\bdot\\b|\\.)\\s*";
  private static final String SPOKEN_AT = "\\s*(?:\\[at\\]|\\(at\\)|\\bat\\b)\\s*";
  private static final String STREET = "(?:Road|Street|Avenue|Lane|Close|Drive|Way|Grove|Terrace|Court|Crescent"
      + "|Place|Row|Mews|Gardens|Walk|Hill|Park|Square|View|Rise|Green|Parade|Gate|Vale|Wynd|Chase|Croft|Yard)";
  /**
   * "22b Baker St", "4 Mill Rd": abbreviations only after a house number (a full stop after one is kept). "St" and "Dr" then a
   * capitalised word are a saint or a doctor ("3 Church St Mary's", "Bed 4 Ward Dr Patel"), unless a
   * full stop ends the street ("22 Baker St. Mum said"): a saint lost there costs less than an address kept.
   */
  private static final String STREET_ABBREVIATED = "(?:Rd|Ave|Ln|Cres|Ct|Pl|Terr?|Gdns|Gr|Gro|Cl|Sq|Pde"
      + "|(?:St|Dr)(?=\\.|(?!\\s+[A-Z])))\\b";
  /** The same in text-speak ("22 baker st"), where the street's name must pass {@link #isStreetName}. */
  private static final String STREET_ABBREVIATED_LOWER = "(?:rd|st|ave)";
  /** Without a house number only unmistakable street words count ("Crown Court", "Hill" do not). */
  private static final String STREET_UNNUMBERED = "(?:Road|Street|Avenue|Lane|Close|Drive|Terrace|Crescent"
      + "|Grove|Mews|Gardens)";
  private static final String SCHOOL_KIND = "(?:(?:Day\\s+)?Nursery|Primary|Infants?|Junior|Academy|School|High"
      + "|College|Madrassa|Grammar|Secondary)(?:\\s+School)?";
  private static final Set<String> NOT_STREET_NAMES = Set.of("the", "a", "an", "in", "on", "at", "of", "to",
      "and", "or", "for", "with", "my", "her", "his", "their", "our", "same", "this", "that", "other", "kids",
      "children");

  /** Social media, messaging and gaming services: a handle after one names its owner as a name does. */
  private static final String PLATFORM = "(?:snap(?:chat)?|insta(?:gram)?|tik\\s?tok|facebook|fb|twitter|whats\\s?app"
      + "|discord|kik|telegram|roblox|fortnite|xbox|psn|youtube|twitch|reddit|onlyfans)";
  /** Words that say a handle follows, with or without a service ("username: kayleigh_x99"). */
  private static final String HANDLE_CUE = "(?:user\\s?name|handle|gamertag)";
  /** Words for the handle itself ("her snap name", "tiktok username:"). */
  private static final String HANDLE_WORD = "(?:name|handle|user\\s?name|account|acc|id|tag|profile)";
  /**
   * A handle by its shape: letters with an underscore, two digits in a row or a dot between words
   * ("kayla_xo2010", "xxboi99", "jay.brown_07", "k.bloggs"), starting with a letter or underscore and holding at least two letters, so "s47", "y10"
   * and an age ("13yo") are not handles.
   */
  private static final Pattern HANDLE_SHAPE =
      Pattern.compile("(?<![\\w@\\[.])@?(?=[A-Za-z_])(?=(?:[0-9_.]*[A-Za-z]){2})"
          + "(?=[A-Za-z0-9_.]*(?:_|\\d{2}|#\\d|[A-Za-z]\\.[A-Za-z]{3}))[A-Za-z0-9_.]*[A-Za-z0-9_](?:#\\d{1,4})?"
          + "(?![\\w\\]])");
  /** A capital after a small letter inside a word ("xXshadowXx"), as handles have and words do not. */
  private static final Pattern INNER_CAPITAL = Pattern.compile("\\p{Ll}\\p{Lu}");
  private static final Pattern PLATFORM_WORD = Pattern.compile("(?i)\\b(?:" + PLATFORM + "|" + HANDLE_CUE + ")\\b");
  private static final Pattern ORDINAL_DAY_WORD = Pattern.compile("(?i)(?:" + ORDINAL_DAY + ")\\b");
  /** Words after a service's name (up to the next service) that may still hold a handle: "on snap as xxboi99". */
  private static final int HANDLE_REACH = 4;

  private static final Lexicon LEXICON = Lexicon.shared();

  /*
   * What a text must hold for a rule to match it at all (Rule#needs): most questions hold no digit. The
   * word tests are the rules' own word lists, lower-cased and found in the lower-cased text, so a word
   * added to a list is tested too (the lower-case school rules below use words of SCHOOL_KIND only).
   */
  private static final Predicate<String> DIGIT = t -> t.chars().anyMatch(c -> c >= '0' && c <= '9');
  private static final Predicate<String> STREET_WORD = lowerCaseHolds(STREET_UNNUMBERED);
  private static final Predicate<String> SCHOOL_WORD = lowerCaseHolds(SCHOOL_KIND);

  private static final List<Rule> RULES = List.of(
      // A stray space before a dot ("tasha@example .com") is still the address; one after it ends a sentence.
      Rule.replace("[\\w.+-]+(?:@\\s?|\\s@\\s)[\\w-]+(?:\\s?\\.[\\w-]+)+", "[email]").needs(t -> t.indexOf('@') >= 0),
      // A social media handle ("@kayla_xo_2010") names its owner as surely as a name does ("@3pm" is a time).
      Rule.replace("(?<![\\w@])@[A-Za-z_][A-Za-z0-9_.]*(?<!\\.)", "[name]")
          .needs(t -> t.indexOf('@') >= 0),
      // "her snap is kayla_xo2010", "on snap as xxboi99": a handle's shape within a few words after a service.
      new Rule(
          Pattern.compile("(?i)\\b(?:" + PLATFORM + "|" + HANDLE_CUE + ")\\b(?:[:=]?[^\\S\\n]+(?!(?:" + PLATFORM + "|"
              + HANDLE_CUE + ")\\b)\\S+){1," + HANDLE_REACH
              + "}"),
          m -> HANDLE_SHAPE.matcher(m.group()).replaceAll("[name]")).needs(StructuredIdentifiers::namesAPlatform),
      // "kayleighmarie_xo on snap", "lilmissy99 (snapchat)", "xXshadowXx on discord": a handle just before a service.
      new Rule(Pattern.compile("(?i)(?<![\\w@\\[.])([A-Za-z_][A-Za-z0-9_.]*[A-Za-z0-9_])(\\s+(?:on|via|from)\\s+(?:"
          + "her|his|their|my)?\\s*|\\s*\\(\\s*)(?=" + PLATFORM + "\\b)"),
          m -> looksLikeHandle(m.group(1)) ? "[name]" + m.group(2) : m.group())
          .needs(StructuredIdentifiers::namesAPlatform),
      // "snapchat name kaylaxo", "tiktok username: lilmissy": any word no dictionary has, after the handle's word.
      new Rule(Pattern.compile("(?i)\\b(" + PLATFORM + "\\s+" + HANDLE_WORD + "(?:\\s+is|\\s*[:=-])?\\s*)@?([A-Za-z]"
          + "[A-Za-z0-9_.]*[A-Za-z0-9_])\\b"),
          m -> LEXICON.isEnglish(m.group(2)) || m.group(2).length() < 3 ? m.group() : m.group(1) + "[name]")
          .needs(StructuredIdentifiers::namesAPlatform),
      // "jo dot bloggs at council dot gov dot uk", "paula [dot] greaves [at] nhs [dot] net".
      Rule.replace("(?i)\\b[\\w+-]+(?:" + SPOKEN_DOT + "[\\w+-]+)*" + SPOKEN_AT + "[\\w-]+(?:" + SPOKEN_DOT
          + "[\\w-]+)*" + SPOKEN_DOT + TOP_LEVEL_DOMAIN + "\\b", "[email]").needs(StructuredIdentifiers::spokenEmail),
      // National Insurance: two letters, three pairs of digits, a letter A-D, in one case, any spacing.
      Rule.replace(
          "(?<!\\w)(?:[A-Z]{2}\\s?\\d{2}\\s?\\d{2}\\s?\\d{2}\\s?[A-D]|[a-z]{2}\\s?\\d{2}\\s?\\d{2}\\s?\\d{2}\\s?[a-d])(?!\\w)",
          "[number]").needs(DIGIT),
      // "+44 (0)7700 900123": the trunk zero in brackets after the country code is part of the number.
      new Rule(Pattern.compile("(?<![\\w+])(?:\\+\\d{1,3}(?:\\s?\\(0\\))?|\\(0\\d{2,4}\\)|0\\d{2,4})"
          + "(?:[ .\\n-]?\\d{2,6}){1,4}(?![\\w/])"),
          m -> isPhoneNumber(m.group()) ? "[phone]" : m.group()).needs(DIGIT),
      // NHS numbers are ten digits, grouped 3-3-4 by spaces, dashes, dots or line breaks (not always the same
      // ones: "943 476-5919"), or not at all; typed 3-4-3 or 4-3-3 they are still ten digits in three groups.
      Rule.replace("(?<![\\w.])(?:\\d{3}[ .\\n-]?\\d{3}[ .\\n-]?\\d{4}|\\d{3}[ .\\n-]\\d{4}[ .\\n-]\\d{3}"
          + "|\\d{4}[ .\\n-]\\d{3}[ .\\n-]\\d{3})(?![\\w])", "[number]").needs(DIGIT),
      // Ten or eleven digits typed one by one with spaces between ("9 4 3 4 7 6 5 9 1 9", "0 7 7 0 0 …"): an NHS
      // or phone number spelt out so no shape above sees it.
      Rule.replace("(?<![\\w.])\\d(?:[ \\t]\\d){9,10}(?![\\w])", "[number]").needs(DIGIT),
      // "CS-2024-00123", "EH/2023/4471", "ZW24C50123", "H7788990": letters and at least 3 digits.
      Rule.replace("\\b(?=[A-Z0-9/-]*[A-Z])(?=(?:[A-Z/-]*\\d){3})[A-Z0-9]+(?:[-/][A-Z0-9]+)+\\b", "[reference]")
          .needs(DIGIT),
      Rule.replace("\\b[A-Z]{1,3}\\d{2}[A-Z]?\\d{3,}\\b", "[reference]").needs(DIGIT),
      // A vehicle's registration in the current UK form, "AB12 CDE" (capitals only, as plates are written).
      Rule.replace("\\b[A-Z]{2}\\d{2}\\s?[A-Z]{3}\\b", "[reference]").needs(DIGIT),
      new Rule(Pattern.compile("(?i)\\b(ref(?:erence)?|log|occurrence|id|mosaic|lcs|liquidlogic|case\\s+no\\.?"
          + "|case\\s+number)(\\.?\\s*(?:no\\.?|number|id)?\\s*[:#]?\\s*)\\d[\\d/-]{2,}\\d\\b"),
          m -> m.group(1) + m.group(2) + "[reference]").needs(DIGIT),
      Rule.replace("\\b\\d{2}/\\d{3,6}/\\d{2}\\b", "[reference]").needs(DIGIT),
      Rule.replace("\\b\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})\\b", "[date]").needs(DIGIT),
      Rule.replace("\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b", "[date]").needs(DIGIT),
      // "3-Mar-2015", "03.mar.15", "2016-jan-01", "2016 jan 1": a month's name between the numbers.
      Rule.replace("\\b\\d{1,2}[/.-]" + MONTH + "[/.-](?:\\d{4}|\\d{2})\\b", "[date]").needs(DIGIT),
      Rule.replace("\\b\\d{4}[/.-]" + MONTH + "[/.-]\\d{1,2}\\b(?![:.]?\\d)", "[date]").needs(DIGIT),
      // With spaces only after a birth cue: "in 2016 Jan 10 children were seen" is a year and a count.
      new Rule(Pattern.compile(BIRTH_CUE + "\\d{4}\\s+" + MONTH + "\\s+\\d{1,2}\\b(?![:.]?\\d)"),
          m -> m.group(1) + "[date of birth]").needs(DIGIT),
      // "17/05" but not "24/7" or "50/50": a day and a two-digit month.
      Rule.replace("\\b(?:[12]\\d|3[01]|0?[1-9])/(?:0[1-9]|1[0-2])\\b(?!/)", "[date]").needs(DIGIT),
      // "born 1 Mar 15": after a birth cue a bare two-digit number after the month is its year, not a count.
      new Rule(Pattern.compile(BIRTH_CUE + "\\d{1,2}(?:st|nd|rd|th)?(?:\\s+of)?\\s+" + MONTH + ",?\\s+\\d{2}\\b"
          + TWO_DIGIT_YEAR_NOT_COUNT), m -> m.group(1) + "[date of birth]").needs(DIGIT),
      Rule.replace("\\b\\d{1,2}(?:st|nd|rd|th)?(?:\\s+of)?\\s+" + MONTH + "(?:,?\\s+" + YEAR + ")?(?![\\w'’])",
          "[date]").needs(DIGIT),
      Rule.replace("(?i:may)\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b", "[date]").needs(DIGIT),
      Rule.replace("\\b" + MONTH + "\\s+\\d{1,2}(?:(?:st|nd|rd|th)\\b|,?\\s+\\d{4}\\b)", "[date]").needs(DIGIT),
      // "the third of March 2019", "March the twenty-first": a date in words is a date as much as "3/3/19" is.
      Rule.replace("\\b(?i:the\\s+)?(?i:" + ORDINAL_DAY + ")(?i:\\s+of)?\\s+" + MONTH + "(?:,?\\s+" + YEAR
          + ")?(?![\\w'’])", "[date]").needs(StructuredIdentifiers::hasOrdinalDay),
      Rule.replace("\\b" + MONTH + "\\s+(?i:the\\s+)(?i:" + ORDINAL_DAY + ")(?:,?\\s+" + YEAR + ")?(?![\\w'’])",
          "[date]").needs(StructuredIdentifiers::hasOrdinalDay),
      new Rule(Pattern.compile(BIRTH_CUE + "((?:in\\s+)?)(?:" + MONTH + "|may)\\s+" + YEAR + "\\b"),
          m -> m.group(1) + m.group(2) + "[date of birth]").needs(DIGIT),
      new Rule(Pattern.compile(BIRTH_CUE + "\\[date\\]"), m -> m.group(1) + "[date of birth]")
          .needs(t -> t.contains("[date]")),
      // Postcodes, not ordinals after a school year ("Y7 2nd").
      Rule.replace("(?i)\\b[A-Z]{1,2}\\d[A-Z\\d]?(?:\\s*|-)(?!(?:1st|2nd|3rd)\\b)\\d[A-Z]{2}\\b", "[postcode]")
          .needs(DIGIT),
      // "flat 3, Mill House, Station Road", "Pitch 12, Meadow Lane Traveller Site".
      Rule.replace("\\b(?i:flat|unit|room|pitch|apartment|apt|plot)\\s+\\d+[A-Za-z]?(?:,?\\s+(?:\\d{1,4}[A-Za-z]?\\s+)?"
          + WORD + "(?:\\s+" + WORD + ")*(?:\\s+site)?)+", "[address]").needs(DIGIT),
      Rule.replace("\\b\\d{1,4}[A-Za-z]?(?:-\\d{1,4})?,?\\s+(?:" + WORD + "\\s+){1,3}(?:" + STREET + "\\b|"
          + STREET.toUpperCase(Locale.ROOT) + "\\b|"
          + STREET_ABBREVIATED + ")(?:,?\\s+[A-Z][a-z]+(?=,?\\s*\\[postcode\\]))?", "[address]").needs(DIGIT),
      new Rule(Pattern.compile("\\b\\d{1,4}[a-z]?\\s+((?:[a-z]+\\s+){1,2})(?:road|street|avenue|terrace|crescent"
          + "|grove|mews|gardens|lane|" + STREET_ABBREVIATED_LOWER + ")\\b"),
          m -> isStreetName(m.group(1)) ? "[address]" : m.group()).needs(DIGIT),
      Rule.replace("\\b(?:The\\s+" + WORD + "(?:\\s+" + WORD + ")?,\\s+)?(?:" + WORD + "\\s+){1,2}"
          + STREET_UNNUMBERED + "\\b", "[address]").needs(STREET_WORD),
      // "St Mary's Primary", "St Aidan's C of E Primary", "Holy Cross Catholic High School".
      new Rule(
          Pattern.compile(
              "\\b(?:(?:St\\.?|Saint)\\s+)?" + WORD + "(?:\\s+(?:of\\s+|and\\s+|&\\s+|C of E\\s+|RC\\s+|CE\\s+)?"
                  + WORD + ")*?\\s+(?:C of E\\s+|RC\\s+|CE\\s+)?" + SCHOOL_KIND + "\\b"),
          m -> SchoolNames.mask(m.group()))
          .needs(SCHOOL_WORD),
      Rule.replace("(?i)\\bst\\.?\\s+[a-z'’]+(?:\\s+(?:rc|ce|c of e|catholic))?\\s+(?:primary|junior|infants?"
          + "|academy|school|high|nursery|college)(?:\\s+school)?\\b", "[school]").needs(SCHOOL_WORD),
      new Rule(Pattern.compile("\\b([a-z][a-z'’-]+)\\s+(?:academy|primary)\\b"),
          m -> LEXICON.isEnglish(m.group(1)) ? m.group() : "[school]").needs(SCHOOL_WORD),
      Rule.replace("\\b\\d{6,}\\b", "[number]").needs(DIGIT));

  private StructuredIdentifiers() {}

  static String mask(String text) {
    String out = text;
    for (Rule rule : RULES) {
      out = rule.apply(out);
    }
    return out;
  }

  /** Whether the lower-cased text holds a match of {@code words} lower-cased (a list of capitalised words). */
  private static Predicate<String> lowerCaseHolds(String words) {
    Pattern lower = Pattern.compile(words.toLowerCase(Locale.ROOT));
    return t -> lower.matcher(t.toLowerCase(Locale.ROOT)).find();
  }

  /**
   * A word before a service's name that is a handle: the handle's shape, or no dictionary's word with a
   * capital inside it ("xXshadowXx"); "groomed on roblox", "met him on snap" keep their words.
   */
  private static boolean looksLikeHandle(String word) {
    return HANDLE_SHAPE.matcher(word).matches()
        || INNER_CAPITAL.matcher(word).find() && !LEXICON.isEnglish(word) && !LEXICON.isProperNoun(word);
  }

  /** Whether the text names a service ({@link #PLATFORM}) or a word that says a handle follows ({@link #HANDLE_CUE}). */
  private static boolean namesAPlatform(String text) {
    return PLATFORM_WORD.matcher(text).find();
  }

  /** Whether the text holds a day of the month in words ({@link #ORDINAL_DAY}). */
  private static boolean hasOrdinalDay(String text) {
    return ORDINAL_DAY_WORD.matcher(text).find();
  }

  /** A spoken or bracketed address ("jo dot bloggs at council dot gov dot uk") needs an "at" and a dot. */
  private static boolean spokenEmail(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("at") && (lower.contains("dot") || lower.indexOf('.') >= 0);
  }

  /** UK numbers have 10 or 11 digits, international ones up to 13 with the country code. */
  private static boolean isPhoneNumber(String candidate) {
    long digits = candidate.chars().filter(Character::isDigit).count();
    return digits >= 10 && digits <= 13;
  }

  private static boolean isStreetName(String words) {
    for (String word : words.strip().split("\\s+")) {
      if (NOT_STREET_NAMES.contains(word)) {
        return false;
      }
    }
    return true;
  }
}
