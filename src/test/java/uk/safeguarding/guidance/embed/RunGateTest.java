package uk.safeguarding.guidance.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RunGateTest {

  private static final int PERMITS = 2;
  private static final int CALLERS = 8;
  private static final int RUNS_EACH = 5;
  /** Long enough that callers let in together would overlap, short enough to keep the test quick. */
  private static final long RUN_MILLIS = 5;

  @Test
  void no_more_runs_overlap_than_the_gate_has_permits_and_every_permit_is_used() throws Exception {
    RunGate gate = new RunGate(PERMITS);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int c = 0; c < CALLERS; c++) {
        done.add(callers.submit(() -> {
          int runs = 0;
          for (int r = 0; r < RUNS_EACH; r++) {
            runs += gate.run(() -> {
              most.accumulateAndGet(running.incrementAndGet(), Math::max);
              sleep(RUN_MILLIS);
              running.decrementAndGet();
              return 1;
            });
          }
          return runs;
        }));
      }
      for (Future<Integer> f : done) {
        assertEquals(RUNS_EACH, f.get(30, TimeUnit.SECONDS));
      }
    } finally {
      callers.shutdownNow();
    }
    assertTrue(most.get() <= PERMITS, "at most " + PERMITS + " runs at once, saw " + most.get());
    assertEquals(PERMITS, most.get(), "the gate lets in as many runs as it has permits");
  }

  @Test
  void a_run_that_throws_gives_its_permit_back() {
    RunGate gate = new RunGate(1);
    assertThrows(IllegalStateException.class, () -> gate.run(() -> {
      throw new IllegalStateException("the model failed");
    }));
    assertEquals("next", gate.run(() -> "next"), "the only permit is free again");
  }

  @Test
  void a_gate_without_permits_is_refused_naming_the_parameter() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RunGate(0));
    assertEquals("The parameter 'permits' must be at least 1, was 0", e.getMessage());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
