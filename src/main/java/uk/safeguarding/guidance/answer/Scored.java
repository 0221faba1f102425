package uk.safeguarding.guidance.answer;

import java.util.Set;
import uk.safeguarding.guidance.search.SearchHit;

/**
 * A search hit with its rank, the share of the question's words its text and headings contain, and
 * those analysed terms (for the answer-or-decline features).
 */
record Scored(SearchHit hit, int rank, double coverage, Set<String> terms) {

  Scored {
    terms = Set.copyOf(terms);
  }

  Scored(SearchHit hit, int rank, double coverage) {
    this(hit, rank, coverage, Set.of());
  }
}
