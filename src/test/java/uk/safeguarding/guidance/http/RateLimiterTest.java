package uk.safeguarding.guidance.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.TestClock;

class RateLimiterTest {

  @Test
  void a_client_over_its_limit_waits_for_the_next_minute_of_the_clock() {
    TestClock clock = new TestClock(Instant.parse("2026-01-01T10:00:15Z"));
    RateLimiter limiter = new RateLimiter(3, clock);
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
    RateLimiter limiter = new RateLimiter(0, new TestClock(Instant.parse("2026-01-01T10:00:15Z")));
    for (int i = 0; i < 1_000; i++) {
      assertEquals(0, limiter.retryAfter("10.0.0.1"));
    }
  }
}
