package uk.safeguarding.guidance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Allowances per key and window, on H2 and on a real PostgreSQL that two "replicas" share. */
class QuotasTest {

  static final long MINUTE = 60_000;
  static final long TEN_O_CLOCK = 1_798_797_600_000L; // 2027-01-01T10:00:00Z, a whole minute

  @TempDir
  Path data;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void a_key_gets_its_limit_per_window_and_other_keys_and_windows_their_own(TestDatabase product) {
    try (Database db = Database.open(product.fresh(data))) {
      Quotas quotas = new Quotas(db, "test");
      for (int i = 0; i < 3; i++) {
        assertTrue(quotas.tryTake("client-a", TEN_O_CLOCK, 3), "take " + (i + 1) + " of 3");
      }
      assertFalse(quotas.tryTake("client-a", TEN_O_CLOCK, 3), "the fourth");
      assertFalse(quotas.tryTake("client-a", TEN_O_CLOCK, 3), "and after");
      assertTrue(quotas.tryTake("client-b", TEN_O_CLOCK, 3), "another key");
      assertTrue(quotas.tryTake("client-a", TEN_O_CLOCK + MINUTE, 3), "the next window");
      assertEquals(List.of("test:client-a 3", "test:client-b 1", "test:client-a 1"), rows(db));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void windows_that_have_ended_are_deleted_keeping_the_one_just_ended(TestDatabase product) {
    try (Database db = Database.open(product.fresh(data))) {
      Quotas quotas = new Quotas(db, "test");
      quotas.tryTake("old", TEN_O_CLOCK, 5);
      quotas.tryTake("recent", TEN_O_CLOCK + MINUTE, 5);
      quotas.tryTake("now", TEN_O_CLOCK + 2 * MINUTE, 5);
      assertEquals(List.of("test:recent 1", "test:now 1"), rows(db), "10:00 deleted on the first take at 10:02");
      assertEquals(1, quotas.forgetBefore(TEN_O_CLOCK + 2 * MINUTE));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void scopes_keep_apart_and_a_cleared_key_has_its_whole_allowance_again(TestDatabase product) {
    try (Database db = Database.open(product.fresh(data))) {
      Quotas minutes = new Quotas(db, "api");
      Quotas quarters = new Quotas(db, "signin");
      assertTrue(quarters.tryTake("same-key", TEN_O_CLOCK, 2));
      assertTrue(quarters.tryTake("same-key", TEN_O_CLOCK, 2));
      assertTrue(minutes.tryTake("same-key", TEN_O_CLOCK, 2), "the same key in another scope is another quota");
      assertEquals(2, quarters.used("same-key", TEN_O_CLOCK));
      assertEquals(1, minutes.used("same-key", TEN_O_CLOCK));
      assertEquals(0, minutes.used("other-key", TEN_O_CLOCK));

      minutes.tryTake("same-key", TEN_O_CLOCK + MINUTE, 2);
      minutes.tryTake("same-key", TEN_O_CLOCK + 2 * MINUTE, 2); // deletes the api rows of 10:00
      assertEquals(0, minutes.used("same-key", TEN_O_CLOCK));
      assertEquals(2, quarters.used("same-key", TEN_O_CLOCK), "one scope's cleanup leaves another's rows");

      quarters.clear("same-key", TEN_O_CLOCK);
      assertEquals(0, quarters.used("same-key", TEN_O_CLOCK));
      assertTrue(quarters.tryTake("same-key", TEN_O_CLOCK, 2));
    }
  }

  @Test
  void two_replicas_taking_at_once_from_one_postgresql_never_exceed_the_limit() throws Exception {
    int limit = 37;
    int attempts = 200;
    DatabaseConfig shared = TestDatabase.POSTGRESQL.fresh(data);
    ExecutorService threads = Executors.newFixedThreadPool(2 * ConnectionPool.SIZE);
    try (Database a = Database.open(shared); Database b = Database.open(shared)) {
      List<Quotas> replicas = List.of(new Quotas(a, "test"), new Quotas(b, "test"));
      List<Future<Boolean>> takes = new ArrayList<>();
      for (int i = 0; i < attempts; i++) {
        Quotas replica = replicas.get(i % 2);
        takes.add(threads.submit(() -> replica.tryTake("busy-client", TEN_O_CLOCK, limit)));
      }
      int taken = 0;
      for (Future<Boolean> f : takes) {
        taken += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertEquals(limit, taken, "exactly the limit, however the takes interleaved");
      assertEquals(List.of("test:busy-client " + limit), rows(a));
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void a_key_too_long_for_the_table_is_refused_naming_the_parameter() {
    try (Database db = Database.open(TestDatabase.H2.fresh(data))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new Quotas(db, "test").tryTake("k".repeat(65), TEN_O_CLOCK, 1));
      assertEquals("The parameter 'key' must be 1 to 64 characters, got 65 characters.", e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> new Quotas(db, "a_b"));
      assertEquals("The parameter 'scope' must be 1 to 20 lower-case letters, got 'a_b'.", e.getMessage());
    }
  }

  static List<String> rows(Database db) {
    return db.use(c -> {
      List<String> out = new ArrayList<>();
      try (var rs = c.createStatement()
          .executeQuery("SELECT quota_key, used FROM quotas ORDER BY window_start, quota_key")) {
        while (rs.next()) {
          out.add(rs.getString(1) + " " + rs.getInt(2));
        }
      }
      return out;
    });
  }
}
