package uk.safeguarding.guidance.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import uk.safeguarding.guidance.ops.ClockTime;

/**
 * Requests per minute per client key, as Bucket4j token buckets that fill up again at each
 * minute of the clock (fixed one-minute windows). Memory is bounded: at most {@link #MAX_KEYS}
 * clients are tracked, and a bucket unused for a minute (full again anyway) is dropped, so a
 * forgotten client is never refused. Thread-safe.
 */
final class RateLimiter {

  static final int MAX_KEYS = 10_000;
  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final int perMinute;
  private final Clock clock;
  private final TimeMeter time;
  private final Cache<String, Bucket> buckets;

  RateLimiter(int perMinute, Clock clock) {
    this.perMinute = perMinute;
    this.clock = clock;
    this.time = new ClockTime(clock);
    this.buckets = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(WINDOW)
        .ticker(() -> clock.millis() * 1_000_000L).build();
  }

  /** Seconds to wait before retrying, or 0 when the request may go ahead (always 0 with no limit). */
  long retryAfter(String key) {
    if (perMinute <= 0) {
      return 0;
    }
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
}
