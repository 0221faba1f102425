package uk.safeguarding.guidance.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page of hits, the total number of matching passages, and per-facet counts over all of them.
 * Facets: {@code documentType}, {@code organisation}, {@code theme}, {@code year}; null when the
 * request asked for none ({@code facets=none}), so the response leaves them out. With
 * {@code group=document}, {@code total} and the facets count documents.
 */
public record SearchResults(String query, int total, List<SearchHit> hits, Map<String, Map<String, Integer>> facets) {

  public SearchResults {
    hits = List.copyOf(hits);
    // In the order given (Map.copyOf would iterate in an order that changes with every process start).
    facets = facets == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(facets));
  }
}
