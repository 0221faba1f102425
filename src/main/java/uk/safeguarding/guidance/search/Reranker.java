package uk.safeguarding.guidance.search;

import java.util.List;

/**
 * Reorders the top of a search's ranking before its page is cut: the answer step's passage reranker
 * serving the search API, without the search depending on the answer step.
 */
public interface Reranker {

  /** How many of the top passages it reorders; a page reaching deeper keeps the search's own order. */
  int depth();

  /**
   * The order of {@code hits} (the search's top, best first, without snippets) for {@code query}: each
   * index once, most likely to answer first; or null to keep the search's order.
   */
  int[] order(String query, List<SearchHit> hits);
}
