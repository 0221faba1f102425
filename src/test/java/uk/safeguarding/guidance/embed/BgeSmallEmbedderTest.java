package uk.safeguarding.guidance.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BgeSmallEmbedderTest {

  /** Each of these made the model throw (no token to average), which reached an ask as a 500. */
  static final List<String> NOTHING_TO_TOKENISE =
      List.of("", " ", "\ud800", "\u0000\u0001", "\ufffd", "\u200b", "\ue000", "\u0301", "\t\n");
  /** Far longer than one short question's run (tens of milliseconds), even on a busy machine. */
  private static final long UNGATED_RUN_MILLIS = 1_000;

  @Test
  void a_text_the_tokenizer_keeps_nothing_of_is_embedded_as_the_placeholder_and_others_as_they_are() {
    NOTHING_TO_TOKENISE.forEach(t -> assertEquals(BgeSmallEmbedder.NOTHING, BgeSmallEmbedder.embeddable(t), t));
    for (String kept : List.of("a\ud800b", "?", "\ud83d\ude00", "3yo", "\u3000x")) {
      assertEquals(kept, BgeSmallEmbedder.embeddable(kept));
    }
  }

  @Test
  void the_model_embeds_every_such_text_as_a_question_and_as_a_passage() {
    BgeSmallEmbedder model = new BgeSmallEmbedder();
    List<float[]> passages = model.embedPassages(NOTHING_TO_TOKENISE);
    assertEquals(NOTHING_TO_TOKENISE.size(), passages.size());
    for (String t : NOTHING_TO_TOKENISE) {
      assertEquals(1.0, Vectors.dot(model.embedQuery(t), model.embedQuery(t)), 1e-4, "a unit vector for " + t);
    }
  }

  @Test
  void a_question_waits_at_the_gate_while_a_cached_question_and_a_batch_of_passages_do_not(@TempDir Path data)
      throws Exception {
    RunGate gate = new RunGate(1);
    CachedEmbedder model = new CachedEmbedder(new BgeSmallEmbedder(gate), data);
    model.embedQuery("asked before");
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService threads = Executors.newCachedThreadPool();
    CompletableFuture<Object> holder = CompletableFuture.supplyAsync(() -> gate.run(() -> {
      held.countDown();
      await(release);
      return null;
    }), threads);
    try {
      assertTrue(held.await(30, TimeUnit.SECONDS), "the test holds the gate's only permit");
      CompletableFuture<float[]> waiting =
          CompletableFuture.supplyAsync(() -> model.embedQuery("never asked"), threads);
      // Bounded: either would hang while the permit is held if it waited at the gate.
      assertEquals(BgeSmallModel.DIMENSION,
          CompletableFuture.supplyAsync(() -> model.embedQuery("asked before"), threads).get(30,
              TimeUnit.SECONDS).length);
      assertEquals(2,
          CompletableFuture.supplyAsync(() -> model.embedPassages(List.of("one passage", "another")), threads)
              .get(30, TimeUnit.SECONDS).size());
      assertThrows(TimeoutException.class, () -> waiting.get(UNGATED_RUN_MILLIS, TimeUnit.MILLISECONDS),
          "a new question waits while the gate's only permit is held");
      release.countDown();
      assertEquals(BgeSmallModel.DIMENSION, waiting.get(30, TimeUnit.SECONDS).length);
    } finally {
      release.countDown();
      holder.get(30, TimeUnit.SECONDS);
      threads.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
