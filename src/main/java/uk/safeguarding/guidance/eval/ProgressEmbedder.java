package uk.safeguarding.guidance.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import uk.safeguarding.guidance.embed.Embedder;

/**
 * Embeds passages in chunks for long evaluation runs, printing a progress line at most every
 * {@value #EVERY_SECONDS} seconds and, for more than one chunk, one line at the end (so a run served
 * from the cache prints just that).
 */
final class ProgressEmbedder implements Embedder {

  private static final int CHUNK = 256;
  private static final int EVERY_SECONDS = 5;
  private final Embedder inner;
  private final PrintStream out;

  ProgressEmbedder(Embedder inner, PrintStream out) {
    this.inner = inner;
    this.out = out;
  }

  @Override
  public String modelId() {
    return inner.modelId();
  }

  @Override
  public int dimension() {
    return inner.dimension();
  }

  @Override
  public float[] embedQuery(String query) {
    return inner.embedQuery(query);
  }

  @Override
  public List<float[]> embedPassages(List<String> passages) {
    List<float[]> all = new ArrayList<>(passages.size());
    long start = System.nanoTime();
    long printed = start;
    for (int i = 0; i < passages.size(); i += CHUNK) {
      all.addAll(inner.embedPassages(passages.subList(i, Math.min(passages.size(), i + CHUNK))));
      long now = System.nanoTime();
      if (now - printed >= EVERY_SECONDS * 1_000_000_000L && all.size() < passages.size()) {
        out.printf("  embedded %d/%d passages (%.0f s)%n", all.size(), passages.size(), (now - start) / 1e9);
        printed = now;
      }
    }
    if (passages.size() > CHUNK) {
      out.printf("  embedded %d passages in %.1f s (unchanged ones come from the cache)%n", passages.size(),
          (System.nanoTime() - start) / 1e9);
    }
    return all;
  }
}
