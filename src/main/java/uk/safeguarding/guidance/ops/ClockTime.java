package uk.safeguarding.guidance.ops;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;

/** Bucket4j's (and Caffeine's) time from a {@link Clock}, so tests can move it. */
public record ClockTime(Clock clock) implements TimeMeter {

  @Override
  public long currentTimeNanos() {
    return clock.millis() * 1_000_000L;
  }

  @Override
  public boolean isWallClockBased() {
    return true;
  }
}
