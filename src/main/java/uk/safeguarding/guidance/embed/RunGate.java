package uk.safeguarding.guidance.embed;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Admits at most a fixed number of model runs at once, first come first served; the rest wait their
 * turn. A request's query is embedded on the request's own thread, and with more requests in flight
 * than cores their runs used to time-slice, so a long question shared its core with three others
 * for its whole run; admitted in turn, each run finishes at a full core's speed. Thread-safe.
 */
final class RunGate {

  /**
   * One run per core: each run uses a single thread ({@link BgeSmallModel}), so this many keep every
   * core busy, and one more would only share a core and slow the runs already going.
   */
  static final int PER_CORE = Runtime.getRuntime().availableProcessors();

  private final Semaphore permits;

  RunGate(int permits) {
    if (permits < 1) {
      throw new IllegalArgumentException("The parameter 'permits' must be at least 1, was " + permits);
    }
    // Fair: a question waits at most for those that came before it, never for later arrivals.
    this.permits = new Semaphore(permits, true);
  }

  /** {@code run}'s result, once a permit is free; the permit is given back however {@code run} ends. */
  <T> T run(Supplier<T> run) {
    // Uninterruptibly: a wait is at most a few runs (milliseconds), and a request's search goes on.
    permits.acquireUninterruptibly();
    try {
      return run.get();
    } finally {
      permits.release();
    }
  }
}
