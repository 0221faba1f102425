package uk.safeguarding.guidance.privacy;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import uk.safeguarding.guidance.ops.ResourceLines;

/**
 * The word lists that tell a person's name from an ordinary word, loaded once from the jar
 * (nothing is downloaded): Debian's British English dictionary, place and language names, the
 * library's own vocabulary and a short hand-kept list of other words that are not names.
 * Immutable after loading, so shared by all threads.
 */
final class Lexicon {

  private static final String FOLDER = "/privacy/";
  /** Shortest part of a compound: shorter pieces ("a", "on", "the") split almost any word in two. */
  private static final int MIN_COMPOUND_PART = 4;
  private static final Pattern DEMONYM_ENDING = Pattern.compile("(?:an|ese|i|ic|im|ist|u|h)$");

  /** Loaded on first use: the dictionary is about 100,000 words. */
  private static final class Shared {

    static final Lexicon INSTANCE = load();
  }

  /** Lower-case dictionary entries: ordinary English words ("grace", "mark", "police"). */
  private final Set<String> english;
  /** Capitalised dictionary entries: proper nouns, given names among them ("Grace", "Shannon"). */
  private final Set<String> properNouns;
  /** Lower-cased words that are never people's names here: places, languages, the library's words. */
  private final Set<String> notNames;

  /** Lower-cased words of the corpus alone: they may still be a surname after a name ("Amy Jones"). */
  private final Set<String> libraryOnly;

  private Lexicon(Set<String> english, Set<String> properNouns, Set<String> notNames, Set<String> libraryOnly) {
    this.english = english;
    this.properNouns = properNouns;
    this.notNames = notNames;
    this.libraryOnly = libraryOnly;
  }

  static Lexicon shared() {
    return Shared.INSTANCE;
  }

  /** "grace", "referrals", "hasn't": a word of English, whatever its case in the text. */
  boolean isEnglish(String word) {
    return english.contains(word.toLowerCase(Locale.ROOT));
  }

  /** "Grace", "Mark": capitalised in the dictionary, as given names and other proper nouns are. */
  boolean isProperNoun(String word) {
    return properNouns.contains(capitalise(word));
  }

  /**
   * "Europeans", "Muslims": the dictionary pluralises words for groups of people and not given
   * names, so a proper noun with a plural and a demonym's ending is a nationality or faith. The
   * ending keeps out surnames made from given names ("Daniels").
   */
  boolean isGroupOfPeople(String word) {
    return isProperNoun(word) && !isEnglish(word) && properNouns.contains(capitalise(word) + "s")
        && DEMONYM_ENDING.matcher(word).find();
  }

  /** Place, language, library or listed word (Telford, Polish, Ofsted, Snapchat). */
  boolean isNeverAName(String word) {
    return notNames.contains(word.toLowerCase(Locale.ROOT));
  }

  /** In the library's vocabulary only: not a place, language or listed word ("Jones", "Telford"). */
  boolean isLibraryOnly(String word) {
    return libraryOnly.contains(word.toLowerCase(Locale.ROOT));
  }

  /**
   * "hled", "reveiw", "actualy": one slip (a letter dropped, added, changed or two swapped) from an
   * English word, so a typo rather than a name no list has. About 60 lookups a letter; asked only of
   * a lower-case word right after a name.
   */
  boolean isOneSlipFromEnglish(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    for (int i = 0; i <= w.length(); i++) {
      String head = w.substring(0, i);
      String tail = w.substring(i);
      if (!tail.isEmpty() && english.contains(head + tail.substring(1))) {
        return true; // a letter added
      }
      if (tail.length() >= 2 && english.contains(head + tail.charAt(1) + tail.charAt(0) + tail.substring(2))) {
        return true; // two swapped
      }
      for (char c = 'a'; c <= 'z'; c++) {
        if (english.contains(head + c + tail) || !tail.isEmpty() && english.contains(head + c + tail.substring(1))) {
          return true; // a letter dropped, or changed
        }
      }
    }
    return false;
  }

  /** "Safeguardingpartnership": two English words of at least {@link #MIN_COMPOUND_PART} letters run together. */
  boolean isCompound(String word) {
    for (int cut = MIN_COMPOUND_PART; cut <= word.length() - MIN_COMPOUND_PART; cut++) {
      if (isEnglish(word.substring(0, cut)) && isEnglish(word.substring(cut))) {
        return true;
      }
    }
    return false;
  }

  private static String capitalise(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  private static Lexicon load() {
    Set<String> english = new HashSet<>();
    Set<String> proper = new HashSet<>();
    for (String word : read("british-english.txt")) {
      (Character.isUpperCase(word.charAt(0)) ? proper : english).add(word);
    }
    read("everyday-words.txt").forEach(w -> english.add(w.toLowerCase(Locale.ROOT)));
    Set<String> listed = new HashSet<>();
    for (String list : new String[] {"places.txt", "not-names.txt"}) {
      read(list).forEach(w -> listed.add(w.toLowerCase(Locale.ROOT)));
    }
    Set<String> libraryOnly = new HashSet<>();
    read("library-words.txt").forEach(w -> libraryOnly.add(w.toLowerCase(Locale.ROOT)));
    libraryOnly.removeAll(listed);
    Set<String> notNames = new HashSet<>(listed);
    notNames.addAll(libraryOnly);
    return new Lexicon(Set.copyOf(english), Set.copyOf(proper), Set.copyOf(notNames), Set.copyOf(libraryOnly));
  }

  /** The non-blank, non-comment lines of a word list in the jar. */
  static Set<String> read(String name) {
    return ResourceLines.read(FOLDER + name, "word list", "run tools/privacy-words/build.py and rebuild.");
  }
}
