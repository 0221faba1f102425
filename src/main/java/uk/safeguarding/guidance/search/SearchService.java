package uk.safeguarding.guidance.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import uk.safeguarding.guidance.corpus.DocumentMetadata;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.embed.Embedder;
import uk.safeguarding.guidance.embed.Vectors;
import uk.safeguarding.guidance.index.Fields;
import uk.safeguarding.guidance.index.Library;
import uk.safeguarding.guidance.index.LibraryHolder;

/**
 * Ranks passages for a query over the current library: BM25 alone, or BM25 fused with dense
 * (embedding) retrieval by a weighted sum of normalised scores when the library carries vectors. Thread-safe:
 * each call leases the library it runs on, so a reindex can swap libraries without locking.
 */
public final class SearchService {

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
      return new SearchResults(request.query(), 0, List.of(),
          request.facets() ? Facets.count(library, new BitSet(), false) : null);
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

  /**
   * With {@code group=document}, how many passages are first collected per document asked for; a
   * document holds several passages, so a page of documents needs a deeper look than a page of passages.
   */
  static final int GROUP_OVERFETCH = 3;
  /** Each further round looks this many times deeper, until the page is full or every match is in. */
  static final int GROUP_DEEPEN = 4;
  /** Rounds at most (the depth grows {@value #GROUP_DEEPEN}× each): bounds the work of one request. */
  static final int GROUP_ROUNDS = 4;

  private static SearchResults run(Library library, SearchRequest request, Query query, float[] vector)
      throws IOException {
    boolean grouped = request.group() == SearchRequest.Group.DOCUMENT;
    int wanted = request.offset() + request.limit();
    // Sized to what was asked: the page, plus the top FUSION_DEPTH of each ranking when fusing.
    int depth = Math.max(vector == null ? 0 : FUSION_DEPTH, grouped ? wanted * GROUP_OVERFETCH : wanted);
    // The set of every match is kept only when something needs more than its size: fusion (dense
    // neighbours join it), facets, or a count of documents; otherwise the collector's count is the total.
    boolean keepMatches = vector != null || request.facets() || grouped;
    for (int round = 1; ; round++) {
      BitSet matching = keepMatches ? new BitSet() : null;
      TopDocs lexical = LexicalPass.run(library.searcher(), query, depth, matching, library.idOrdered());
      List<Ranked> ranked = new ArrayList<>();
      if (vector == null) {
        for (ScoreDoc d : lexical.scoreDocs) {
          ranked.add(new Ranked(d.doc, d.score, Float.NaN));
        }
      } else {
        int wordMatches = matching.cardinality(); // before the dense neighbours join
        ranked = fuse(library, lexical, wordMatches, dense(library, request, vector, depth, matching), vector);
      }
      if (grouped) {
        ranked = bestPerDocument(library, ranked);
        boolean cut = lexical.scoreDocs.length == depth && depth < matching.cardinality();
        if (ranked.size() < wanted && cut && round < GROUP_ROUNDS) {
          depth *= GROUP_DEEPEN;
          continue;
        }
      }
      int total = grouped ? Facets.documents(library, matching)
          : matching != null ? matching.cardinality() : Math.toIntExact(lexical.totalHits.value);
      return new SearchResults(request.query(), total, page(library, request, query, ranked),
          request.facets() ? Facets.count(library, matching, grouped) : null);
    }
  }

  /** The first (best) passage of each document, in ranking order. */
  private static List<Ranked> bestPerDocument(Library library, List<Ranked> ranked) {
    Set<Integer> seen = new HashSet<>();
    List<Ranked> out = new ArrayList<>();
    for (Ranked r : ranked) {
      if (seen.add(library.documentOrdinalAt(r.doc()))) {
        out.add(r);
      }
    }
    return out;
  }

  /** The asked-for page of {@code ranked} as hits with snippets; only these passages are read. */
  private static List<SearchHit> page(Library library, SearchRequest request, Query query, List<Ranked> ranked) {
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
    return hits;
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
}
