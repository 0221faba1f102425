package uk.safeguarding.guidance.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkGateTest {

  @Test
  void no_more_than_its_turns_run_at_once() throws Exception {
    WorkGate gate = new WorkGate(2, Duration.ofSeconds(30));
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      Future<?>[] done = new Future<?>[40];
      for (int i = 0; i < done.length; i++) {
        done[i] = pool.submit(() -> gate.inTurn(() -> {
          most.accumulateAndGet(running.incrementAndGet(), Math::max);
          sleep(2);
          return running.decrementAndGet();
        }));
      }
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2, most.get());
  }

  @Test
  void turns_are_fair_only_when_searches_embed_their_query() {
    assertTrue(WorkGate.forEngine("embedded", true).fair());
    assertFalse(WorkGate.forEngine("embedded", false).fair());
    assertFalse(new WorkGate(1, Duration.ofSeconds(1)).fair());
  }

  @Test
  void a_fair_gate_gives_the_turn_to_the_longest_waiter() throws Exception {
    WorkGate gate = new WorkGate(1, Duration.ofSeconds(30), true);
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = holdTheTurn(gate, release);
    Thread[] waiters = new Thread[3];
    for (int i = 0; i < waiters.length; i++) {
      String name = "waiter " + i;
      waiters[i] = new Thread(() -> gate.inTurn(() -> order.add(name)));
      waiters[i].start();
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (gate.waiting() < i + 1 && System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      assertEquals(i + 1, gate.waiting());
    }
    release.countDown();
    holder.join(10_000);
    for (Thread w : waiters) {
      w.join(10_000);
    }
    assertEquals(List.of("waiter 0", "waiter 1", "waiter 2"), order);
  }

  @Test
  void a_request_that_waits_too_long_gets_a_503_naming_the_wait() throws Exception {
    WorkGate gate = new WorkGate(1, Duration.ofMillis(50));
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = holdTheTurn(gate, release);
    WorkGate.Busy e = assertThrows(WorkGate.Busy.class, () -> gate.inTurn(() -> "never"));
    assertEquals(503, e.getStatus());
    assertEquals("The server is busier than it can serve; no turn came within 50 ms. Try again shortly.",
        e.getMessage());
    release.countDown();
    holder.join(10_000);
    assertEquals("now", gate.inTurn(() -> "now"));
  }

  @Test
  void a_turn_is_given_back_when_the_work_fails() {
    WorkGate gate = new WorkGate(1, Duration.ofMillis(50));
    assertThrows(IllegalStateException.class, () -> gate.inTurn(() -> {
      throw new IllegalStateException("boom");
    }));
    assertEquals("next", gate.inTurn(() -> "next"));
  }

  @Test
  void at_least_one_turn() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new WorkGate(0, Duration.ofSeconds(1)));
    assertEquals("At least one request must be let through at once, not 0", e.getMessage());
  }

  /** A thread holding {@code gate}'s only turn until {@code release}, started and holding when this returns. */
  private static Thread holdTheTurn(WorkGate gate, CountDownLatch release) throws InterruptedException {
    CountDownLatch holding = new CountDownLatch(1);
    Thread holder = new Thread(() -> gate.inTurn(() -> {
      holding.countDown();
      await(release);
      return null;
    }));
    holder.start();
    assertTrue(holding.await(10, TimeUnit.SECONDS));
    return holder;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
