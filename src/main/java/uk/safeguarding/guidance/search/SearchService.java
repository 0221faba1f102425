package uk.safeguarding.guidance.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import uk.safeguarding.guidance.corpus.DocumentMetadata;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.index.Fields;
import uk.safeguarding.guidance.index.Library;
import uk.safeguarding.guidance.index.LibraryHolder;

/**
 * Ranks passages for a query over the current library. Thread-safe: each call leases the library
 * it runs on, so a reindex can swap libraries underneath without locking.
 */
public final class SearchService {

  /** Score, then passage id: deterministic order for equal scores. */
  private static final Sort ORDER = new Sort(SortField.FIELD_SCORE, new SortField(Fields.ID, SortField.Type.STRING));
  static final int SNIPPET_CHARS = 240;

  private final LibraryHolder holder;

  public SearchService(LibraryHolder holder) {
    this.holder = holder;
  }

  public SearchResults search(SearchRequest request) {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      return search(lease.library(), request);
    }
  }

  /** Searches one given library (used by evaluation on a temporary index). */
  public static SearchResults search(Library library, SearchRequest request) {
    Query query = QueryFactory.build(request.query(), library.analysis().query(), request.filters());
    if (query == null) {
      return new SearchResults(request.query(), 0, List.of(), facets(library, new BitSet()));
    }
    try {
      IndexSearcher searcher = library.searcher();
      BitSet matching = matching(searcher, query);
      TopFieldDocs top = searcher.search(query, request.offset() + request.limit(), ORDER, true);
      Set<String> terms = Snippets.terms(query);
      List<SearchHit> hits = new ArrayList<>();
      ScoreDoc[] docs = top.scoreDocs;
      for (int i = request.offset(); i < docs.length; i++) {
        Passage passage = library.passageAt(docs[i].doc);
        DocumentMetadata meta = library.documents().get(passage.docId()).metadata();
        String snippet = Snippets.snippet(passage.text(),
            Snippets.matches(passage.text(), terms, library.analysis().index()), SNIPPET_CHARS);
        hits.add(new SearchHit(passage, meta, docs[i].score, snippet));
      }
      return new SearchResults(request.query(), matching.cardinality(), hits, facets(library, matching));
    } catch (IOException e) {
      throw new UncheckedIOException("Search failed for '" + request.query() + "'", e);
    }
  }

  /** The query's analysed terms, for highlighting text outside a search result. */
  public Set<String> queryTerms(String text) {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      Query query = QueryFactory.build(text, lease.library().analysis().query(), Filters.NONE);
      return query == null ? Set.of() : Snippets.terms(query);
    }
  }

  private static BitSet matching(IndexSearcher searcher, Query query) throws IOException {
    BitSet bits = new BitSet();
    searcher.search(query, new SimpleCollector() {
      private int base;

      @Override
      protected void doSetNextReader(LeafReaderContext context) {
        base = context.docBase;
      }

      @Override
      public void collect(int doc) {
        bits.set(base + doc);
      }

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
      }
    });
    return bits;
  }

  private static Map<String, Map<String, Integer>> facets(Library library, BitSet matching) {
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    for (String facet : List.of("documentType", "organisation", "theme", "year")) {
      counts.put(facet, new TreeMap<>());
    }
    for (int doc = matching.nextSetBit(0); doc >= 0; doc = matching.nextSetBit(doc + 1)) {
      DocumentMetadata meta = library.documents().get(library.passageAt(doc).docId()).metadata();
      increment(counts.get("documentType"), meta.documentType());
      increment(counts.get("organisation"), meta.organisation());
      meta.themes().forEach(t -> increment(counts.get("theme"), t));
      increment(counts.get("year"), meta.year());
    }
    Map<String, Map<String, Integer>> sorted = new LinkedHashMap<>();
    counts.forEach((facet, values) -> {
      Map<String, Integer> byCount = new LinkedHashMap<>();
      values.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
          .forEach(e -> byCount.put(e.getKey(), e.getValue()));
      sorted.put(facet, byCount);
    });
    return sorted;
  }

  private static void increment(Map<String, Integer> counts, String value) {
    if (!value.isEmpty()) {
      counts.merge(value, 1, Integer::sum);
    }
  }
}
