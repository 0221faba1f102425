package uk.safeguarding.guidance.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed one-minute windows of requests per client key. Memory is bounded: when more than
 * {@link #MAX_KEYS} clients are tracked, the table is cleared (a reset, never a refusal).
 * Thread-safe.
 */
final class RateLimiter {

  static final int MAX_KEYS = 10_000;

  private record Window(long minute, AtomicInteger count) {}

  private final int perMinute;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  RateLimiter(int perMinute) {
    this.perMinute = perMinute;
  }

  /** Seconds to wait before retrying, or 0 when the request may go ahead. */
  long retryAfter(String key, long nowMillis) {
    if (perMinute <= 0) {
      return 0;
    }
    long minute = nowMillis / 60_000;
    if (windows.size() > MAX_KEYS) {
      windows.clear();
    }
    Window w = windows.compute(key, (k, old) -> old == null || old.minute() != minute
        ? new Window(minute, new AtomicInteger()) : old);
    if (w.count().incrementAndGet() <= perMinute) {
      return 0;
    }
    return Math.max(1, 60 - (nowMillis / 1000) % 60);
  }
}
