package uk.safeguarding.guidance.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One holder at a time, on H2 and on a real PostgreSQL; a lease lapses unless renewed. */
class LeasesTest {

  @TempDir Path data;

  /** A clock the test moves. */
  static final class Hands extends Clock {
    Instant now = Instant.parse("2026-11-25T12:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void one_holder_at_a_time_until_release_or_lapse(TestDatabase product) {
    Hands clock = new Hands();
    try (Database db = Database.open(product.fresh(data))) {
      Leases leases = new Leases(db, clock);
      Duration length = Duration.ofSeconds(30);
      assertTrue(leases.tryAcquire("rebuild", "replica-a", length), "free: A takes it");
      assertFalse(leases.tryAcquire("rebuild", "replica-b", length), "held by A");
      assertTrue(leases.tryAcquire("other-job", "replica-b", length), "another lease is another matter");

      clock.now = clock.now.plusSeconds(20);
      assertTrue(leases.tryAcquire("rebuild", "replica-a", length), "A renews");
      clock.now = clock.now.plusSeconds(20);
      assertFalse(leases.tryAcquire("rebuild", "replica-b", length), "renewed 20 s ago: still A's");

      clock.now = clock.now.plusSeconds(11);
      assertTrue(leases.tryAcquire("rebuild", "replica-b", length), "A stopped renewing: lapsed, B takes over");
      assertFalse(leases.tryAcquire("rebuild", "replica-a", length), "and A cannot take it back");

      leases.release("rebuild", "replica-a"); // not A's: nothing happens
      assertFalse(leases.tryAcquire("rebuild", "replica-a", length));
      leases.release("rebuild", "replica-b");
      assertTrue(leases.tryAcquire("rebuild", "replica-a", length), "released by B");
    }
  }
}
