package uk.safeguarding.guidance.answer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import uk.safeguarding.guidance.embed.Embedder;
import uk.safeguarding.guidance.index.LibraryHolder;
import uk.safeguarding.guidance.privacy.PersonalData;
import uk.safeguarding.guidance.screen.ScreenService;
import uk.safeguarding.guidance.screen.Verdict;
import uk.safeguarding.guidance.search.Filters;
import uk.safeguarding.guidance.search.QueryTerms;
import uk.safeguarding.guidance.search.SearchHit;
import uk.safeguarding.guidance.search.SearchRequest;
import uk.safeguarding.guidance.search.SearchService;

/**
 * Answers a practitioner's question from the library, extractively. The flow reads top to bottom:
 * the question is masked and screened for danger ({@link ScreenService}), answered from the glossary
 * when it asks what a term stands for ({@link GlossaryAnswers}), otherwise searched once (with the
 * previous turn when it is a follow-up, {@link FollowUps}), judged answerable or not
 * ({@link Grounding}), turned into quoted points ({@link PointPicker}) and citations
 * ({@link Citations}); the outcome is remembered once. Thread-safe.
 */
public final class AskService {

  /** How many passages are searched for an answer. */
  static final int SEARCHED = 8;
  /** What the library says about safeguarding emergencies, for an urgent question it does not cover as asked. */
  static final String EMERGENCY_QUERY = "safeguarding emergency out of hours urgent contact";
  /** The emergency guidance is quoted only from passages carrying this share of the emergency query's words… */
  static final double EMERGENCY_MIN_COVERAGE = 0.5;
  /** … and from at most this many of them. */
  static final int EMERGENCY_PASSAGES = 2;
  /**
   * The sentence scorer quotes only when it rates some sentence at least this likely to answer; below
   * it (short topical queries such as "fathers and male carers", whose answer shares few words) the
   * hand weights quote, citing more widely. Tried 0, 0.25 and 0.4 on the train split: 0.25 traded 1
   * answered of 277 and 0.012 sentence recall for 0.028 point precision, and keeps dev.jsonl's 15/15.
   */
  static final double UNSURE = 0.25;
  /** Up to this many passages (about 20,000 sentences, a few minutes once), every sentence is embedded ahead. */
  static final int WARM_PASSAGES = 2_000;
  /** "You could also ask" offers topics from the passages after the top few. */
  static final int RELATED = 3;

  private final SearchService search;
  private final LibraryHolder holder;
  private final Conversations conversations;
  private final AnswerLog log;
  private final ScreenService screen;
  private final GlossaryAnswers glossary;
  private final Embedder embedder;
  private final LearnedModels learned;

  /**
   * {@code embedder} is the one {@code search} uses, or null without dense retrieval: then the
   * answer-or-decline decision is the coverage rule ({@link Grounding}) rather than the learned model.
   */
  public AskService(SearchService search, LibraryHolder holder, Conversations conversations, AnswerLog log,
      ScreenService screen, Embedder embedder) {
    this.search = search;
    this.screen = screen;
    this.holder = holder;
    this.conversations = conversations;
    this.log = log;
    this.glossary = new GlossaryAnswers(search, holder);
    this.embedder = embedder;
    this.learned = embedder == null ? null
        : new LearnedModels(holder::currentHash, new Examples(), search::termsOf, AnswerableExamples::bank);
  }

  public Answer ask(AskRequest request) {
    String masked = PersonalData.mask(request.question());
    // Screened and searched masked: the query-embedding cache then never holds a child's name or date
    // of birth, and the screen's embedding is the one the search reuses.
    String question = masked.length() > SearchRequest.MAX_QUERY_CHARS
        ? masked.substring(0, SearchRequest.MAX_QUERY_CHARS)
        : masked;
    Verdict verdict = screen.assess(question);
    boolean urgent = verdict.urgent();
    String answerId = UUID.randomUUID().toString();

    Optional<Glossary.Entry> term = glossary.asked(request.question());
    if (term.isPresent()) {
      Answer a = glossary.answer(term.get(), masked, answerId);
      return remember(a.withUrgency(urgent, verdict.reason()), request.conversationId(), masked, masked);
    }

    // Searched with typing slips put right ("asessment"): an unknown word would otherwise sink the answer.
    String searched = search.correctSpelling(question);
    QueryTerms terms = search.queryTerms(searched);
    List<Conversations.Turn> history = conversations.turns(request.conversationId());
    String context = FollowUps.isFollowUp(question, terms, history) ? history.get(history.size() - 1).query() : null;
    String query = context == null ? searched : searched + " " + context;
    // With embeddings, the decisions are learned (LearnedModels): the passages reranked, then answer or
    // decline and the points; without (or untrainable), the search's order, the coverage rule and the
    // hand-set weights.
    LearnedModels.Trained models = learned == null || terms.words().isEmpty() ? null : learned.get();
    List<SearchHit> hits =
        search.search(SearchRequest.hitsOnly(searched, models == null ? SEARCHED : depth(), request.filters()),
            context).hits();
    float[] vector = models == null || hits.isEmpty() ? null : embedder.embedQuery(query);
    if (vector != null) {
      hits = models.rank(Candidates.of(terms, vector, hits, embedder, search::termsOf));
    }
    List<Scored> scored = score(hits.subList(0, Math.min(SEARCHED, hits.size())), terms);
    Evidence evidence = vector == null ? null : Evidence.of(terms, scored, vector, embedder);
    if (evidence == null ? Grounding.grounded(terms, scored)
        : models.answerability().answerable(evidence.answerability())) {
      Answer a = compose(masked, answerId, terms, scored, learnedPoints(models, evidence, terms, scored));
      return remember(a.withUrgency(urgent, verdict.reason()), request.conversationId(), masked, query);
    }
    log.unanswered(masked, verdict.reason());
    if (urgent) {
      // A child in danger now: whatever the library says about emergencies matters more than the exact words.
      Answer emergency = urgentGuidance(request, masked, answerId);
      if (emergency != null) {
        return remember(emergency.withUrgency(true, verdict.reason()), request.conversationId(), masked, masked);
      }
    }
    String lead = urgent
        ? "The guidance library does not cover this situation directly, so there is nothing to quote. Act on the "
            + "advice above first."
        : Urgency.DECLINE_PROMPT + " The guidance library does not cover this question, so there is nothing to "
            + "quote. Try different words, or one of the topics it does cover.";
    Answer a = Answer.of(answerId, masked, false, lead, List.of(), List.of(), glossary.topics());
    return remember(a.withUrgency(urgent, verdict.reason()), request.conversationId(), masked,
        context == null ? masked : context);
  }

  /** Checks a rating refers to an answer still in memory, then records it. */
  public boolean rate(String conversationId, String answerId, boolean up, String reason) {
    Optional<Conversations.Turn> turn = conversations.answer(conversationId, answerId);
    turn.ifPresent(t -> log.rated(answerId, t.question(), t.grounded(), up, PersonalData.mask(reason)));
    return turn.isPresent();
  }

  private Answer urgentGuidance(AskRequest request, String masked, String answerId) {
    QueryTerms terms = search.queryTerms(EMERGENCY_QUERY);
    List<Scored> scored =
        score(search.search(SearchRequest.hitsOnly(EMERGENCY_QUERY, SEARCHED, request.filters())).hits(),
            terms);
    if (scored.isEmpty() || Grounding.bestCoverage(scored) < EMERGENCY_MIN_COVERAGE) {
      return null;
    }
    List<Scored> top = scored.subList(0, Math.min(EMERGENCY_PASSAGES, scored.size()));
    Answer a = compose(masked, answerId, terms, top, PointPicker.pick(terms, top, true, search::termsOf));
    if (a.points().isEmpty()) {
      return null;
    }
    // Not grounded: the points answer "what to do in an emergency", not the question asked. Clients that
    // count declines (grounded false) count this one too; the page shows the points because it is urgent.
    return Answer.of(answerId, masked, false,
        "The library does not cover this situation directly. Here is what it says to do in a safeguarding "
            + "emergency, quoted from " + plural(a.citations().size(), "passage") + ".",
        a.points(), a.citations(), a.suggestions());
  }

  /**
   * The points the sentence scorer rates highest; the hand-set weights when there is no scorer, or
   * when it rates no sentence at least {@link #UNSURE} (the hand weights then cite more widely).
   */
  private List<List<PointPicker.Candidate>> learnedPoints(LearnedModels.Trained models, Evidence evidence,
      QueryTerms terms, List<Scored> scored) {
    if (evidence != null) {
      List<SentenceFeatures.Row> rows = SentenceFeatures.rows(evidence, search::termsOf);
      double[] scores = rows.stream().mapToDouble(r -> models.score(r.figures())).toArray();
      if (Arrays.stream(scores).max().orElse(0) >= UNSURE) {
        return PointPicker.pickLearned(rows, scores);
      }
    }
    return PointPicker.pick(terms, scored, false, search::termsOf);
  }

  /** How many passages the reranker looks at: every one of them has its sentences compared with the question. */
  private int depth() {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      // Past WARM_PASSAGES the sentences are embedded as answers need them: rerank only what is quoted from.
      return lease.library().passageCount() <= WARM_PASSAGES ? PassageRanker.DEPTH : SEARCHED;
    }
  }

  /** How the learned models see the labelled examples: each masked, put right and searched as an ask is. */
  private final class Examples implements LearnedModels.Examiner {

    @Override
    public List<Candidates> gather(List<String> questions) {
      List<String> searched = questions.stream().map(PersonalData::mask).map(q -> search.correctSpelling(
          q.length() > SearchRequest.MAX_QUERY_CHARS ? q.substring(0, SearchRequest.MAX_QUERY_CHARS) : q)).toList();
      embedder.embedQueries(searched); // fixed texts: their vectors are kept on disk, so a restart costs no model run
      // A library's quotable sentences embedded now (once: kept on disk), so no question waits for them;
      // past WARM_PASSAGES that would take minutes, and each answer embeds its passages' sentences instead.
      try (LibraryHolder.Lease lease = holder.acquire()) {
        if (lease.library().passageCount() <= WARM_PASSAGES) {
          embedder.embedPassages(lease.library().allPassages().stream()
              .flatMap(p -> Sentences.quotable(p.text()).stream()).map(Sentences.Unit::text).distinct().toList());
        }
      }
      int depth = depth();
      List<Candidates> out = new ArrayList<>();
      for (String q : searched) {
        QueryTerms terms = search.queryTerms(q);
        List<SearchHit> hits = search.search(SearchRequest.hitsOnly(q, depth, Filters.NONE)).hits();
        out.add(Candidates.of(terms, embedder.embedQuery(q), hits, embedder, search::termsOf));
      }
      return out;
    }

    @Override
    public Evidence evidence(Candidates found, List<SearchHit> ranked) {
      List<Scored> scored = score(ranked.subList(0, Math.min(SEARCHED, ranked.size())), found.terms());
      return Evidence.of(found.terms(), scored, found.question(), embedder);
    }
  }

  /** Each hit with its rank and the share of the question's words its text and headings contain. */
  private List<Scored> score(List<SearchHit> hits, QueryTerms terms) {
    List<Scored> scored = new ArrayList<>();
    for (int i = 0; i < hits.size(); i++) {
      SearchHit h = hits.get(i);
      Set<String> passageTerms = search.termsOf(h.passage().text() + "\n" + String.join(" ", h.passage().subPath()));
      scored.add(new Scored(h, i, terms.coverage(passageTerms), passageTerms));
    }
    return scored;
  }

  /** The answer quoting the {@code picked} points of the scored passages. */
  private Answer compose(String masked, String answerId, QueryTerms terms, List<Scored> scored,
      List<List<PointPicker.Candidate>> picked) {
    Citations.Quoted quoted;
    try (LibraryHolder.Lease lease = holder.acquire()) {
      quoted = Citations.quote(picked, lease.library(), search, terms.allTerms());
    }
    // The answer leads: one short line naming where it comes from, then the quoted points themselves.
    String lead = quoted.citations().isEmpty() ? "From the library:"
        : "From " + quoted.citations().get(0).document().title()
            + (quoted.documents() > 1 ? " and " + plural(quoted.documents() - 1, "other document") : "") + ":";
    List<String> related = scored.stream().skip(RELATED).map(s -> Suggestions.question(s.hit().passage()))
        .filter(h -> !h.isBlank()).distinct().limit(RELATED).toList();
    return Answer.of(answerId, masked, true, lead, quoted.points(), quoted.citations(), related);
  }

  private Answer remember(Answer a, String conversationId, String masked, String query) {
    String id = conversations.add(conversationId,
        new Conversations.Turn(a.answerId(), masked, query, a.grounded(), Instant.now()));
    return a.withConversation(id);
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
