package uk.safeguarding.guidance.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import uk.safeguarding.guidance.search.QueryTerms;

/**
 * What the answer-or-decline model sees of a question and its top passages: how close the best
 * passage and its best sentence are, how much of the question's wording they carry, and what kind of
 * words the library never uses. An everyday word the library never uses ("fella", "jabs", "skint")
 * is left out of every figure but the embedding's, so it cannot sink a question alone; an unknown
 * acronym, name or number (an Act, a procedure the library never mentions) counts. Stateless.
 */
final class AnswerFeatures {

  /** The figures, in order; {@link #of} returns them in this order. */
  static final List<String> NAMES = List.of("bestCosine", "knownCoverage", "coverage", "rareWords",
      "unknownOther", "unknownAcronym", "unknownName", "bestSentence", "topSentence", "secondSentence");
  /** The features look at this many passages from the top. */
  static final int TOP = Grounding.TOP;
  /** The two rarest words the library knows: whether a top passage carries them. */
  static final int RARE = 2;

  private static final Pattern ACRONYM = Pattern.compile("[A-Z][A-Z0-9]{1,6}s?");
  private static final Pattern NAMED = Pattern.compile("[A-Z][a-z]+(?:[-'][A-Za-z]+)*|\\d{2,}");

  /** What a question word is to the library: known, everyday or text-speak, or naming something it lacks. */
  enum Kind {
    KNOWN, EVERYDAY, ACRONYM, NAME, OTHER
  }

  private AnswerFeatures() {}

  static Kind kind(QueryTerms.Word w) {
    if (w.known()) {
      return Kind.KNOWN;
    }
    if (ACRONYM.matcher(w.word()).matches()) {
      return Kind.ACRONYM;
    }
    if (NAMED.matcher(w.word()).matches()) {
      return Kind.NAME;
    }
    // Lower case: an everyday word ("fella", "skint", "telly") or text-speak ("wen", "3yo"); the dictionary
    // knows too few of them to tell them apart, and on the train split leaving them all out of the figures
    // declined as many out-of-scope questions as leaving out only dictionary words (BENCHMARKS.md §8).
    return Character.isUpperCase(w.word().charAt(0)) ? Kind.OTHER : Kind.EVERYDAY;
  }

  /** The figures named in {@link #NAMES}; {@code sentences} from {@link Evidence#sentenceCosines}. */
  static double[] of(QueryTerms terms, List<Scored> scored, List<double[]> sentences) {
    List<QueryTerms.Word> words = terms.words();
    List<Kind> kinds = words.stream().map(AnswerFeatures::kind).toList();
    List<Scored> top = scored.subList(0, Math.min(TOP, scored.size()));
    List<QueryTerms.Word> known = new ArrayList<>();
    List<QueryTerms.Word> counted = new ArrayList<>(); // every word but everyday ones the library lacks
    for (int i = 0; i < words.size(); i++) {
      if (kinds.get(i) == Kind.KNOWN) {
        known.add(words.get(i));
      }
      if (kinds.get(i) != Kind.EVERYDAY) {
        counted.add(words.get(i));
      }
    }
    List<QueryTerms.Word> rare = known.stream().sorted(Comparator.comparingDouble(QueryTerms.Word::weight).reversed())
        .limit(RARE).toList();
    double n = Math.max(1, words.size());
    double[] best = new double[3];
    double[] sentence = new double[3];
    for (int i = 0; i < top.size(); i++) {
      Scored s = top.get(i);
      best[0] = Math.max(best[0], share(known, s, true));
      best[1] = Math.max(best[1], share(counted, s, true));
      best[2] = Math.max(best[2], share(rare, s, false));
    }
    List<Double> all = new ArrayList<>();
    for (int i = 0; i < Math.min(TOP, sentences.size()); i++) {
      for (double c : sentences.get(i)) {
        all.add(c);
        sentence[0] = Math.max(sentence[0], c);
        sentence[1] = i == 0 ? Math.max(sentence[1], c) : sentence[1];
      }
    }
    all.sort(Comparator.reverseOrder());
    sentence[2] = all.size() > 1 ? all.get(1) : 0;
    double cosine = top.stream().map(s -> s.hit().similarity()).filter(OptionalDouble::isPresent)
        .mapToDouble(OptionalDouble::getAsDouble).max().orElse(0);
    return new double[] {cosine, best[0], best[1], best[2], count(kinds, Kind.OTHER) / n,
        count(kinds, Kind.ACRONYM) > 0 ? 1 : 0, count(kinds, Kind.NAME) > 0 ? 1 : 0, sentence[0], sentence[1],
        sentence[2]};
  }

  /** The (IDF-weighted, or counted) share of {@code words} the passage carries. */
  private static double share(List<QueryTerms.Word> words, Scored s, boolean weighted) {
    double total = 0;
    double found = 0;
    for (QueryTerms.Word w : words) {
      double weight = weighted ? w.weight() : 1;
      total += weight;
      if (w.terms().stream().anyMatch(s.terms()::contains)) {
        found += weight;
      }
    }
    return total == 0 ? 0 : found / total;
  }

  private static long count(List<Kind> kinds, Kind kind) {
    return kinds.stream().filter(k -> k == kind).count();
  }

  static String describe(double[] figures) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < figures.length; i++) {
      b.append(i == 0 ? "" : ", ").append(NAMES.get(i)).append(' ')
          .append(String.format(Locale.ROOT, "%.2f", figures[i]));
    }
    return b.toString();
  }
}
