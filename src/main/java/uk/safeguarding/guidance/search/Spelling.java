package uk.safeguarding.guidance.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.index.Analysis;
import uk.safeguarding.guidance.index.Library;
import uk.safeguarding.guidance.privacy.EnglishWords;

/**
 * Puts right the slips practitioners make typing fast on a phone ("reveiw", "asessment",
 * "exploitaton"): a word that is neither in the library nor an English word becomes the library's
 * most frequent word within one edit (two for long words; a swap of neighbouring letters is one).
 * Real words the library never uses ("jabs", "passport"), acronyms ("PLO") and short words are left
 * alone: they say what the question is about, and a question about something the library does not
 * cover must still be declined; but an acronym whose name the library writes out is read as that
 * name ({@link Initialisms}). Immutable, thread-safe; one per library generation.
 */
final class Spelling {

  /** Words shorter than this are too ambiguous to correct ("wat", "shud" are stop words anyway). */
  static final int MIN_LENGTH = 4;
  /** From this length a word may be two edits from its correction; shorter ones one edit. */
  static final int TWO_EDITS_FROM = 8;

  private static final Pattern WORD = Pattern.compile("\\p{L}+");

  private final Map<String, Integer> vocabulary;
  private final Initialisms initialisms;
  private final String hash;

  private Spelling(Map<String, Integer> vocabulary, Initialisms initialisms, String hash) {
    this.vocabulary = vocabulary;
    this.initialisms = initialisms;
    this.hash = hash;
  }

  static Spelling of(Library library) {
    // Each passage's text and its headings, read once for the words and for the names acronyms stand for.
    List<String> texts = new ArrayList<>();
    for (Passage p : library.allPassages()) {
      texts.add(p.text());
      texts.add(String.join(" \n ", p.headingPath()));
    }
    Map<String, Integer> counts = new HashMap<>();
    for (String text : texts) {
      Matcher m = WORD.matcher(text);
      while (m.find()) {
        counts.merge(m.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
      }
    }
    return new Spelling(Map.copyOf(counts), Initialisms.of(texts), library.hash());
  }

  String hash() {
    return hash;
  }

  /** {@code text} with its misspelt words corrected; unchanged when there is nothing to correct. */
  String correct(String text) {
    Matcher m = WORD.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String word = m.group();
      String lower = word.toLowerCase(Locale.ROOT);
      Optional<String> name = vocabulary.containsKey(lower) ? Optional.empty() : initialisms.name(word);
      if (name.isPresent()) { // an acronym the library writes out ("DRP": "Dispute Resolution Process")
        m.appendReplacement(out, Matcher.quoteReplacement(name.get()));
        continue;
      }
      boolean leaveAlone = word.length() < MIN_LENGTH || word.equals(word.toUpperCase(Locale.ROOT))
          || vocabulary.containsKey(lower) || Analysis.STOP_WORDS.contains(lower) || EnglishWords.contains(lower);
      String replacement = leaveAlone ? word : best(lower);
      m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? word : replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * Whether every part of {@code word} ("Covid-related": "covid", "related") is a word of the library,
   * or, written in lower case, a slip of one ("criminl"; a capitalised word the library lacks may be a
   * person's name, and a name must not pass for a slip of some other word).
   */
  boolean knows(String word) {
    boolean lowerCase = word.equals(word.toLowerCase(Locale.ROOT));
    Matcher m = WORD.matcher(word);
    boolean any = false;
    while (m.find()) {
      String lower = m.group().toLowerCase(Locale.ROOT);
      boolean slip = lowerCase && lower.length() >= MIN_LENGTH && !EnglishWords.contains(lower) && best(lower) != null;
      if (!vocabulary.containsKey(lower) && !slip) {
        return false;
      }
      any = true;
    }
    return any;
  }

  private String best(String word) {
    int allowed = word.length() >= TWO_EDITS_FROM ? 2 : 1;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int bestCount = 0;
    for (Map.Entry<String, Integer> e : vocabulary.entrySet()) {
      String candidate = e.getKey();
      if (Math.abs(candidate.length() - word.length()) > allowed || candidate.length() < MIN_LENGTH) {
        continue;
      }
      int d = distance(word, candidate, allowed);
      if (d <= allowed && (d < bestDistance || d == bestDistance && (e.getValue() > bestCount
          || e.getValue() == bestCount && candidate.compareTo(best) < 0))) {
        best = candidate;
        bestDistance = d;
        bestCount = e.getValue();
      }
    }
    return best;
  }

  /** Optimal string alignment distance (Damerau-Levenshtein without repeated edits), stopping past {@code limit}. */
  static int distance(String a, String b, int limit) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int rowMin = Integer.MAX_VALUE;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
    }
    return d[a.length()][b.length()];
  }
}
