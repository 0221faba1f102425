package uk.safeguarding.guidance.answer;

import java.util.Set;
import uk.safeguarding.guidance.search.SearchHit;

/**
 * A search hit with its rank, the share of the question's words its text and headings contain, those
 * analysed terms (for the answer-or-decline features), and the chance the passage reranker gives that it
 * answers ({@link PassageRanker}; NaN without one).
 */
record Scored(SearchHit hit, int rank, double coverage, Set<String> terms, double chance) {

  Scored {
    terms = Set.copyOf(terms);
  }

  Scored(SearchHit hit, int rank, double coverage, Set<String> terms) {
    this(hit, rank, coverage, terms, Double.NaN);
  }

  Scored(SearchHit hit, int rank, double coverage) {
    this(hit, rank, coverage, Set.of());
  }
}
