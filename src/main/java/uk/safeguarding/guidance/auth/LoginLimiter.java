package uk.safeguarding.guidance.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.guidance.ops.ClockTime;
import uk.safeguarding.guidance.ops.Hashes;
import uk.safeguarding.guidance.store.Database;
import uk.safeguarding.guidance.store.Quotas;
import java.time.Clock;
import java.time.Duration;

/**
 * Slows password guessing: after {@link #MAX_FAILURES} failed logins within {@link #WINDOW} for one
 * trainer name from one address, that pair is refused until the window has passed; an address that
 * fails {@link #MAX_ADDRESS_FAILURES} times across any names is refused too. A name alone is never
 * locked: otherwise anyone could lock a named trainer out for fifteen minutes (and, behind a proxy
 * whose address every request shares, every trainer). Each process counts failures itself; replicas
 * sharing a database ({@link #shared}) also count them there, in fixed {@link #WINDOW}s of the clock,
 * so a guesser gets the same attempts behind ten replicas as behind one, and a wait is the longer of
 * the two counts'. While the database is away each replica goes on with its own count. The database
 * holds a SHA-256 of the address and name, not them. Thread-safe.
 */
public final class LoginLimiter {

  public static final int MAX_FAILURES = 5;
  /** One address spraying many names: four names' worth of attempts. */
  public static final int MAX_ADDRESS_FAILURES = 20;
  public static final Duration WINDOW = Duration.ofMinutes(15);
  static final int MAX_KEYS = 10_000;
  /** The shared quotas' scope for sign-in failures. */
  static final String QUOTA_SCOPE = "signin";
  private static final Logger LOG = LoggerFactory.getLogger(LoginLimiter.class);

  /**
   * Failures allowed per key, as Bucket4j buckets that refill whole one {@link #WINDOW} after the
   * first failure (and each window after). A bucket unused for a window is full again and dropped.
   */
  private final Cache<String, Bucket> failures;
  private final TimeMeter time;
  private final Clock clock;
  /** The failures every replica sees, or null when this process's count is the only one. */
  private final Quotas shared;

  /** Failures counted in this process alone (one replica). */
  public LoginLimiter(Clock clock) {
    this(clock, null);
  }

  private LoginLimiter(Clock clock, Quotas shared) {
    this.clock = clock;
    this.time = new ClockTime(clock);
    this.failures = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(WINDOW)
        .ticker(time::currentTimeNanos).build();
    this.shared = shared;
  }

  /** Failures counted in {@code database} too, which replicas share. */
  public static LoginLimiter shared(Database database, Clock clock) {
    return new LoginLimiter(clock, new Quotas(database, QUOTA_SCOPE));
  }

  /** Seconds until {@code ip} may try {@code name} again, or 0 when it may now. */
  public long retryAfter(String ip, String name) {
    long local = Math.max(wait(pair(ip, name)), wait(address(ip)));
    return Math.max(local, sharedWait(ip, name));
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
    if (shared != null) {
      long window = windowStart();
      onSharedCount(() -> {
        shared.tryTake(Hashes.sha256Hex(address(ip)), window, MAX_ADDRESS_FAILURES);
        shared.tryTake(Hashes.sha256Hex(pair(ip, name)), window, MAX_FAILURES);
        return 0L;
      });
    }
  }

  public void succeeded(String ip, String name) {
    failures.invalidate(pair(ip, name));
    if (shared != null) {
      long window = windowStart();
      onSharedCount(() -> {
        shared.clear(Hashes.sha256Hex(pair(ip, name)), window);
        return 0L;
      });
    }
  }

  /** The wait the shared count imposes: to the end of the window once either allowance is used up. */
  private long sharedWait(String ip, String name) {
    if (shared == null) {
      return 0;
    }
    long window = windowStart();
    return onSharedCount(() -> {
      boolean locked = shared.used(Hashes.sha256Hex(pair(ip, name)), window) >= MAX_FAILURES
          || shared.used(Hashes.sha256Hex(address(ip)), window) >= MAX_ADDRESS_FAILURES;
      return locked ? Math.max(1, (window + WINDOW.toMillis() - clock.millis()) / 1000) : 0L;
    });
  }

  private long windowStart() {
    long now = clock.millis();
    return now - Math.floorMod(now, WINDOW.toMillis());
  }

  /** Runs a step on the shared count; if the database fails, this process's own count stands alone. */
  private long onSharedCount(java.util.function.LongSupplier step) {
    try {
      return step.getAsLong();
    } catch (RuntimeException e) {
      LOG.warn("The shared sign-in failure count could not be used; this replica counts on its own for now: {}",
          e.getMessage());
      return 0;
    }
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
