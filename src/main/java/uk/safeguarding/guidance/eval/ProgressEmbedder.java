package uk.safeguarding.guidance.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import uk.safeguarding.guidance.embed.Embedder;

/** Embeds passages in chunks, printing a progress line after each, for long evaluation runs. */
final class ProgressEmbedder implements Embedder {

  private static final int CHUNK = 256;
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
    for (int i = 0; i < passages.size(); i += CHUNK) {
      all.addAll(inner.embedPassages(passages.subList(i, Math.min(passages.size(), i + CHUNK))));
      if (passages.size() > CHUNK) {
        out.printf("  embedded %d/%d passages (%.0f s)%n", all.size(), passages.size(), (System.nanoTime() - start) / 1e9);
      }
    }
    return all;
  }
}
