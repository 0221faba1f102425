package uk.safeguarding.guidance.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.Optional;
import java.util.Set;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.embed.Embedder;
import uk.safeguarding.guidance.index.Library;
import uk.safeguarding.guidance.index.LibraryHolder;
import uk.safeguarding.guidance.privacy.PersonalData;
import uk.safeguarding.guidance.search.Filters;
import uk.safeguarding.guidance.search.QueryTerms;
import uk.safeguarding.guidance.search.SearchHit;
import uk.safeguarding.guidance.search.SearchRequest;
import uk.safeguarding.guidance.search.SearchService;

/**
 * The answer step's search: the question (with an earlier turn's words when it leans on one) searched
 * once, the top {@link PassageRanker#DEPTH} reranked by the learned models, and the top
 * {@link #SEARCHED} scored for the decisions that follow. Also how the learned models see their
 * labelled examples ({@link LearnedModels.Examiner}), so examples and questions are searched alike.
 * Thread-safe.
 */
final class AnswerSearch implements LearnedModels.Examiner {

  /** How many passages the answer step weighs and quotes from. */
  static final int SEARCHED = 8;
  /** Up to this many passages (about 20,000 sentences, a few minutes once), every sentence is embedded ahead. */
  static final int WARM_PASSAGES = 2_000;

  /**
   * What one search found for {@code searched} (with {@code context}, an earlier turn's words, or null):
   * the scored top passages, the learned decisions' view of them (null without models), how likely
   * the question is answerable from them and how close it comes to a labelled question (both NaN without
   * models; {@link Answerability#judge}).
   */
  record Found(String searched, String context, List<Scored> scored, Evidence evidence, double answerable,
      double closestExample) {

    /** What was searched, the earlier turn's words included: what a later follow-up leans on. */
    String query() {
      return SearchService.embeddedText(searched, context);
    }

    /** The share of the question's own words the best passage carries (0 when nothing was found). */
    double topCoverage() {
      return scored.isEmpty() ? 0 : scored.get(0).coverage();
    }
  }

  private final SearchService search;
  private final LibraryHolder holder;
  private final Embedder embedder;
  private final PassageFacts facts;

  /** {@code embedder}: the one {@code search} uses, or null without dense retrieval (no learned decisions). */
  AnswerSearch(SearchService search, LibraryHolder holder, Embedder embedder) {
    this.search = search;
    this.holder = holder;
    this.embedder = embedder;
    this.facts = new PassageFacts(embedder, search::termsOf, this::indexedVector);
  }

  /**
   * Searches {@code searched} (with {@code context}'s words adding weight when given) and scores the
   * top; with {@code models}, reranked first and judged.
   */
  Found find(String searched, QueryTerms terms, String context, Filters filters, LearnedModels.Trained models) {
    List<SearchHit> hits =
        search.search(SearchRequest.hitsOnly(searched, models == null ? SEARCHED : depth(), filters), context)
            .hits();
    if (models == null || hits.isEmpty()) {
      return new Found(searched, context, score(PassageRanker.Ranking.unranked(hits), terms), null, Double.NaN,
          Double.NaN);
    }
    float[] vector = embedder.embedQuery(SearchService.embeddedText(searched, context)); // cached by the search
    List<Scored> scored = score(models.rank(Candidates.of(terms, vector, hits, facts)), terms);
    Evidence evidence = Evidence.of(terms, scored, vector, facts);
    Answerability.Judgement judged = models.answerability().judge(evidence.answerability());
    return new Found(searched, context, scored, evidence, judged.score(), judged.closestExample());
  }

  /**
   * What the reranker reads of {@code hits} found for {@code query} alone; empty when the library is too
   * large for its sentences to be embedded ahead (then only an answer's few passages are reranked).
   */
  Optional<Candidates> candidates(String query, List<SearchHit> hits) {
    if (embedder == null || !sentencesAhead()) {
      return Optional.empty();
    }
    return Optional.of(Candidates.of(search.queryTerms(query), embedder.embedQuery(query), hits, facts));
  }

  @Override
  public String shown(String text) {
    return search.correctSpelling(PersonalData.forSearch(text, search::libraryUses).searched());
  }

  @Override
  public List<Candidates> gather(List<String> questions) {
    List<String> searched =
        questions.stream().map(PersonalData::mask)
            .map(q -> SearchRequest.clip(search.correctSpelling(SearchRequest.clip(q)))).toList();
    embedder.embedQueries(searched); // fixed texts: their vectors are kept on disk, so a restart costs no model run
    // A library's quotable sentences embedded now (once: kept on disk), so no question waits for them;
    // past WARM_PASSAGES that would take minutes, and each answer embeds its passages' sentences instead.
    try (LibraryHolder.Lease lease = holder.acquire()) {
      if (sentencesAhead(lease.library())) {
        embedder.embedPassages(lease.library().allPassages().stream()
            .flatMap(p -> Sentences.quotable(p.text()).stream()).map(Sentences.Unit::text).distinct().toList());
      }
    }
    int depth = depth();
    // Each question searched on its own, as many at once as the engine is worth (the examples number
    // thousands; the order is kept): every core in process, more where searches wait on the network.
    ForkJoinPool pool = new ForkJoinPool(Math.max(1, search.searchesAtOnce()));
    try {
      return pool.submit(() -> searched.parallelStream().map(q -> {
        QueryTerms terms = search.queryTerms(q);
        List<SearchHit> hits = search.search(SearchRequest.hitsOnly(q, depth, Filters.NONE)).hits();
        return Candidates.of(terms, embedder.embedQuery(q), hits, facts);
      }).toList()).join();
    } finally {
      pool.shutdown();
    }
  }

  /** The passage's quotable sentences with their analysed terms, read once and remembered. */
  List<SentenceFeatures.Quotable> quotable(Passage p) {
    return facts.quotable(p);
  }

  /** The sentence scorer's rows for {@code e}, each passage's sentences read once and remembered. */
  @Override
  public List<SentenceFeatures.Row> rows(Evidence e) {
    return SentenceFeatures.read(e, facts::quotable);
  }

  @Override
  public String describe() {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      return lease.library().hash() + "|" + lease.library().similarity() + "|" + search.rankedBy();
    }
  }

  @Override
  public Evidence evidence(Candidates found, PassageRanker.Ranking ranked) {
    return Evidence.of(found.terms(), score(ranked, found.terms()), found.question(), facts);
  }

  /** A passage's vector in the library being served (null without vectors, or once the passage is gone). */
  private float[] indexedVector(String passageId) {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      return lease.library().vector(passageId);
    }
  }

  /** The top {@link #SEARCHED} hits, each with its rank and the share of the question's words its text and headings carry. */
  private List<Scored> score(PassageRanker.Ranking ranked, QueryTerms terms) {
    List<Scored> scored = new ArrayList<>();
    for (int i = 0; i < Math.min(SEARCHED, ranked.hits().size()); i++) {
      SearchHit h = ranked.hits().get(i);
      Set<String> passageTerms = facts.terms(h.passage());
      scored.add(new Scored(h, i, terms.coverage(passageTerms), passageTerms, ranked.chances()[i]));
    }
    return scored;
  }

  /** How many passages the reranker looks at: every one of them has its sentences compared with the question. */
  private int depth() {
    // Past WARM_PASSAGES the sentences are embedded as answers need them: rerank only what is quoted from.
    return sentencesAhead() ? PassageRanker.DEPTH : SEARCHED;
  }

  /** Whether the current library is small enough for every sentence to be embedded ahead. */
  private boolean sentencesAhead() {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      return sentencesAhead(lease.library());
    }
  }

  private static boolean sentencesAhead(Library library) {
    return library.passageCount() <= WARM_PASSAGES;
  }
}
