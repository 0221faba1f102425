package uk.safeguarding.guidance.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicTest {

  @Test
  void a_scheduled_task_that_runs_out_of_heap_once_still_runs_at_its_next_times() throws Exception {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try {
      AtomicInteger runs = new AtomicInteger();
      CountDownLatch thrice = new CountDownLatch(3);
      timer.scheduleWithFixedDelay(Periodic.guarded("A test task", () -> {
        thrice.countDown();
        if (runs.incrementAndGet() == 1) {
          throw new OutOfMemoryError("Java heap space (thrown by the test)");
        }
        if (runs.get() == 2) {
          throw new IllegalStateException("a fault (thrown by the test)");
        }
      }), 0, 5, TimeUnit.MILLISECONDS);
      assertTrue(thrice.await(10, TimeUnit.SECONDS), "ran " + runs.get() + " times");
    } finally {
      timer.shutdownNow();
    }
  }
}
