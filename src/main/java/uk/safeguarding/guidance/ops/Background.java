package uk.safeguarding.guidance.ops;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * A model fitted beside another on the common pool (training fits independent, deterministic models one
 * after another; on two cores, side by side halves the wait) when the heap allows it
 * ({@link #SIDE_BY_SIDE_HEAP}), else in turn; its failure rethrown as itself rather than wrapped, so
 * callers and their messages see what the fit threw. Either way the models are the same to the bit.
 *
 * @param <T> what the work makes
 */
public final class Background<T> {

  /**
   * The smallest heap (-Xmx) on which fits run side by side: -Xmx1g and up (a little under 1 GiB, as the
   * JVM reports it). Each fit holds its own copy of its rows' features (the sentence scorers' 133,000
   * rows, the decision's and the safety screen's embeddings), and a first start trains the screen and
   * the answer step at once. Measured on the shipped corpus, first start, side by side (2026-12-07): at
   * -Xmx1g at most 568 MB live after a collection, models in 47 s; at -Xmx512m the heap stayed full
   * (510 MB after collections) for 53 s; at -Xmx384m Jetty's scheduler ran out of heap; at the README's
   * -Xmx256m the safety screen did. In turn, at -Xmx256m: 58 s, no error.
   */
  public static final long SIDE_BY_SIDE_HEAP = 1000L << 20;

  private final CompletableFuture<T> future;

  private Background(Supplier<T> work, boolean sideBySide) {
    CompletableFuture<T> f;
    if (sideBySide) {
      f = CompletableFuture.supplyAsync(work);
    } else {
      f = new CompletableFuture<>();
      try {
        f.complete(work.get());
      } catch (RuntimeException | Error e) {
        f.completeExceptionally(e);
      }
    }
    this.future = f;
  }

  /** Starts {@code work} on the common pool; on a heap below {@link #SIDE_BY_SIDE_HEAP}, runs it now. */
  public static <T> Background<T> start(Supplier<T> work) {
    return start(work, sideBySide());
  }

  /** Starts {@code work} on the common pool when {@code sideBySide}, else runs it now. */
  static <T> Background<T> start(Supplier<T> work, boolean sideBySide) {
    return new Background<>(work, sideBySide);
  }

  /** Whether the heap allows fits side by side ({@link #SIDE_BY_SIDE_HEAP}). */
  public static boolean sideBySide() {
    return Runtime.getRuntime().maxMemory() >= SIDE_BY_SIDE_HEAP;
  }

  /** The folds {@code 0..n-1}, fitted side by side on the common pool when the heap allows it. */
  public static IntStream folds(int n) {
    IntStream folds = IntStream.range(0, n);
    return sideBySide() ? folds.parallel() : folds;
  }

  /** Waits for the result; what the work threw is thrown here unwrapped. */
  public T join() {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
