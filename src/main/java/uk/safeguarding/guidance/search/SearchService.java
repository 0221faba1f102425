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
    return run(library, request, query);
  }

  private static SearchResults run(Library library, SearchRequest request, Query query) {
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

  /** A search whose words lean on an earlier question: {@code context} adds weight, never hits. */
  public SearchResults search(SearchRequest request, String context) {
    if (context == null || context.isBlank()) {
      return search(request);
    }
    try (LibraryHolder.Lease lease = holder.acquire()) {
      Library library = lease.library();
      Query query = QueryFactory.build(request.query(), library.analysis().query(), request.filters());
      Query contextQuery = QueryFactory.build(context, library.analysis().query(), Filters.NONE);
      if (query == null || contextQuery == null) {
        return search(library, request);
      }
      Query combined = new org.apache.lucene.search.BooleanQuery.Builder()
          .add(query, org.apache.lucene.search.BooleanClause.Occur.MUST)
          .add(new org.apache.lucene.search.BoostQuery(contextQuery, CONTEXT_WEIGHT),
              org.apache.lucene.search.BooleanClause.Occur.SHOULD)
          .build();
      return run(library, request, combined);
    }
  }

  /** How much an earlier question's words count in a follow-up, against the follow-up's own. */
  static final float CONTEXT_WEIGHT = 0.5f;

  /** The question's content words with their analysed terms and IDF weights in the current library. */
  public QueryTerms queryTerms(String question) {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      Library library = lease.library();
      var reader = library.searcher().getIndexReader();
      int n = Math.max(1, reader.numDocs());
      double unknownWeight = Math.log(1 + (n + 0.5) / 0.5);
      List<QueryTerms.Word> words = new ArrayList<>();
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (String word : question.split("[^\\p{L}\\p{N}'’.-]+")) {
        String w = word.replaceAll("^[.'’-]+|[.'’-]+$", "");
        if (w.isEmpty() || !seen.add(w.toLowerCase(java.util.Locale.ROOT))) {
          continue;
        }
        Set<String> terms = analyse(library.analysis().query(), w);
        if (terms.isEmpty()) {
          continue; // a stop word
        }
        double weight = 0;
        boolean known = false;
        for (String t : terms) {
          int df = reader.docFreq(new org.apache.lucene.index.Term(Fields.BODY, t));
          if (df > 0) {
            known = true;
            weight = Math.max(weight, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
          }
        }
        words.add(new QueryTerms.Word(w, terms, known ? weight : unknownWeight, known));
      }
      return new QueryTerms(words);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot weigh the words of '" + question + "'", e);
    }
  }

  /** The whole text, HTML-escaped, with words whose analysed form is in {@code terms} marked. */
  public String highlight(String text, Set<String> terms) {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      return Snippets.snippet(text, Snippets.matches(text, terms, lease.library().analysis().index()), Integer.MAX_VALUE);
    }
  }

  /** The analysed terms of a text as the index sees them (stemmed, no synonyms). */
  public Set<String> termsOf(String text) {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      return analyse(lease.library().analysis().index(), text);
    }
  }

  private static Set<String> analyse(org.apache.lucene.analysis.Analyzer analyzer, String text) {
    Set<String> out = new java.util.HashSet<>();
    try (var ts = analyzer.tokenStream(Fields.BODY, text)) {
      var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot analyse '" + text + "'", e);
    }
    return out;
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
