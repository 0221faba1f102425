package uk.safeguarding.guidance.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import uk.safeguarding.guidance.ops.ClockTime;
import java.time.Clock;
import java.time.Duration;

/**
 * Slows password guessing: after {@link #MAX_FAILURES} failed logins within {@link #WINDOW} for one
 * trainer name from one address, that pair is refused until the window has passed; an address that
 * fails {@link #MAX_ADDRESS_FAILURES} times across any names is refused too. A name alone is never
 * locked: otherwise anyone could lock a named trainer out for fifteen minutes (and, behind a proxy
 * whose address every request shares, every trainer). The counts are this process's own: behind a
 * load balancer each replica counts separately, so a guesser gets at most that many times the
 * attempts, which at PBKDF2's cost and these limits is still a handful an hour. Thread-safe.
 */
public final class LoginLimiter {

  public static final int MAX_FAILURES = 5;
  /** One address spraying many names: four names' worth of attempts. */
  public static final int MAX_ADDRESS_FAILURES = 20;
  public static final Duration WINDOW = Duration.ofMinutes(15);
  static final int MAX_KEYS = 10_000;

  /**
   * Failures allowed per key, as Bucket4j buckets that refill whole one {@link #WINDOW} after the
   * first failure (and each window after). A bucket unused for a window is full again and dropped.
   */
  private final Cache<String, Bucket> failures;
  private final TimeMeter time;

  public LoginLimiter(Clock clock) {
    this.time = new ClockTime(clock);
    this.failures = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(WINDOW)
        .ticker(time::currentTimeNanos).build();
  }

  /** Seconds until {@code ip} may try {@code name} again, or 0 when it may now. */
  public long retryAfter(String ip, String name) {
    return Math.max(wait(pair(ip, name)), wait(address(ip)));
  }

  private static String pair(String ip, String name) {
    return "pair:" + ip + "\n" + name;
  }

  private static String address(String ip) {
    return "ip:" + ip;
  }

  public void failed(String ip, String name) {
    failures.get(address(ip), k -> bucket(MAX_ADDRESS_FAILURES)).tryConsume(1);
    failures.get(pair(ip, name), k -> bucket(MAX_FAILURES)).tryConsume(1);
  }

  public void succeeded(String ip, String name) {
    failures.invalidate(pair(ip, name));
  }

  private Bucket bucket(int allowed) {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(allowed).refillIntervally(allowed, WINDOW))
        .withCustomTimePrecision(time)
        .build();
  }

  private long wait(String key) {
    Bucket bucket = failures.getIfPresent(key);
    if (bucket == null) {
      return 0;
    }
    EstimationProbe probe = bucket.estimateAbilityToConsume(1);
    return probe.canBeConsumed() ? 0 : Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
  }
}
