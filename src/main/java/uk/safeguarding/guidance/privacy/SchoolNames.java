package uk.safeguarding.guidance.privacy;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A school's name in a run of capitalised words ending in a kind of school ("St Mary's Primary"), as
 * {@link StructuredIdentifiers} finds them: masked as "[school]", while kinds of school that guidance talks
 * about ("Virtual School", "a Free School") and the words before a name ("Worried About Bruising Seen At
 * School", a question in Title Case) are kept as typed. Stateless.
 */
final class SchoolNames {

  /** Words that make "X School" a kind of school, not a school's name ("Virtual School"). */
  private static final Set<String> GENERIC_SCHOOL_WORDS = Set.of("the", "a", "an", "our", "your", "their",
      "his", "her", "my", "this", "that", "each", "every", "any", "other", "same", "new", "old", "virtual",
      "free", "special", "independent", "primary", "secondary", "junior", "infant", "infants", "sunday",
      "boarding", "high", "forest", "home", "maintained", "state", "private", "faith", "grammar", "local",
      "mainstream", "residential", "alternative", "community", "nursery", "day", "academy", "school",
      "college", "year", "catholic", "rc", "ce", "of", "c", "e", "and", "church", "england");
  /** Words no school's name has: a run of capitalised words holding one ("Seen At School") names no school up to it. */
  private static final Set<String> NOT_IN_SCHOOL_NAMES = Set.of("at", "about", "to", "from", "for", "with", "by",
      "on", "in", "into", "after", "before", "near", "is", "was", "were", "are", "has", "have", "had", "been",
      "he", "she", "it", "we", "they", "you", "i", "his", "her", "him", "them", "who", "what", "where", "when",
      "why", "how", "not", "can", "will", "would", "should", "could", "did", "does", "do");
  private static final Pattern NON_SPACE = Pattern.compile("\\S+");
  private static final Lexicon LEXICON = Lexicon.shared();

  private SchoolNames() {}

  /**
   * Masks a school's name but keeps a leading "The" or verb-like word, and keeps kinds of school
   * ("Virtual School", "a Free School"), which guidance talks about.
   */
  static String mask(String match) {
    int name = nameStart(match.split("\\s+"));
    Matcher word = NON_SPACE.matcher(match);
    for (int i = 0; i <= name; i++) {
      word.find(); // to the name's first word; the words before it stay as typed
    }
    String rest = match.substring(word.start());
    return match.substring(0, word.start()) + maskName(rest.split("\\s+"), rest);
  }

  /**
   * Where a school's name can start in a run of capitalised words ending in a kind of school: after the last
   * word no school's name has, a preposition, pronoun or auxiliary ("Worried About Bruising Seen At School",
   * a question in Title Case, names none), or, in a run as long as a sentence, a dictionary word in -ing
   * no name list knows ("Kid Keeps Missing School"; "Reading School" is a place's school).
   */
  private static int nameStart(String[] words) {
    for (int i = words.length - 2; i >= 0; i--) {
      String w = words[i].toLowerCase(Locale.ROOT);
      if (NOT_IN_SCHOOL_NAMES.contains(w) || words.length >= Tokens.TITLE_CASE_MIN_WORDS && w.endsWith("ing")
          && LEXICON.isEnglish(words[i]) && !LEXICON.isProperNoun(words[i])) {
        return i + 1;
      }
    }
    return 0;
  }

  private static String maskName(String[] words, String match) {
    int start = 0;
    while (start < words.length && GENERIC_SCHOOL_WORDS.contains(words[start].toLowerCase(Locale.ROOT))) {
      start++;
    }
    boolean named = false;
    for (int i = start; i < words.length; i++) {
      named |= !GENERIC_SCHOOL_WORDS.contains(words[i].toLowerCase(Locale.ROOT));
    }
    if (!named) {
      return match;
    }
    StringBuilder kept = new StringBuilder();
    for (int i = 0; i < start; i++) {
      kept.append(words[i]).append(' ');
    }
    return kept + "[school]";
  }
}
