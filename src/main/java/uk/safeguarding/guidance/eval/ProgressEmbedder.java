package uk.safeguarding.guidance.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import uk.safeguarding.guidance.embed.Embedder;
import uk.safeguarding.guidance.ops.Progress;

/**
 * Embeds passages in chunks for long evaluation runs, printing a progress line (rate, ETA) at most
 * every {@link Progress#EVERY} and, for more than one chunk, one line at the end (so a run served
 * from the cache prints just that).
 */
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

  /** The inner embedder's, so labelled examples come from its lasting cache as they do in the server. */
  @Override
  public List<float[]> embedQueries(List<String> queries) {
    return inner.embedQueries(queries);
  }

  @Override
  public float[] embedQuestionAsPassage(String question) {
    return inner.embedQuestionAsPassage(question);
  }

  @Override
  public List<float[]> embedPassages(List<String> passages) {
    List<float[]> all = new ArrayList<>(passages.size());
    long start = System.nanoTime();
    Progress progress = Progress.printed(out, "embedded", "passages", passages.size());
    for (int i = 0; i < passages.size(); i += CHUNK) {
      List<String> chunk = passages.subList(i, Math.min(passages.size(), i + CHUNK));
      all.addAll(inner.embedPassages(chunk));
      progress.advance(chunk.size());
    }
    if (passages.size() > CHUNK) {
      out.printf("  embedded %d passages in %.1f s (unchanged ones come from the cache)%n", passages.size(),
          (System.nanoTime() - start) / 1e9);
    }
    return all;
  }
}
