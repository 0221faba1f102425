package uk.safeguarding.guidance.http;

import io.javalin.http.HttpResponseException;
import java.io.Serial;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Lets at most one search or answer per core be worked out at once, the rest waiting for a turn.
 * The work is all CPU (the query's embedding, Lucene, the reranker), so running more at once than
 * there are cores makes none of them faster: the scheduler then shares the cores out in slices, and
 * a long question (a 60-word case description costs several times a short one) is
 * stretched by every request beside it. Taken in turns, each request waits for those ahead and then
 * runs at full speed, which keeps the slowest answers much closer to the typical one under load
 * (BENCHMARKS §10, "one search per core"). A request that has waited {@link #MAX_WAIT_SECONDS} gets
 * a 503 with a JSON body rather than waiting on behind an overload. Thread-safe.
 */
final class WorkGate {

  /**
   * Longest wait for a turn: far beyond any queue a working server builds (hundreds of requests at
   * a few milliseconds each), so only a server with far more work than it can ever do turns
   * requests away, and they learn it in seconds, not at a client's time-out.
   */
  static final int MAX_WAIT_SECONDS = 10;

  /** No turn came (or the wait was cut short): a 503, which {@link WebServer} sends with Retry-After. */
  static final class Busy extends HttpResponseException {

    @Serial
    private static final long serialVersionUID = 1L;

    Busy(String message) {
      super(503, message);
    }
  }

  private final Semaphore turns;
  private final Duration maxWait;

  WorkGate(int concurrent, Duration maxWait) {
    this(concurrent, maxWait, false);
  }

  /**
   * {@code fair}: turns go to the longest waiter. Not fair, a request that arrives while a turn is free
   * takes it at once instead of the core idling while the longest waiter is woken to take it; waiters
   * still queue in order, but one can be overtaken again and again, which lengthens the slowest waits.
   * Which is better depends on how long a turn is against a hand-over (waking a thread, tens of
   * microseconds): see {@link #forEngine}.
   */
  WorkGate(int concurrent, Duration maxWait, boolean fair) {
    if (concurrent < 1) {
      throw new IllegalArgumentException("At least one request must be let through at once, not " + concurrent);
    }
    this.turns = new Semaphore(concurrent, fair);
    this.maxWait = maxWait;
  }

  /**
   * One turn per core this JVM may use; twice that against SolrCloud ({@code engine} "solrcloud"),
   * where each search also waits on the network and the cores would otherwise idle meanwhile.
   * Turns are fair when searches embed their query ({@code embedsQueries}, hybrid): a turn is then
   * several milliseconds of model run, a hand-over costs next to nothing beside it, and with fair turns
   * the slowest 1 % of unique hybrid searches at 8 connections took 61.1, 64.2, 62.6 and 58.8 ms against
   * 67.2, 70.9, 62.7 and 63.8 ms unfair, runs alternating in one sitting, at the same throughput
   * (BENCHMARKS §10, twenty-sixth session). On words alone a turn is a fraction of a millisecond, and
   * fair hand-overs cost BM25 searches 6–16 % of their rate.
   */
  static WorkGate forEngine(String engine, boolean embedsQueries) {
    int cores = Runtime.getRuntime().availableProcessors();
    return new WorkGate("embedded".equals(engine) ? cores : 2 * cores, Duration.ofSeconds(MAX_WAIT_SECONDS),
        embedsQueries);
  }

  /** Whether turns go to the longest waiter. */
  boolean fair() {
    return turns.isFair();
  }

  /** About how many requests are waiting for a turn (for tests and diagnostics). */
  int waiting() {
    return turns.getQueueLength();
  }

  /** {@code work}'s result, worked out in this request's turn. */
  <T> T inTurn(Supplier<T> work) {
    boolean got;
    try {
      got = turns.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Busy("The server is shutting down; try again shortly.");
    }
    if (!got) {
      throw new Busy(
          "The server is busier than it can serve; no turn came within " + waited() + ". Try again shortly.");
    }
    try {
      return work.get();
    } finally {
      turns.release();
    }
  }

  private String waited() {
    long ms = maxWait.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " seconds" : ms + " ms";
  }
}
