package uk.safeguarding.guidance.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@link #MAX_FAILURES} failed logins within {@link #WINDOW} for one
 * trainer name from one address, that pair is refused until the window has passed; an address that
 * fails {@link #MAX_ADDRESS_FAILURES} times across any names is refused too. A name alone is never
 * locked: otherwise anyone could lock a named trainer out for fifteen minutes (and, behind a proxy
 * whose address every request shares, every trainer). Thread-safe.
 */
public final class LoginLimiter {

  public static final int MAX_FAILURES = 5;
  /** One address spraying many names: four names' worth of attempts. */
  public static final int MAX_ADDRESS_FAILURES = 20;
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
    return Math.max(wait(pair(ip, name), now, MAX_FAILURES), wait("ip:" + ip, now, MAX_ADDRESS_FAILURES));
  }

  private static String pair(String ip, String name) {
    return "pair:" + ip + "\n" + name;
  }

  public void failed(String ip, String name) {
    Instant now = clock.instant();
    if (failures.size() > MAX_KEYS) {
      failures.clear();
    }
    for (String key : new String[] {"ip:" + ip, pair(ip, name)}) {
      int keep = key.startsWith("ip:") ? MAX_ADDRESS_FAILURES : MAX_FAILURES;
      failures.compute(key, (k, q) -> {
        Deque<Instant> d = q == null ? new ArrayDeque<>() : q;
        d.addLast(now);
        while (d.size() > keep) {
          d.removeFirst();
        }
        return d;
      });
    }
  }

  public void succeeded(String ip, String name) {
    failures.remove(pair(ip, name));
  }

  private long wait(String key, Instant now, int max) {
    long[] seconds = {0};
    failures.computeIfPresent(key, (k, d) -> {
      if (d.size() >= max) {
        Instant until = d.peekFirst().plus(WINDOW);
        seconds[0] = until.isAfter(now) ? Math.max(1, Duration.between(now, until).toSeconds()) : 0;
      }
      return d;
    });
    return seconds[0];
  }
}
