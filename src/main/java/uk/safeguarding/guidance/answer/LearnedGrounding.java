package uk.safeguarding.guidance.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the answer-or-decline model trained for the library in use: trained on the first question
 * (each example searched as an ask would search it), and again in the background after a reindex, the
 * previous model serving meanwhile. Thread-safe.
 */
final class LearnedGrounding {

  private static final Logger LOG = LoggerFactory.getLogger(LearnedGrounding.class);

  /** A model and the library it was trained against. */
  private record Trained(String libraryHash, Answerability model) {}

  private final Supplier<String> libraryHash;
  private final Function<List<String>, List<Answerability.Input>> inputs;
  private final Supplier<List<AnswerableExamples.Example>> examples;
  private final AtomicReference<Trained> current = new AtomicReference<>();
  private final AtomicBoolean retraining = new AtomicBoolean();
  private final Object firstTraining = new Object();

  /**
   * @param inputs what the model sees of each example question, searched against the current library
   */
  LearnedGrounding(Supplier<String> libraryHash, Function<List<String>, List<Answerability.Input>> inputs,
      Supplier<List<AnswerableExamples.Example>> examples) {
    this.libraryHash = libraryHash;
    this.inputs = inputs;
    this.examples = examples;
  }

  /** The model for the current library (trained now if there is none yet). */
  Answerability model() {
    Trained t = current.get();
    if (t == null) {
      synchronized (firstTraining) {
        if (current.get() == null) {
          current.set(train());
        }
        return current.get().model();
      }
    }
    if (!t.libraryHash().equals(libraryHash.get()) && retraining.compareAndSet(false, true)) {
      CompletableFuture.runAsync(() -> {
        try {
          current.set(train());
        } catch (RuntimeException e) {
          LOG.error("The answer-or-decline model could not be retrained; the previous one keeps serving", e);
        } finally {
          retraining.set(false);
        }
      });
    }
    return t.model();
  }

  private Trained train() {
    long start = System.nanoTime();
    String hash = libraryHash.get();
    List<AnswerableExamples.Example> labelled = examples.get();
    List<Answerability.Input> in = inputs.apply(labelled.stream().map(AnswerableExamples.Example::text).toList());
    List<Boolean> y = new ArrayList<>(labelled.stream().map(AnswerableExamples.Example::answerable).toList());
    Answerability model = Answerability.train(in, y, Answerability.STANDARD);
    LOG.info(String.format("Answer-or-decline model trained on %d examples in %d ms, threshold %.3f", labelled.size(),
        (System.nanoTime() - start) / 1_000_000, model.threshold()));
    return new Trained(hash, model);
  }
}
