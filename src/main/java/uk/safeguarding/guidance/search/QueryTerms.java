package uk.safeguarding.guidance.search;

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
    return words.stream().mapToDouble(Word::weight).sum();
  }

  /** The weighted share of the question's words found among {@code textTerms}, from 0 to 1. */
  public double coverage(Set<String> textTerms) {
    double total = totalWeight();
    if (total == 0) {
      return 0;
    }
    double found = words.stream().filter(w -> w.terms().stream().anyMatch(textTerms::contains))
        .mapToDouble(Word::weight).sum();
    return found / total;
  }

  /** Every analysed term, for highlighting. */
  public Set<String> allTerms() {
    return words.stream().flatMap(w -> w.terms().stream()).collect(java.util.stream.Collectors.toSet());
  }
}
