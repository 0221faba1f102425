package uk.safeguarding.guidance.search;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an acronym the library never uses as the capitalised name it does use whose initials it
 * spells: practitioners write "DRP", "MCA", "PuP" where a review writes "Dispute Resolution Process",
 * "Mental Capacity Act", "Parents under Pressure". Learned from the library's own text, so a trainer's
 * new document brings its names with it; an acronym no name in the library spells (an Act the library
 * never mentions) is left as it is, and a question about it can still be declined. Immutable,
 * thread-safe; one per library generation, built with {@link Spelling}.
 */
final class Initialisms {

  /** Acronyms this short are too ambiguous to read as a name ("CP" is also "Court of Protection"). */
  static final int MIN_LETTERS = 3;
  /** Longer names are headings or titles, not the names acronyms stand for. */
  static final int MAX_WORDS = 5;
  /** Small words a name may hold ("Police Powers of Protection"); an acronym may skip their letters or not. */
  static final Set<String> JOINING = Set.of("of", "and", "for", "under", "in", "the", "to", "on", "at", "with");

  /**
   * Capitalised words, with at most one joining word between two of them (no joining word starts
   * another, so their order in the alternation does not matter).
   */
  private static final Pattern NAME = Pattern.compile("\\b\\p{Lu}[\\p{Ll}]+(?:[ -](?:(?:"
      + String.join("|", JOINING) + ") )?\\p{Lu}[\\p{Ll}]+)+");
  /** An acronym as typed: three to six letters, upper case, or mixed with at least two capitals ("PuP", "SoS"). */
  private static final Pattern ACRONYM = Pattern.compile("(?=(?:\\p{Ll}*\\p{Lu}){2})\\p{L}{3,6}");

  private final Map<String, String> names;

  private Initialisms(Map<String, String> names) {
    this.names = names;
  }

  /**
   * From the names in {@code texts} (a library's passages and headings, each on its own so a name never
   * runs from one into the next): each set of initials reads as the name that has it most often.
   */
  static Initialisms of(List<String> texts) {
    Map<String, Map<String, Integer>> counts = new HashMap<>(); // initials -> name -> how often
    for (String text : texts) {
      Matcher m = NAME.matcher(text);
      while (m.find()) {
        // Every run of capitalised words inside it: "The Dispute Resolution Process" holds "Dispute Resolution Process".
        String[] words = m.group().split("[ -]");
        for (int from = 0; from < words.length; from++) {
          for (int to = from + 1; to < words.length && to - from < 2 * MAX_WORDS; to++) {
            if (!JOINING.contains(words[from]) && !JOINING.contains(words[to])) {
              count(counts, String.join(" ", List.of(words).subList(from, to + 1)));
            }
          }
        }
      }
    }
    Map<String, String> names = new HashMap<>();
    counts.forEach((initials, byName) -> names.put(initials, byName.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .findFirst().orElseThrow().getKey()));
    return new Initialisms(Map.copyOf(names));
  }

  private static void count(Map<String, Map<String, Integer>> counts, String name) {
    if (name.split(" ").length - joining(name) > MAX_WORDS) {
      return;
    }
    String all = initials(name, true);
    String skipping = initials(name, false);
    for (String initials : all.equals(skipping) ? List.of(all) : List.of(all, skipping)) {
      if (initials.length() >= MIN_LETTERS) {
        counts.computeIfAbsent(initials, k -> new HashMap<>()).merge(name, 1, Integer::sum);
      }
    }
  }

  /** The name {@code word} abbreviates, if it looks like an acronym and the library has such a name. */
  Optional<String> name(String word) {
    if (!ACRONYM.matcher(word).matches()) {
      return Optional.empty();
    }
    return Optional.ofNullable(names.get(word.toLowerCase(Locale.ROOT)));
  }

  /** The name's initials, lower case: with or without its joining words' letters. */
  static String initials(String name, boolean withJoining) {
    StringBuilder b = new StringBuilder();
    for (String w : name.split(" ")) {
      if (withJoining || !JOINING.contains(w)) {
        b.append(Character.toLowerCase(w.charAt(0)));
      }
    }
    return b.toString();
  }

  private static int joining(String name) {
    int n = 0;
    for (String w : name.split(" ")) {
      n += JOINING.contains(w) ? 1 : 0;
    }
    return n;
  }
}
