package uk.safeguarding.guidance.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.safeguarding.guidance.TestClock;

/** One holder at a time, on H2 and on a real PostgreSQL; a lease lapses unless renewed. */
class LeasesTest {

  @TempDir
  Path data;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void one_holder_at_a_time_until_release_or_lapse(TestDatabase product) {
    TestClock clock = new TestClock(Instant.parse("2026-11-25T12:00:00Z"));
    try (Database db = Database.open(product.fresh(data))) {
      Leases leases = new Leases(db, clock);
      Duration length = Duration.ofSeconds(30);
      assertTrue(leases.tryAcquire("rebuild", "replica-a", length), "free: A takes it");
      assertFalse(leases.tryAcquire("rebuild", "replica-b", length), "held by A");
      assertTrue(leases.tryAcquire("other-job", "replica-b", length), "another lease is another matter");

      clock.advance(Duration.ofSeconds(20));
      assertTrue(leases.tryAcquire("rebuild", "replica-a", length), "A renews");
      clock.advance(Duration.ofSeconds(20));
      assertFalse(leases.tryAcquire("rebuild", "replica-b", length), "renewed 20 s ago: still A's");

      clock.advance(Duration.ofSeconds(11));
      assertTrue(leases.tryAcquire("rebuild", "replica-b", length), "A stopped renewing: lapsed, B takes over");
      assertFalse(leases.tryAcquire("rebuild", "replica-a", length), "and A cannot take it back");

      leases.release("rebuild", "replica-a"); // not A's: nothing happens
      assertFalse(leases.tryAcquire("rebuild", "replica-a", length));
      leases.release("rebuild", "replica-b");
      assertTrue(leases.tryAcquire("rebuild", "replica-a", length), "released by B");
    }
  }
}
