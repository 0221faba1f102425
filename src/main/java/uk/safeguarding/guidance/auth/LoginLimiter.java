package uk.safeguarding.guidance.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@link #MAX_FAILURES} failed logins within {@link #WINDOW} from
 * one address, or for one trainer name, further attempts are refused until the window has passed.
 * Thread-safe.
 */
public final class LoginLimiter {

  public static final int MAX_FAILURES = 5;
  public static final Duration WINDOW = Duration.ofMinutes(15);
  static final int MAX_KEYS = 10_000;

  private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  public LoginLimiter(Clock clock) {
    this.clock = clock;
  }

  /** Seconds until {@code ip} may try {@code name} again, or 0 when it may now. */
  public long retryAfter(String ip, String name) {
    Instant now = clock.instant();
    return Math.max(wait("ip:" + ip, now), wait("user:" + name, now));
  }

  public void failed(String ip, String name) {
    Instant now = clock.instant();
    if (failures.size() > MAX_KEYS) {
      failures.clear();
    }
    for (String key : new String[] {"ip:" + ip, "user:" + name}) {
      failures.compute(key, (k, q) -> {
        Deque<Instant> d = q == null ? new ArrayDeque<>() : q;
        d.addLast(now);
        while (d.size() > MAX_FAILURES) {
          d.removeFirst();
        }
        return d;
      });
    }
  }

  public void succeeded(String ip, String name) {
    failures.remove("ip:" + ip);
    failures.remove("user:" + name);
  }

  private long wait(String key, Instant now) {
    long[] seconds = {0};
    failures.computeIfPresent(key, (k, d) -> {
      if (d.size() >= MAX_FAILURES) {
        Instant until = d.peekFirst().plus(WINDOW);
        seconds[0] = until.isAfter(now) ? Math.max(1, Duration.between(now, until).toSeconds()) : 0;
      }
      return d;
    });
    return seconds[0];
  }
}
