package uk.safeguarding.guidance.answer;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.guidance.ops.TrainingMemo;

/**
 * Keeps the answer step's learned decisions trained for the library in use: the passage reranker
 * ({@link PassageRanker}), the answer-or-decline model ({@link Answerability}) and the sentence scorer
 * ({@link Trained#score}), all from {@link AnswerableExamples} by {@link ModelTraining}, each example searched once as an ask
 * would search it (the reranker first: the other two see its order, as an ask does). Trained on the
 * first question, and again in the background after a reindex, the previous models serving
 * meanwhile. Thread-safe.
 */
final class LearnedModels {

  private static final Logger LOG = LoggerFactory.getLogger(LearnedModels.class);

  /** What the answer step finds for questions, as {@link LearnedModels} trains on it. */
  interface Examiner {

    /**
     * {@code text} as an answer may show a question: personal data masked (but for the library's own
     * words) and typing slips put right; unchanged by default.
     */
    default String shown(String text) {
      return text;
    }

    /** What a search finds for each question, as deep as the reranker looks. */
    List<Candidates> gather(List<String> questions);

    /** What the other decisions see of a question: the top of the {@code ranked} candidates. */
    Evidence evidence(Candidates found, PassageRanker.Ranking ranked);

    /** The sentence scorer's rows for {@code e}, read as an answer reads them. */
    List<SentenceFeatures.Row> rows(Evidence e);

    /**
     * What it searches, as far as training depends on it: the library's content hash and BM25 settings,
     * the engine and the embedding model.
     */
    String describe();
  }

  /**
   * The models and the library they were trained against; {@code ranker} is null when the examples
   * carry no answer phrases to learn it from (the search's order then stands). {@code unfound}: the
   * trainers' examples whose answering sentence is in none of the passages their question finds (they
   * teach the answer-or-decline decision only), "ORIGIN: why". {@code suggested}: the examples an answer
   * offers as "You could also ask".
   */
  record Trained(String libraryHash, PassageRanker ranker, Answerability answerability, SentenceScorer sentences,
      SentenceScorer passages, List<String> unfound, SuggestedQuestions suggested) {

    /** The candidates' hits, the most likely to answer first. */
    PassageRanker.Ranking rank(Candidates found) {
      return PassageRanker.ranking(ranker, found, AnsweredBefore.NO_EXAMPLE);
    }

    /**
     * How well each sentence answers the question ({@code question}, its vector; null when unknown): the
     * geometric mean of the chances that it is the answering sentence and that its passage answers. On
     * the train split (cross-validated) the mean raised both point precision and answer-sentence recall
     * over either model alone.
     */
    double[] scores(List<SentenceFeatures.Row> rows, float[] question) {
      double[] answering = sentences.scores(rows, question);
      double[] inAnswer = passages.scores(rows, question);
      for (int k = 0; k < answering.length; k++) {
        answering[k] = Math.sqrt(answering[k] * inAnswer[k]);
      }
      return answering;
    }

    /** The same models, marked as trained against {@code hash} (models remembered from another server). */
    Trained against(String hash) {
      return hash.equals(libraryHash) ? this
          : new Trained(hash, ranker, answerability, sentences, passages, unfound, suggested);
    }
  }

  /** Models trained in this process, by what they were trained from. */
  private static final TrainingMemo<Trained> MEMO = new TrainingMemo<>();
  /**
   * The smallest heap (-Xmx) on which the models are retrained for a changed library beside the ones
   * serving, which answer meanwhile. Below it they are not retrained while the server runs
   * ({@link #keepServing}): with the README's -Xmx256m, a trainer's upload made the retraining run out of
   * heap beside them (2026-12-06, Jetty's acceptor thread failed with it); letting the serving ones go
   * first (the sixteenth session) still ran out on the third upload in a row, and the error killed the
   * corpus watcher and left the server answering nothing (an outsider's probe, eighteenth session).
   */
  static final long RETRAIN_BESIDE_HEAP = 384L << 20;

  private final Supplier<String> libraryHash;
  private final Examiner examiner;
  private final Supplier<List<AnswerableExamples.Example>> examples;
  private final AtomicReference<Trained> current = new AtomicReference<>();
  private final AtomicBoolean retraining = new AtomicBoolean();
  /** On a small heap: the library the models serving were last not retrained for (logged once each). */
  private final AtomicReference<String> notRetrainedFor = new AtomicReference<>("");
  /** The first training's failure: not tried again until the library (or the trainers' examples) change. */
  private final AtomicReference<Failed> failed = new AtomicReference<>();
  private final Object firstTraining = new Object();
  private volatile long retrainBesideHeap = RETRAIN_BESIDE_HEAP;
  private final Path file;
  private final Supplier<String> build;

  /** @param examiner what a search finds for each example question against the current library */
  LearnedModels(Supplier<String> libraryHash, Examiner examiner, Supplier<List<AnswerableExamples.Example>> examples) {
    this(libraryHash, examiner, examples, null, () -> "");
  }

  /**
   * @param file where trained models are kept between restarts ({@link ModelsFile}); null: nowhere
   * @param build the code that trains them ({@link uk.safeguarding.guidance.ops.BuildFingerprint}), asked
   *     for only when the models are first needed (not on the start-up path): a file written by another
   *     build is not read
   */
  LearnedModels(Supplier<String> libraryHash, Examiner examiner, Supplier<List<AnswerableExamples.Example>> examples,
      Path file, Supplier<String> build) {
    this.libraryHash = libraryHash;
    this.examiner = examiner;
    this.examples = examples;
    this.file = file;
    this.build = build;
  }

  /**
   * The models for the current library, trained now if there are none yet; null when they cannot be
   * trained (the caller falls back to the hand-set rules, and the next question tries again).
   */
  Trained get() {
    Trained t = current.get();
    if (t == null) {
      synchronized (firstTraining) {
        String hash = libraryHash.get();
        Failed f = failed.get();
        if (current.get() == null && (f == null || !hash.equals(f.libraryHash()))) {
          trainOrRecordFailure(hash);
        }
        return current.get();
      }
    }
    String now = libraryHash.get();
    if (!t.libraryHash().equals(now) && smallHeap()) {
      return keepServing(t, now);
    }
    if (!t.libraryHash().equals(now) && retraining.compareAndSet(false, true)) {
      CompletableFuture.runAsync(() -> {
        try {
          current.set(train());
        } catch (RuntimeException | OutOfMemoryError e) {
          LOG.error("The answer step's models could not be retrained; the previous ones keep serving", e);
        } finally {
          retraining.set(false);
        }
      });
    }
    return t;
  }

  /**
   * On a heap too small to train beside the models serving ({@link #RETRAIN_BESIDE_HEAP}), they keep
   * serving the changed library: the decisions they learned hold for the passages they were trained on,
   * and a passage added since is judged by the hand-set rule beside them ({@link Grounding#groundedInNew}).
   * The next start learns the change with the whole heap; {@link #notRetrained} says so for /health.
   */
  private Trained keepServing(Trained t, String now) {
    if (!now.equals(notRetrainedFor.getAndSet(now))) {
      LOG.warn("{}; the models trained before keep answering", whyNotRetrained());
    }
    return t;
  }

  private boolean smallHeap() {
    return Runtime.getRuntime().maxMemory() < retrainBesideHeap;
  }

  private String whyNotRetrained() {
    return "the answer step's models were not retrained for the changed library (heap "
        + (Runtime.getRuntime().maxMemory() >> 20) + " MB, below " + (retrainBesideHeap >> 20)
        + " MB): a restart learns the change, or run with -Xmx" + (retrainBesideHeap >> 20) + "m or more";
  }

  /**
   * Trains the models now (the caller holds {@code firstTraining}, with none serving). On failure, out of
   * memory too (a heap below what the examples need), this question and the next are answered by the
   * hand-set rules at once, and training is tried again only when the library or the trainers' examples
   * change, not by every question waiting minutes for it to fail.
   */
  private void trainOrRecordFailure(String hash) {
    try {
      current.set(train());
    } catch (RuntimeException | OutOfMemoryError e) {
      Failed now = new Failed(hash, "the answer step's models could not be trained ("
          + TrainingMemo.whyFailed(e) + "); the hand-set rules answer");
      failed.set(now);
      LOG.error(now.reason() + " until the library or the trainers' examples change", e);
    }
  }

  /**
   * The models for the current library when some are trained, without waiting for the first training
   * (null until it ends); like {@link #get}, a changed library is learned anew in the background.
   */
  Trained readyNow() {
    return current.get() == null ? null : get();
  }

  /** Why the models serving were not retrained for the library now served, for /health; empty when they were. */
  String notRetrained() {
    Trained t = current.get();
    return t == null || t.libraryHash().equals(libraryHash.get()) || !smallHeap() ? "" : whyNotRetrained();
  }

  /** Why the first training failed, for /health; empty when it did not (or has not yet run). */
  String failure() {
    Failed f = failed.get();
    return f == null || current.get() != null ? "" : f.reason();
  }

  /** A first training that failed: for which library and trainers' examples, and why (for /health). */
  private record Failed(String libraryHash, String reason) {}

  /** Forgets the models trained in this process, as a restart would (tests of {@link ModelsFile}). */
  static void forgetRemembered() {
    MEMO.forget();
  }

  /** Behaves as on a heap too small to retrain beside the models serving, whatever the heap (tests). */
  LearnedModels onASmallHeap() {
    retrainBesideHeap = Long.MAX_VALUE;
    return this;
  }

  /** The models trained so far, without waiting for or starting a training; null before the first. */
  Trained current() {
    return current.get();
  }

  /**
   * The models for the current library and examples: remembered ones when they were trained alike before
   * in this process, else the ones an earlier start kept in {@link #file} ({@link ModelsFile}), else
   * trained now; remembered and kept only when nothing they were trained from changed meanwhile.
   */
  private Trained train() {
    String hash = libraryHash.get();
    List<AnswerableExamples.Example> labelled = examples.get();
    String searched = examiner.describe();
    BooleanSupplier unchanged = () -> searched.equals(examiner.describe());
    String key = searched + "|" + TrainingMemo.digest(labelled);
    return MEMO.get(key,
        () -> ModelsFile.kept(file, key + "|" + build.get(), () -> ModelTraining.train(examiner, hash, labelled),
            unchanged),
        unchanged)
        .against(hash);
  }
}
