package uk.safeguarding.guidance.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.TestClock;

class RateLimiterTest {

  /** A shared allowance kept in a map, recording the keys it was asked about. */
  static final class MapAllowance implements RateLimiter.SharedAllowance {

    final Map<String, Integer> used = new HashMap<>();
    final List<String> asked = new ArrayList<>();
    boolean down;

    @Override
    public boolean tryTake(String key, long windowStart, int limit) {
      if (down) {
        throw new IllegalStateException("Learning database error: connection refused");
      }
      asked.add(key);
      String row = windowStart + "/" + key;
      if (used.getOrDefault(row, 0) >= limit) {
        return false;
      }
      used.merge(row, 1, Integer::sum);
      return true;
    }
  }

  @Test
  void a_client_over_its_limit_waits_for_the_next_minute_of_the_clock() {
    TestClock clock = new TestClock(Instant.parse("2026-01-01T10:00:15Z"));
    RateLimiter limiter = RateLimiter.local(3, clock);
    for (int i = 0; i < 3; i++) {
      assertEquals(0, limiter.retryAfter("10.0.0.1"));
    }
    assertEquals(45, limiter.retryAfter("10.0.0.1"), "refused until 10:01:00");
    assertEquals(0, limiter.retryAfter("10.0.0.2"), "another client has its own allowance");
    clock.set(Instant.parse("2026-01-01T10:00:59Z"));
    assertEquals(1, limiter.retryAfter("10.0.0.1"));
    clock.set(Instant.parse("2026-01-01T10:01:00Z"));
    assertEquals(0, limiter.retryAfter("10.0.0.1"), "a new minute, a new allowance");
  }

  @Test
  void a_limit_of_0_lets_everything_through() {
    TestClock clock = new TestClock(Instant.parse("2026-01-01T10:00:15Z"));
    MapAllowance allowance = new MapAllowance();
    for (RateLimiter limiter : List.of(RateLimiter.local(0, clock), RateLimiter.shared(0, clock, allowance))) {
      for (int i = 0; i < 1_000; i++) {
        assertEquals(0, limiter.retryAfter("10.0.0.1"));
      }
    }
    assertEquals(List.of(), allowance.asked, "no limit: the database is not asked");
  }

  @Test
  void two_replicas_drawing_on_one_shared_allowance_let_a_client_through_as_often_as_one() {
    TestClock clock = new TestClock(Instant.parse("2026-01-01T10:00:15Z"));
    MapAllowance allowance = new MapAllowance();
    RateLimiter a = RateLimiter.shared(3, clock, allowance);
    RateLimiter b = RateLimiter.shared(3, clock, allowance);
    assertEquals(0, a.retryAfter("10.0.0.1"));
    assertEquals(0, b.retryAfter("10.0.0.1"));
    assertEquals(0, a.retryAfter("10.0.0.1"));
    assertEquals(45, b.retryAfter("10.0.0.1"), "the fourth request, on either replica, waits until 10:01:00");
    assertEquals(45, a.retryAfter("10.0.0.1"));
    assertEquals(0, b.retryAfter("10.0.0.2"), "another client has its own allowance");
    clock.set(Instant.parse("2026-01-01T10:01:00Z"));
    assertEquals(0, b.retryAfter("10.0.0.1"), "a new minute, a new allowance");
  }

  @Test
  void the_shared_allowance_sees_only_a_hash_of_the_address_and_is_not_asked_again_once_used_up() {
    TestClock clock = new TestClock(Instant.parse("2026-01-01T10:00:15Z"));
    MapAllowance allowance = new MapAllowance();
    RateLimiter limiter = RateLimiter.shared(2, clock, allowance);
    for (int i = 0; i < 100; i++) {
      limiter.retryAfter("192.0.2.44");
    }
    assertEquals(3, allowance.asked.size(), "two taken, one refused; the other 97 refused from memory");
    assertTrue(allowance.asked.stream().allMatch(k -> k.matches("[0-9a-f]{64}")), allowance.asked.toString());
    assertTrue(allowance.asked.stream().noneMatch(k -> k.contains("192.0.2.44")));
  }

  @Test
  void while_the_shared_allowance_fails_each_replica_counts_on_its_own() {
    TestClock clock = new TestClock(Instant.parse("2026-01-01T10:00:15Z"));
    MapAllowance allowance = new MapAllowance();
    allowance.down = true;
    RateLimiter limiter = RateLimiter.shared(3, clock, allowance);
    for (int i = 0; i < 3; i++) {
      assertEquals(0, limiter.retryAfter("10.0.0.1"), "not refused because the database is away");
    }
    assertEquals(45, limiter.retryAfter("10.0.0.1"), "but still limited, by this replica's own count");
  }
}
