package uk.safeguarding.guidance.search;

import java.util.Objects;

/**
 * One search: the practitioner's words, a page of results, and filters; whether facet counts are
 * wanted, whether results are passages or documents (each by its best passage), and whether hits carry
 * a highlighted snippet (only what is shown needs one). Validated on construction.
 */
public record SearchRequest(String query, int limit, int offset, Filters filters, boolean facets, Group group,
    boolean snippets) {

  public static final int MAX_LIMIT = 100;
  public static final int MAX_OFFSET = 1000;
  public static final int MAX_QUERY_CHARS = 500;

  /** What one result is: a passage, or a document represented by its best passage. */
  public enum Group {
    PASSAGE, DOCUMENT
  }

  /** {@code text} cut to the longest query a search takes: where the API would refuse more. */
  public static String clip(String text) {
    return text.length() > MAX_QUERY_CHARS ? text.substring(0, MAX_QUERY_CHARS) : text;
  }

  public SearchRequest {
    Objects.requireNonNull(query, "query");
    if (query.isBlank()) {
      throw new IllegalArgumentException("The parameter 'q' must not be empty.");
    }
    if (query.length() > MAX_QUERY_CHARS) {
      throw new IllegalArgumentException("The parameter 'q' must be at most " + MAX_QUERY_CHARS + " characters.");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("The parameter 'limit' must be between 1 and " + MAX_LIMIT + ".");
    }
    if (offset < 0 || offset > MAX_OFFSET) {
      throw new IllegalArgumentException("The parameter 'offset' must be between 0 and " + MAX_OFFSET + ".");
    }
    filters = filters == null ? Filters.NONE : filters;
    group = group == null ? Group.PASSAGE : group;
  }

  /** With snippets, as the search API and the page show hits. */
  public SearchRequest(String query, int limit, int offset, Filters filters, boolean facets, Group group) {
    this(query, limit, offset, filters, facets, group, true);
  }

  /** Passages, with facet counts. */
  public SearchRequest(String query, int limit, int offset, Filters filters) {
    this(query, limit, offset, filters, true, Group.PASSAGE);
  }

  /** Passages without facet counts or snippets, for callers that read only the hits (answers, evaluation). */
  public static SearchRequest hitsOnly(String query, int limit, Filters filters) {
    return new SearchRequest(query, limit, 0, filters, false, Group.PASSAGE, false);
  }

  public static SearchRequest of(String query, int limit) {
    return new SearchRequest(query, limit, 0, Filters.NONE);
  }
}
