package uk.safeguarding.guidance.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import uk.safeguarding.guidance.corpus.DocumentMetadata;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.embed.Embedder;
import uk.safeguarding.guidance.embed.Vectors;
import uk.safeguarding.guidance.index.Fields;
import uk.safeguarding.guidance.index.Catalog;
import uk.safeguarding.guidance.index.Library;
import uk.safeguarding.guidance.index.LibraryHolder;

/**
 * Ranks passages for a query over the current library: BM25 alone, or BM25 fused with dense
 * (embedding) retrieval by a weighted sum of normalised scores when the library carries vectors. Thread-safe:
 * each call leases the library it runs on, so a reindex can swap libraries without locking.
 */
public final class SearchService {

  /** Score, then passage id: deterministic order for equal scores. */
  private static final Sort ORDER = new Sort(SortField.FIELD_SCORE, new SortField(Fields.ID, SortField.Type.STRING));
  static final int SNIPPET_CHARS = 240;
  /** How far down each ranking fusion looks. */
  static final int FUSION_DEPTH = 100;
  /**
   * Fusion: each ranking's scores are min-max normalised over its top {@value #FUSION_DEPTH}
   * (the best hit 1, a passage missing from a ranking 0; see {@code fuse} for short rankings) and
   * summed, the dense ones
   * weighted by {@value #DENSE_WEIGHT}. Chosen on the SciFact train split only (nDCG@10), by
   * 5-fold cross-validation over the fusion families: min-max sum 0.769 (train-best w=1.5, 0.770),
   * z-score sum 0.767, weighted reciprocal rank fusion 0.760 (train-best k=5, w=1.75, 0.764);
   * {@code tools/fusion-cv} reproduces these.
   * Rocchio feedback on the query embedding lowered train nDCG@10, so it is not used. BENCHMARKS.md
   * has the whole sweep, including the ideas that did not carry over.
   */
  static final double DENSE_WEIGHT = 1.5;
  /**
   * A dense-only hit must be at least this similar to count as a match and join the fusion
   * (bge-small cosines are compressed: unrelated text still scores about 0.4–0.5).
   */
  public static final float DENSE_MIN_COSINE = 0.62f;
  /** How much an earlier question's words count in a follow-up, against the follow-up's own. */
  static final float CONTEXT_WEIGHT = 0.5f;

  private final LibraryHolder holder;
  private final Embedder queries;

  /** BM25 only, or hybrid when {@code queries} is given and the library has vectors. */
  public SearchService(LibraryHolder holder, Embedder queries) {
    this.holder = holder;
    this.queries = queries;
  }

  public SearchService(LibraryHolder holder) {
    this(holder, null);
  }

  public SearchResults search(SearchRequest request) {
    return search(request, null);
  }

  /** A search whose words may lean on an earlier question: {@code context} adds weight, never hits. */
  public SearchResults search(SearchRequest request, String context) {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      return search(lease.library(), request, context, queries);
    }
  }

  /** Searches one given library (also used by evaluation on a temporary index). */
  public static SearchResults search(Library library, SearchRequest request, String context, Embedder queries) {
    Query query = QueryFactory.build(request.query(), library.analysis(), request.filters());
    if (query == null) {
      return new SearchResults(request.query(), 0, List.of(), facets(library, new BitSet()));
    }
    if (context != null && !context.isBlank()) {
      Query contextQuery = QueryFactory.build(context, library.analysis(), Filters.NONE);
      if (contextQuery != null) {
        query = new BooleanQuery.Builder().add(query, Occur.MUST)
            .add(new BoostQuery(contextQuery, CONTEXT_WEIGHT), Occur.SHOULD).build();
      }
    }
    float[] vector = queries != null && library.dense()
        ? queries.embedQuery(context == null ? request.query() : request.query() + " " + context) : null;
    try {
      return run(library, request, query, vector);
    } catch (IOException e) {
      throw new UncheckedIOException("Search failed for '" + request.query() + "'", e);
    }
  }

  private record Ranked(int doc, double score, float cosine) {}

  private static SearchResults run(Library library, SearchRequest request, Query query, float[] vector)
      throws IOException {
    IndexSearcher searcher = library.searcher();
    BitSet matching = matching(searcher, query);
    int depth = Math.max(FUSION_DEPTH, request.offset() + request.limit());
    TopDocs lexical = searcher.search(query, depth, ORDER, true);
    List<Ranked> ranked = new ArrayList<>();
    if (vector == null) {
      for (ScoreDoc d : lexical.scoreDocs) {
        ranked.add(new Ranked(d.doc, d.score, Float.NaN));
      }
    } else {
      int wordMatches = matching.cardinality(); // before the dense neighbours join
      ranked = fuse(library, lexical, wordMatches, dense(library, request, vector, depth, matching), vector);
    }
    Set<String> terms = Snippets.terms(query);
    List<SearchHit> hits = new ArrayList<>();
    for (int i = request.offset(); i < Math.min(ranked.size(), request.offset() + request.limit()); i++) {
      Ranked r = ranked.get(i);
      Passage passage = library.passageAt(r.doc());
      DocumentMetadata meta = library.documents().get(passage.docId()).metadata();
      String snippet = Snippets.snippet(passage.text(),
          Snippets.matches(passage.text(), terms, library.analysis().index()), SNIPPET_CHARS);
      hits.add(new SearchHit(passage, meta, (float) r.score(), snippet, r.cosine()));
    }
    return new SearchResults(request.query(), matching.cardinality(), hits, facets(library, matching));
  }

  /**
   * Nearest passages by embedding, within the filters, best first; those similar enough to count
   * as matches (see {@link #DENSE_MIN_COSINE}) join {@code matching}.
   */
  private static TopDocs dense(Library library, SearchRequest request, float[] vector, int depth, BitSet matching)
      throws IOException {
    Query filter = QueryFactory.filterOnly(request.filters());
    TopDocs knn = library.searcher().search(new KnnFloatVectorQuery(Fields.VECTOR, vector, depth, filter), depth);
    for (ScoreDoc d : knn.scoreDocs) {
      if (similarEnough(d)) {
        matching.set(d.doc);
      }
    }
    return knn;
  }

  private static boolean similarEnough(ScoreDoc knnHit) {
    return 2 * knnHit.score - 1 >= DENSE_MIN_COSINE; // DOT_PRODUCT scores are (1 + cosine) / 2
  }

  /**
   * Sum of min-max normalised lexical and (weighted) dense scores; only neighbours similar enough
   * join. Each range is fixed by the top {@value #FUSION_DEPTH} whatever page is asked for, so pages
   * agree with each other. Ties broken by passage id.
   */
  private static List<Ranked> fuse(Library library, TopDocs lexical, int wordMatches, TopDocs knn, float[] vector) {
    Map<Integer, Double> fused = new HashMap<>();
    // A lexical ranking holding every match is scaled from 0 (what a passage without the words
    // scores), so its last match keeps credit; a longer one from its score at FUSION_DEPTH.
    ScoreDoc[] words = lexical.scoreDocs;
    float wordsFloor = wordMatches <= FUSION_DEPTH ? 0f : words[FUSION_DEPTH - 1].score;
    addNormalised(fused, words, wordsFloor, 1.0, d -> true);
    // Likewise the neighbours: from the 100th when there are that many, else (a small or filtered
    // library, every passage listed) from the similarity a match needs.
    ScoreDoc[] near = knn.scoreDocs;
    float nearFloor = near.length >= FUSION_DEPTH ? near[FUSION_DEPTH - 1].score : (1 + DENSE_MIN_COSINE) / 2;
    addNormalised(fused, near, nearFloor, DENSE_WEIGHT, SearchService::similarEnough);
    List<Ranked> out = new ArrayList<>();
    fused.forEach((doc, score) -> out.add(new Ranked(doc, score, cosine(library, doc, vector))));
    out.sort(Comparator.comparingDouble(Ranked::score).reversed()
        .thenComparing(r -> library.passageAt(r.doc()).id()));
    return out;
  }

  /** Adds {@code weight} × (score − floor) / (best − floor) for each kept hit (1 when all tie). */
  private static void addNormalised(Map<Integer, Double> fused, ScoreDoc[] ranking, float floor, double weight,
      Predicate<ScoreDoc> keep) {
    if (ranking.length == 0) {
      return;
    }
    float best = ranking[0].score;
    for (ScoreDoc d : ranking) {
      if (keep.test(d)) {
        // Below the floor (past the top FUSION_DEPTH) counts as absent, so deeper pages move nothing.
        double norm = best > floor ? Math.max(0, (d.score - floor) / (double) (best - floor)) : 1.0;
        fused.merge(d.doc, weight * norm, Double::sum);
      }
    }
  }

  private static float cosine(Library library, int doc, float[] vector) {
    float[] v = library.vector(library.passageAt(doc).id());
    return v == null ? Float.NaN : Vectors.dot(v, vector);
  }

  /** The question's content words with their analysed terms and IDF weights in the current library. */
  private final java.util.concurrent.atomic.AtomicReference<Spelling> spelling =
      new java.util.concurrent.atomic.AtomicReference<>();

  /**
   * {@code text} with slips of the keyboard put right against the current library's words (see
   * {@link Spelling}); the answer step searches this, the search API the words as given.
   */
  public String correctSpelling(String text) {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      Library library = lease.library();
      Spelling current = spelling.get();
      if (current == null || !current.hash().equals(library.hash())) {
        current = Spelling.of(library);
        spelling.set(current);
      }
      return current.correct(text);
    }
  }

  public QueryTerms queryTerms(String question) {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      Library library = lease.library();
      IndexReader reader = library.searcher().getIndexReader();
      int n = Math.max(1, reader.numDocs());
      double unknownWeight = Math.log(1 + (n + 0.5) / 0.5);
      List<QueryTerms.Word> words = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (String word : question.split("[^\\p{L}\\p{N}'’.-]+")) {
        String w = word.replaceAll("^[.'’-]+|[.'’-]+$", "");
        if (w.isEmpty() || !seen.add(w.toLowerCase(Locale.ROOT))) {
          continue;
        }
        Set<String> terms = analyse(library.analysis().query(), w);
        if (terms.isEmpty()) {
          continue; // a stop word
        }
        double weight = 0;
        boolean known = false;
        for (String t : terms) {
          int df = reader.docFreq(new Term(Fields.BODY, t));
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

  private static Set<String> analyse(Analyzer analyzer, String text) {
    Set<String> out = new HashSet<>();
    try (TokenStream ts = analyzer.tokenStream(Fields.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
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
    // Matches counted per document first (an array increment per passage), then spread over each
    // document's facet values once: the metadata is read per document, not per hit.
    List<Catalog.DocumentFacets> documents = library.catalog().facets();
    int[] perDocument = new int[documents.size()];
    for (int doc = matching.nextSetBit(0); doc >= 0; doc = matching.nextSetBit(doc + 1)) {
      perDocument[library.documentOrdinalAt(doc)]++;
    }
    for (int d = 0; d < perDocument.length; d++) {
      int n = perDocument[d];
      if (n == 0) {
        continue;
      }
      Catalog.DocumentFacets f = documents.get(d);
      add(counts.get("documentType"), f.type(), n);
      add(counts.get("organisation"), f.organisation(), n);
      f.themes().forEach(t -> add(counts.get("theme"), t, n));
      add(counts.get("year"), f.year(), n);
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

  private static void add(Map<String, Integer> counts, String value, int n) {
    if (!value.isEmpty()) {
      counts.merge(value, n, Integer::sum);
    }
  }


}
