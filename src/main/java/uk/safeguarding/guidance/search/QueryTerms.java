package uk.safeguarding.guidance.search;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The content words of a question, each with the analysed terms that stand for it (its stem and
 * its synonyms' stems) and an IDF weight: how much finding it in a passage says about relevance.
 * A word the library never uses weighs the most, so a question about something the library does
 * not cover cannot look covered.
 */
public record QueryTerms(List<Word> words) {

  public QueryTerms {
    words = List.copyOf(words);
  }

  /** One content word of the question. */
  public record Word(String word, Set<String> terms, double weight, boolean known) {}

  public double totalWeight() {
    double[] weights = new double[words.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = words.get(i).weight();
    }
    return sum(weights, weights.length);
  }

  /**
   * The weighted share of the question's words found among {@code textTerms}, from 0 to 1. Read for
   * every candidate passage and sentence of every search, so plain loops, not nested streams.
   */
  public double coverage(Set<String> textTerms) {
    double total = totalWeight();
    if (total == 0) {
      return 0;
    }
    double[] found = new double[words.size()];
    int n = 0;
    for (Word w : words) {
      if (foundIn(w, textTerms)) {
        found[n++] = w.weight();
      }
    }
    return sum(found, n) / total;
  }

  private static boolean foundIn(Word w, Set<String> textTerms) {
    for (String t : w.terms()) {
      if (textTerms.contains(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first {@code n} values summed as a {@code DoubleStream} sums them (compensated, in order), so
   * every figure read from a coverage keeps its bits from when it was summed by streams.
   */
  private static double sum(double[] values, int n) {
    return Arrays.stream(values, 0, n).sum();
  }

  /** Every analysed term, for highlighting. */
  public Set<String> allTerms() {
    return words.stream().flatMap(w -> w.terms().stream()).collect(java.util.stream.Collectors.toSet());
  }
}
