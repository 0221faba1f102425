package uk.safeguarding.guidance.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.guidance.ops.ClockTime;
import uk.safeguarding.guidance.ops.Hashes;

/**
 * Requests per minute per client key, in fixed one-minute windows of the clock. Counted in this
 * process ({@link #local}: Bucket4j token buckets), or, when replicas share a database
 * ({@link #shared}), in that database, so a client's allowance is the same behind one replica or
 * ten. Memory is bounded: at most {@link #MAX_KEYS} clients are tracked, and an entry unused for a
 * minute is dropped, so a forgotten client is never refused. Thread-safe.
 */
public final class RateLimiter {

  /** An allowance per key and window that every replica draws on (the shared database's quotas). */
  @FunctionalInterface
  public interface SharedAllowance {

    /**
     * Takes one from {@code key}'s allowance in the window starting at {@code windowStart} (epoch
     * milliseconds): false, taking nothing, when {@code limit} were taken already.
     */
    boolean tryTake(String key, long windowStart, int limit);
  }

  static final int MAX_KEYS = 10_000;
  static final Duration WINDOW = Duration.ofMinutes(1);
  private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);

  private final int perMinute;
  private final Clock clock;
  private final TimeMeter time;
  /** This process's own buckets: the whole limit when counting locally, the fallback when shared. */
  private final Cache<String, Bucket> buckets;
  /** Null when counting locally. */
  private final SharedAllowance shared;
  /**
   * Clients the shared count refused, and the window it refused them in: the rest of that window is
   * refused here without asking the database again, so a client hammering away costs it nothing.
   */
  private final Cache<String, Long> usedUp;
  /** The window in which the shared count last failed, so its outage is logged once a minute, not per request. */
  private final AtomicLong loggedOutage = new AtomicLong(Long.MIN_VALUE);

  private RateLimiter(int perMinute, Clock clock, SharedAllowance shared) {
    this.perMinute = perMinute;
    this.clock = clock;
    this.time = new ClockTime(clock);
    this.buckets = cache();
    this.shared = shared;
    this.usedUp = cache();
  }

  /** {@code perMinute} requests per client per minute, counted in this process; 0 for no limit. */
  public static RateLimiter local(int perMinute, Clock clock) {
    return new RateLimiter(perMinute, clock, null);
  }

  /**
   * {@code perMinute} requests per client per minute counted in {@code allowance}, which replicas
   * share; while it fails (the database is away) each replica counts on its own again.
   */
  public static RateLimiter shared(int perMinute, Clock clock, SharedAllowance allowance) {
    return new RateLimiter(perMinute, clock, allowance);
  }

  /** Seconds to wait before retrying, or 0 when the request may go ahead (always 0 with no limit). */
  long retryAfter(String key) {
    if (perMinute <= 0) {
      return 0;
    }
    return shared == null ? locally(key) : shared(key);
  }

  private long shared(String key) {
    long now = clock.millis();
    long window = now - Math.floorMod(now, WINDOW.toMillis());
    long untilNextWindow = Math.max(1, (window + WINDOW.toMillis() - now) / 1000);
    Long refusedIn = usedUp.getIfPresent(key);
    if (refusedIn != null && refusedIn == window) {
      return untilNextWindow;
    }
    try {
      // The database holds a hash of the client's address, never the address.
      if (shared.tryTake(Hashes.sha256Hex(key), window, perMinute)) {
        return 0;
      }
      usedUp.put(key, window);
      return untilNextWindow;
    } catch (RuntimeException e) {
      if (loggedOutage.getAndSet(window) != window) {
        LOG.warn("The shared rate limit could not be counted, so this replica counts on its own for now: {}",
            e.getMessage());
      }
      return locally(key);
    }
  }

  private long locally(String key) {
    ConsumptionProbe probe = buckets.get(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed() ? 0 : Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
  }

  private Bucket newBucket() {
    long nextMinute = (clock.millis() / WINDOW.toMillis() + 1) * WINDOW.toMillis();
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(perMinute)
            .refillIntervallyAligned(perMinute, WINDOW, Instant.ofEpochMilli(nextMinute)))
        .withCustomTimePrecision(time)
        .build();
  }

  private <V> Cache<String, V> cache() {
    return Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(WINDOW)
        .ticker(() -> clock.millis() * 1_000_000L).<String, V>build();
  }
}
