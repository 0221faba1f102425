package uk.safeguarding.guidance.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.safeguarding.guidance.TestClock;
import uk.safeguarding.guidance.store.Database;
import uk.safeguarding.guidance.store.TestDatabase;

/** Sign-in failures counted in a database two replicas share, on H2 and on a real PostgreSQL. */
class LoginLimiterTest {

  @TempDir
  Path data;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void failures_on_either_replica_lock_the_name_and_address_on_both(TestDatabase product) {
    TestClock clock = new TestClock(Instant.parse("2026-01-01T08:00:00Z")); // the start of a 15-minute window
    try (Database db = Database.open(product.fresh(data))) {
      LoginLimiter a = LoginLimiter.shared(db, clock);
      LoginLimiter b = LoginLimiter.shared(db, clock);
      for (int i = 0; i < LoginLimiter.MAX_FAILURES - 1; i++) {
        (i % 2 == 0 ? a : b).failed("10.0.0.1", "alice");
      }
      assertEquals(0, a.retryAfter("10.0.0.1", "alice"));
      assertEquals(0, b.retryAfter("10.0.0.1", "alice"));
      b.failed("10.0.0.1", "alice");
      assertEquals(900, a.retryAfter("10.0.0.1", "alice"), "A saw only 2 of the 5 failures, yet refuses");
      assertEquals(900, b.retryAfter("10.0.0.1", "alice"));
      assertEquals(0, a.retryAfter("10.0.0.2", "alice"), "another address cannot lock alice out");
      assertEquals(0, a.retryAfter("10.0.0.1", "bob"), "the address may still sign in as someone else");

      clock.advance(Duration.ofMinutes(15));
      assertEquals(0, a.retryAfter("10.0.0.1", "alice"), "the window has passed");
      a.failed("10.0.0.1", "carol");
      b.succeeded("10.0.0.1", "carol");
      for (int i = 0; i < LoginLimiter.MAX_FAILURES - 1; i++) {
        a.failed("10.0.0.1", "carol");
      }
      assertEquals(0, b.retryAfter("10.0.0.1", "carol"), "a success on B forgave the failure before it");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void an_address_spraying_names_across_replicas_is_locked_for_every_name(TestDatabase product) {
    TestClock clock = new TestClock(Instant.parse("2026-01-01T08:00:00Z"));
    try (Database db = Database.open(product.fresh(data))) {
      List<LoginLimiter> replicas = List.of(LoginLimiter.shared(db, clock), LoginLimiter.shared(db, clock));
      for (int i = 0; i < LoginLimiter.MAX_ADDRESS_FAILURES; i++) {
        replicas.get(i % 2).failed("10.0.0.9", "name" + i);
      }
      for (LoginLimiter replica : replicas) {
        assertTrue(replica.retryAfter("10.0.0.9", "dave") > 0, "locked for a name never tried");
        assertEquals(0, replica.retryAfter("10.0.0.8", "dave"));
      }
    }
  }
}
