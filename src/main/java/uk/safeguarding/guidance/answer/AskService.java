package uk.safeguarding.guidance.answer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import uk.safeguarding.guidance.embed.Embedder;
import uk.safeguarding.guidance.index.LibraryHolder;
import uk.safeguarding.guidance.ops.BuildFingerprint;
import uk.safeguarding.guidance.privacy.PersonalData;
import uk.safeguarding.guidance.screen.ScreenService;
import uk.safeguarding.guidance.screen.Verdict;
import uk.safeguarding.guidance.search.QueryTerms;
import uk.safeguarding.guidance.search.SearchRequest;
import uk.safeguarding.guidance.search.SearchResults;
import uk.safeguarding.guidance.search.SearchService;

/**
 * Answers a practitioner's question from the library, extractively. The flow reads top to bottom:
 * the question is masked and screened for danger ({@link ScreenService}), answered from the glossary
 * when it asks what a term stands for ({@link GlossaryAnswers}), otherwise searched once (with the
 * previous turn when it is a follow-up, {@link FollowUps}), judged answerable or not
 * ({@link Grounding}), turned into quoted points ({@link PointPicker}) and citations
 * ({@link Citations}, {@link AnswerComposer}), or declined ({@link Declines}); the outcome is remembered once.
 * Thread-safe.
 */
public final class AskService {

  /**
   * The sentence scorer quotes only when it rates some sentence at least this likely to answer; below
   * it (short topical queries such as "fathers and male carers", whose answer shares few words) the
   * hand weights quote, citing more widely. Tried 0, 0.25 and 0.4 on the train split: 0.25 traded 1
   * answered of 277 and 0.012 sentence recall for 0.028 point precision, and keeps dev.jsonl's 15/15.
   * Set again to 0.1 (2026-12-07, twenty-third session) once the scorer read the reranker's chances
   * ({@link SentenceFeatures}), on the four writers' train splits in no example file (bank17–20, 1,823 in
   * scope): 0.35 answered 1,654 with a relevant citation, 0.25 1,655, 0.15 1,659, 0.1 1,660, 0 1,660
   * (and one fewer declined); point precision 0.875, 0.873, 0.872, 0.872, 0.869. On every test split
   * 2,423 → 2,427 of 2,676 answered, precision 0.872 → 0.868, sentence recall 0.917 → 0.919.
   */
  static final double UNSURE = 0.1;

  /**
   * What a message naming no topic leaves behind for the next question: nothing ({@link NoTopic}). Its turn
   * is kept, so it can be rated, but the next question stands alone: "what does it say about neglect?"
   * after "hello" is not a follow-up to a declined question.
   */
  private static final String NO_TOPIC_LEFT = "";

  private final SearchService search;
  private final LibraryHolder holder;
  private final Conversations conversations;
  private final AnswerLog log;
  private final ScreenService screen;
  private final GlossaryAnswers glossary;
  private final LearnedModels learned;
  private final AnswerSearch finder;
  private final FollowUps followUps;
  private final TrainerExamples trainers;
  private final SearchReranker reranker;
  private final NamedCases namedCases;
  private final AnswerComposer composer;
  private final Declines declines;
  private final NoTopic noTopic;

  /** Learns from the shipped examples alone (no trainers' file): for eval and tests. */
  public AskService(SearchService search, LibraryHolder holder, Conversations conversations, AnswerLog log,
      ScreenService screen, Embedder embedder) {
    this(search, holder, conversations, log, screen, embedder, null);
  }

  /**
   * {@code embedder} is the one {@code search} uses, or null without dense retrieval: then the
   * answer-or-decline decision is the coverage rule ({@link Grounding}) rather than the learned model.
   * The learned models also learn from the trainers' {@value TrainerExamples#FILE} in {@code corpusDir}
   * (null: none), and retrain when it or the library changes.
   */
  public AskService(SearchService search, LibraryHolder holder, Conversations conversations, AnswerLog log,
      ScreenService screen, Embedder embedder, Path corpusDir) {
    this(search, holder, conversations, log, screen, embedder, corpusDir, null);
  }

  /**
   * As above, and the learned models, once trained, are kept in {@code dataDir} ({@value ModelsFile#NAME};
   * null: not kept), so that the next start of the same build over the same library and examples reads
   * them in a second or two instead of training them for a minute or more.
   */
  public AskService(SearchService search, LibraryHolder holder, Conversations conversations, AnswerLog log,
      ScreenService screen, Embedder embedder, Path corpusDir, Path dataDir) {
    this.search = search;
    this.screen = screen;
    this.holder = holder;
    this.conversations = conversations;
    this.log = log;
    this.glossary = new GlossaryAnswers(search, holder);
    this.finder = new AnswerSearch(search, holder, embedder);
    this.followUps = new FollowUps(finder);
    this.namedCases = new NamedCases(holder);
    this.trainers = new TrainerExamples(corpusDir);
    this.learned = embedder == null ? null
        : new LearnedModels(() -> holder.currentHash() + "+" + trainers.stamp(), finder, trainers::withBank,
            dataDir == null ? null : dataDir.resolve(ModelsFile.NAME), BuildFingerprint::current);
    this.reranker = learned == null ? null : new SearchReranker(finder, learned);
    this.composer = new AnswerComposer(holder, search);
    this.declines = new Declines(search, finder, glossary, composer);
    this.noTopic = embedder == null ? null : new NoTopic(embedder);
  }

  /**
   * The search API's search: with the embedding model, the top passages reordered by the answer
   * step's passage reranker once it is trained ({@link SearchReranker}); otherwise the search's order.
   */
  public SearchResults search(SearchRequest request) {
    return reranker == null ? search.search(request) : search.reranked(request, reranker);
  }

  /**
   * Which reranker models order {@link #search}'s results now: "" without them (no embedding model, or
   * before the first training), else the library and trainers' examples they learned from. The same
   * search comes back in another order when this changes, so a cache of its responses keys on it.
   */
  public String searchModels() {
    LearnedModels.Trained models = learned == null ? null : learned.current();
    return models == null || models.ranker() == null ? "" : models.libraryHash();
  }

  /**
   * Where the answer step's learned models are, for {@code /health}: "ready" (serving; also while new
   * ones are trained for a changed library), "training" (the first training since start-up: an ask
   * waits for it, a minute or two on a fresh data folder, unless the safety screen finds it urgent),
   * "failed" (the hand-set rules answer; {@link #trainerLinesSkipped} says why) or "off" (no embedding model, BM25 only: the hand-set rules
   * by design).
   */
  public String answerModels() {
    if (learned == null) {
      return "off";
    }
    if (learned.current() != null) {
      return "ready";
    }
    return learned.failure().isEmpty() ? "training" : "failed";
  }

  /** Trains the learned models for the current library now, if there are any to train and none yet. */
  public void prepare() {
    if (learned != null) {
      learned.get();
    }
  }

  /**
   * Lines of the trainers' {@value TrainerExamples#FILE} the answer step could not learn from, with why
   * (empty until its models are first trained, seconds after start-up).
   */
  public List<String> trainerLinesSkipped() {
    List<String> out = new ArrayList<>(trainers.skipped());
    LearnedModels.Trained models = learned == null ? null : learned.current();
    if (models != null) {
      out.addAll(models.unfound());
      if (!learned.notRetrained().isEmpty()) {
        out.add(learned.notRetrained());
      }
    } else if (learned != null && !learned.failure().isEmpty()) {
      out.add(learned.failure());
    }
    return out;
  }

  public Answer ask(AskRequest request) {
    PersonalData.Masked both = PersonalData.forSearch(request.question(), search::libraryUses);
    String masked = both.kept();
    // Screened masked, and searched masked but for the words the library itself uses ("baby Alfie",
    // "Covid-related", "criminl"), which masking can take for names: the search text is never kept, and
    // at a masked place the query-embedding cache holds only a word of the library (slips are corrected
    // to one below). Most questions mask the same both ways, and the search reuses the screen's embedding.
    String question = SearchRequest.clip(masked);
    String asked = SearchRequest.clip(both.searched());
    String searchable = SearchRequest.clip(SelfReference.topicOf(asked)); // "neglect guidance": neglect
    Verdict verdict = screen.assess(question);
    String answerId = UUID.randomUUID().toString();

    Optional<Glossary.Entry> term = glossary.asked(request.question());
    if (term.isPresent()) {
      Answer a = glossary.answer(term.get(), masked, answerId);
      return remember(a.withUrgency(verdict.urgent(), verdict.reason()), request.conversationId(), masked, masked);
    }

    // Searched with typing slips put right ("asessment"): an unknown word would otherwise sink the answer.
    // A bare term the glossary knows ("NAI") is searched with what it stands for, and answered: the
    // glossary lists terms the library uses, so it has something on it.
    Optional<String> spelled = glossary.spelledOut(searchable);
    // Clipped again: a slip put right can be longer than the word typed, past the longest query a search takes.
    String searched = SearchRequest.clip(search.correctSpelling(spelled.orElse(searchable)));
    QueryTerms terms = search.queryTerms(searched);
    List<Conversations.Turn> history = conversations.turns(request.conversationId()).stream()
        .filter(t -> !t.query().equals(NO_TOPIC_LEFT)).toList();
    // Carried on ("what now?") or not as asked: "what does the library say about …" brings a topic of its own.
    QueryTerms askedTerms = searchable.equals(asked) ? terms : search.queryTerms(asked);
    ScreenedTurn turn = ScreenedTurn.of(verdict, question, askedTerms, history, screen);
    boolean urgent = turn.urgent();
    String reason = turn.reason();
    // With embeddings, the decisions are learned (LearnedModels): the passages reranked, then answer or
    // decline and the points; without (or untrainable), the search's order, the coverage rule and the
    // hand-set weights.
    // A child in danger now: the answer never waits for the models' first training (a minute or two after
    // a fresh start); until it ends the hand-set rules answer, behind the urgent prompt the page shows first.
    LearnedModels.Trained models = learned == null || terms.words().isEmpty() ? null
        : urgent ? learned.readyNow() : learned.get();
    AnswerSearch.Found found = followUps.find(question, searched, terms, history, request.filters(), models);
    List<Scored> scored = found.scored();
    if (!urgent && found.context() == null && lacksTopic(searched, found)) { // "thanks", "what now?" alone
      return remember(declines.noTopic(masked, answerId), request.conversationId(), masked, NO_TOPIC_LEFT);
    }
    // The learned decision knows the library its examples were labelled against; a passage added since is
    // judged by the hand-set rule too.
    // A follow-up pointing back at a declined question is declined when it names that topic ("it", "they"),
    // else answered only when the learned decision is sure.
    // A follow-up carrying on an emergency ("what now?") is answered from the library only when the learned
    // decision is sure: its one or two words would satisfy the hand-set rule from any passage ("now
    // underway"), where the emergency guidance is what it asks for.
    boolean afterDecline = FollowUps.leansOnDeclined(question, terms, history);
    boolean ruleMaySay = turn.situation() == null; // the question's own words stand for what it asks
    boolean answerable = !FollowUps.onDeclinedTopic(question, terms, history)
        && (spelled.isPresent() && !scored.isEmpty() || (found.evidence() == null
            ? !afterDecline && ruleMaySay && Grounding.grounded(terms, scored)
            : learnedAnswers(models, found.answerable(), urgent || afterDecline,
                () -> ruleMaySay && Grounding.grounded(terms, scored))
                || ruleMaySay && Grounding.groundedInNew(terms, scored, LabelledLibrary.shipped()::labelled)));
    List<List<PointPicker.Candidate>> picked =
        answerable ? namedCases.keep(request.question(), found, learnedPoints(models, found.evidence(), terms, scored))
            : List.of();
    if (!picked.isEmpty()) { // answerable, with something to quote
      Answer a = composer.compose(masked, answerId, terms, scored, picked);
      a = found.evidence() == null ? a : models.suggested().offered(a, found.evidence(), AnswerComposer.RELATED);
      return remember(a.withUrgency(urgent, reason), request.conversationId(), masked,
          turn.leavesBehind(PersonalData.mask(found.query())));
    }
    if (!urgent && found.context() != null && lacksTopic(searched, found)) { // "thanks" after an answer
      return remember(declines.noTopic(masked, answerId), request.conversationId(), masked, NO_TOPIC_LEFT);
    }
    log.unanswered(masked, reason);
    Answer a = declines.of(request, masked, answerId, urgent, ruleMaySay, found, terms, models);
    return remember(a.withUrgency(urgent, reason), request.conversationId(), masked,
        turn.leavesBehind(found.context() == null ? masked : found.context())); // kept masked
  }

  private boolean lacksTopic(String searched, AnswerSearch.Found found) {
    return noTopic != null && noTopic.lacksTopic(searched, found, learned.current());
  }

  /**
   * The learned decision on the score the search already made; stricter for a question unlike the
   * labelled ones (urgent, or pointing back at a declined one: {@link Answerability#answerableStrictly}).
   */
  private static boolean learnedAnswers(LearnedModels.Trained models, double score, boolean strictly,
      java.util.function.BooleanSupplier handRule) {
    Answerability decision = models.answerability();
    return strictly ? decision.answerableStrictly(score, handRule.getAsBoolean()) : decision.answerable(score);
  }

  /** Checks a rating refers to an answer still in memory, then records it. */
  public boolean rate(String conversationId, String answerId, boolean up, String reason) {
    Optional<Conversations.Turn> turn = conversations.answer(conversationId, answerId);
    turn.ifPresent(t -> log.rated(answerId, t.question(), t.grounded(), up, PersonalData.mask(reason)));
    return turn.isPresent();
  }

  /**
   * The points the sentence scorer rates highest; the hand-set weights when there is no scorer, or
   * when it rates no sentence at least {@link #UNSURE} (the hand weights then cite more widely).
   */
  private List<List<PointPicker.Candidate>> learnedPoints(LearnedModels.Trained models, Evidence evidence,
      QueryTerms terms, List<Scored> scored) {
    if (evidence != null) {
      List<SentenceFeatures.Row> rows = finder.rows(evidence);
      double[] scores = models.scores(rows, evidence.question());
      if (Arrays.stream(scores).max().orElse(0) >= UNSURE) {
        List<List<PointPicker.Candidate>> picked = PointPicker.pickLearned(rows, scores);
        if (!picked.isEmpty()) {
          return picked;
        }
      }
    }
    List<List<PointPicker.Candidate>> picked = PointPicker.pick(terms, scored, false, search::termsOf);
    return picked.isEmpty() ? PointPicker.leading(scored) : picked;
  }

  private Answer remember(Answer a, String conversationId, String masked, String query) {
    String id = conversations.add(conversationId,
        new Conversations.Turn(a.answerId(), masked, query, a.grounded(), Instant.now()));
    return a.withConversation(id);
  }
}
