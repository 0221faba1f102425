package uk.safeguarding.guidance.ops;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A model fitted beside another on the common pool (training fits independent, deterministic models one
 * after another; on two cores, side by side halves the wait), its failure rethrown as itself rather
 * than wrapped, so callers and their messages see what the fit threw.
 *
 * @param <T> what the work makes
 */
public final class Background<T> {

  private final CompletableFuture<T> future;

  private Background(Supplier<T> work) {
    this.future = CompletableFuture.supplyAsync(work);
  }

  /** Starts {@code work} on the common pool. */
  public static <T> Background<T> start(Supplier<T> work) {
    return new Background<>(work);
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
