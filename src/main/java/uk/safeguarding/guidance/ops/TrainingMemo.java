package uk.safeguarding.guidance.ops;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Trained models remembered for the life of the process, keyed by everything they are trained from
 * (the caller builds the key: the labelled examples, the embedding model, the library searched).
 * Training is deterministic, so a second server in the same process over the same inputs (a test run
 * starts dozens) reuses the models instead of spending seconds to a minute training the same ones
 * again. One memo per kind of model; thread-safe.
 *
 * @param <V> the trained models, immutable
 */
public final class TrainingMemo<V> {

  /**
   * How many trainings each memo remembers: a running server needs its current one, and one more lets
   * inputs changed and changed back (a document retired and restored) skip training.
   */
  public static final int REMEMBERED = 2;

  /** Soft values: the collector may drop a remembered training under memory pressure; serving holds its own. */
  private final Cache<String, V> memo = Caffeine.newBuilder().maximumSize(REMEMBERED).softValues().build();

  /** Forgets every training remembered, as a restart of the process would (for tests of what a restart reads). */
  public void forget() {
    memo.invalidateAll();
  }

  /** Why a training failed, for /health: out of memory names its remedy, anything else its own message. */
  public static String whyFailed(Throwable e) {
    return e instanceof OutOfMemoryError ? "out of memory: give the server more heap, -Xmx" : e.getMessage();
  }

  /** A digest of {@code examples} by their {@code toString} (records: every field), with their count. */
  public static String digest(List<?> examples) {
    return examples.size() + ":" + Hashes.sha256Hex(examples.toString());
  }

  /**
   * The models remembered for {@code key}, else those {@code training} makes, remembered only when
   * {@code unchanged} still holds after training (nothing it read moved underneath).
   */
  public V get(String key, Supplier<V> training, BooleanSupplier unchanged) {
    V known = memo.getIfPresent(key);
    if (known != null) {
      return known;
    }
    V trained = training.get();
    if (unchanged.getAsBoolean()) {
      memo.put(key, trained);
    }
    return trained;
  }
}
