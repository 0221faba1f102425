package uk.safeguarding.guidance.search;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import uk.safeguarding.guidance.corpus.DocumentMetadata;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.embed.Embedder;
import uk.safeguarding.guidance.index.Library;
import uk.safeguarding.guidance.index.LibraryHolder;

/**
 * Ranks passages for a query over the current library: BM25 alone, or BM25 fused with dense
 * (embedding) retrieval ({@link Fusion}) when the backend has vectors. The ranking itself runs in a
 * {@link SearchBackend}: the library's own Lucene index by default, or SolrCloud. Thread-safe: each
 * call leases the library it runs on, so a reindex can swap libraries without locking.
 */
public final class SearchService {

  static final int SNIPPET_CHARS = 240;
  /** How much an earlier question's words count in a follow-up, against the follow-up's own. */
  static final float CONTEXT_WEIGHT = 0.5f;
  /**
   * With {@code group=document}, how many passages are first collected per document asked for; a
   * document holds several passages, so a page of documents needs a deeper look than a page of passages.
   */
  static final int GROUP_OVERFETCH = 3;
  /** Each further round looks this many times deeper, until the page is full or every match is in. */
  static final int GROUP_DEEPEN = 4;
  /** Rounds at most (the depth grows {@value #GROUP_DEEPEN}× each): bounds the work of one request. */
  static final int GROUP_ROUNDS = 4;

  private final LibraryHolder holder;
  private final Embedder queries;
  private final SearchBackend backend;
  private final LibraryWords words;

  /** BM25 only, or hybrid when {@code queries} is given and the backend has vectors. */
  public SearchService(LibraryHolder holder, Embedder queries, SearchBackend backend) {
    this.holder = holder;
    this.queries = queries;
    this.backend = backend;
    this.words = new LibraryWords(holder);
  }

  /** Over the library's own Lucene index. */
  public SearchService(LibraryHolder holder, Embedder queries) {
    this(holder, queries, LuceneBackend.INSTANCE);
  }

  public SearchService(LibraryHolder holder) {
    this(holder, null);
  }

  /** What ranks this service's searches, for keys of what depends on the ranking: the backend and the model. */
  public String rankedBy() {
    return backend.getClass().getName() + (queries == null ? "" : "+" + queries.modelId());
  }

  /**
   * Whether searches embed their query, as they do whenever the library has vectors (hybrid: a model run of
   * a few milliseconds each, the costliest step). True from start-up, before any library is built.
   */
  public boolean embedsQueries() {
    return queries != null;
  }

  /** How many searches are worth running at once when thousands are run ({@link SearchBackend#searchesAtOnce}). */
  public int searchesAtOnce() {
    return backend.searchesAtOnce();
  }

  /** The search engine's state, for /health. */
  public SearchBackend.Engine engine() {
    return backend.engine();
  }

  public SearchResults search(SearchRequest request) {
    return search(request, null);
  }

  /** A search whose words may lean on an earlier question: {@code context} adds weight, never hits. */
  public SearchResults search(SearchRequest request, String context) {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      return search(lease.library(), request, context, queries, backend, null);
    }
  }

  /**
   * A search whose top {@link Reranker#depth} passages {@code reranker} reorders before the page is cut
   * (passage pages within that depth, with the embedding model; otherwise the search's own order).
   * Totals and facets are the search's.
   */
  public SearchResults reranked(SearchRequest request, Reranker reranker) {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      return search(lease.library(), request, null, queries, backend, reranker);
    }
  }

  /** Searches one given library over its own index (evaluation on a temporary index). */
  public static SearchResults search(Library library, SearchRequest request, String context, Embedder queries) {
    return search(library, request, context, queries, LuceneBackend.INSTANCE, null);
  }

  private static SearchResults search(Library library, SearchRequest request, String context, Embedder queries,
      SearchBackend backend, Reranker reranker) {
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
    float[] vector = queries != null && backend.dense(library)
        ? queries.embedQuery(embeddedText(request.query(), context))
        : null;
    return run(library, request, query, vector, backend, vector == null ? null : reranker);
  }

  private static SearchResults run(Library library, SearchRequest request, Query query, float[] vector,
      SearchBackend backend, Reranker reranker) {
    boolean grouped = request.group() == SearchRequest.Group.DOCUMENT;
    int wanted = request.offset() + request.limit();
    // Sized to what was asked: the page, plus the top Fusion.DEPTH of each ranking when fusing.
    int depth = Math.max(vector == null ? 0 : Fusion.DEPTH, grouped ? wanted * GROUP_OVERFETCH : wanted);
    for (int round = 1;; round++) {
      SearchBackend.Ranking ranking = backend.rank(library, new SearchBackend.Retrieval(request.query(), query,
          vector, request.filters(), depth, request.facets(), grouped));
      List<SearchBackend.Ranked> ranked = ranking.ranked();
      if (grouped) {
        ranked = bestPerDocument(ranked);
        if (ranked.size() < wanted && ranking.cut() && round < GROUP_ROUNDS) {
          depth *= GROUP_DEEPEN;
          continue;
        }
      } else if (reranker != null && wanted <= reranker.depth()) {
        ranked = reordered(library, request.query(), ranked, reranker);
      }
      return new SearchResults(request.query(), ranking.total(), page(library, request, query, ranked),
          ranking.facets());
    }
  }

  /** {@code ranked} with its top {@link Reranker#depth} in the reranker's order (the rest as they were). */
  private static List<SearchBackend.Ranked> reordered(Library library, String query,
      List<SearchBackend.Ranked> ranked, Reranker reranker) {
    int n = Math.min(ranked.size(), reranker.depth());
    List<SearchHit> top = new ArrayList<>(n);
    for (SearchBackend.Ranked r : ranked.subList(0, n)) {
      top.add(new SearchHit(r.passage(), library.documents().get(r.passage().docId()).metadata(), (float) r.score(),
          "", r.similarity()));
    }
    int[] order = reranker.order(query, top);
    if (order == null) {
      return ranked;
    }
    List<SearchBackend.Ranked> out = new ArrayList<>(ranked.size());
    for (int i : order) {
      out.add(ranked.get(i));
    }
    out.addAll(ranked.subList(n, ranked.size()));
    return out;
  }

  /** The first (best) passage of each document, in ranking order. */
  private static List<SearchBackend.Ranked> bestPerDocument(List<SearchBackend.Ranked> ranked) {
    Set<String> seen = new HashSet<>();
    List<SearchBackend.Ranked> out = new ArrayList<>();
    for (SearchBackend.Ranked r : ranked) {
      if (seen.add(r.passage().docId())) {
        out.add(r);
      }
    }
    return out;
  }

  /** The text a search embeds: the query, with an earlier question's words after it when given. */
  public static String embeddedText(String query, String context) {
    return context == null ? query : query + " " + context;
  }

  /** The asked-for page of {@code ranked} as hits with snippets; only these passages are read. */
  private static List<SearchHit> page(Library library, SearchRequest request, Query query,
      List<SearchBackend.Ranked> ranked) {
    Set<String> terms = Snippets.terms(query);
    List<SearchBackend.Ranked> shown =
        ranked.subList(Math.min(ranked.size(), request.offset()),
            Math.min(ranked.size(), request.offset() + request.limit()));
    // The index's offsets when it has them (one lookup per term for the page), else each passage analysed
    // again; nothing when no snippet is wanted.
    List<List<int[]>> matches = !request.snippets() ? null
        : BodyOffsets.matches(library, shown, terms).orElseGet(() -> shown.stream()
            .map(r -> Snippets.matches(r.passage().text(), terms, library.analysis().index())).toList());
    List<SearchHit> hits = new ArrayList<>();
    for (int i = 0; i < shown.size(); i++) {
      SearchBackend.Ranked r = shown.get(i);
      Passage passage = r.passage();
      DocumentMetadata meta = library.documents().get(passage.docId()).metadata();
      String snippet = matches == null ? "" : Snippets.snippet(passage.text(), matches.get(i), SNIPPET_CHARS);
      hits.add(new SearchHit(passage, meta, (float) r.score(), snippet, r.similarity()));
    }
    return hits;
  }

  /**
   * {@code text} with slips of the keyboard put right against the current library's words (see
   * {@link Spelling}); the answer step searches this, the search API the words as given.
   */
  public String correctSpelling(String text) {
    return words.correctSpelling(text);
  }

  /** Whether the current library itself uses {@code word}, or a lower-case slip of one of its words. */
  public boolean libraryUses(String word) {
    return words.libraryUses(word);
  }

  /** The question's content words with their analysed terms and IDF weights in the current library. */
  public QueryTerms queryTerms(String question) {
    return words.queryTerms(question);
  }

  /** The whole text, HTML-escaped, with words whose analysed form is in {@code terms} marked. */
  public String highlight(String text, Set<String> terms) {
    return words.highlight(text, terms);
  }

  /** The analysed terms of a text as the index sees them (stemmed, no synonyms). */
  public Set<String> termsOf(String text) {
    return words.termsOf(text);
  }
}
