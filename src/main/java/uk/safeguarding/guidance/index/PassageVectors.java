package uk.safeguarding.guidance.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.guidance.corpus.Corpus;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.embed.Embedder;
import uk.safeguarding.guidance.ops.Progress;

/**
 * The dense side of indexing: what the model embeds for a passage, and every passage's vector,
 * embedded in chunks with a progress line. Stateless, thread-safe as its embedder is.
 */
public final class PassageVectors {

  private static final Logger LOG = LoggerFactory.getLogger(PassageVectors.class);

  /** Passages embedded per call: large enough to keep the model's batches full, small enough for progress lines. */
  private static final int EMBED_CHUNK = 64;

  private PassageVectors() {}

  /** What the model embeds for a passage: where it sits (its headings) and what it says. */
  public static String embeddingText(Passage passage) {
    return String.join(Passage.PATH_SEPARATOR, passage.subPath()) + "\n" + passage.text();
  }

  /**
   * Every passage's unit-length embedding by passage id, or null when {@code embedder} is null
   * (BM25 only). Unchanged passages come from the embedder's cache, so reopening costs no model runs.
   */
  static Map<String, float[]> of(Embedder embedder, Corpus corpus, Map<String, List<Passage>> passages) {
    if (embedder == null) {
      return null;
    }
    List<Passage> all = new ArrayList<>();
    corpus.documents().forEach(d -> all.addAll(passages.get(d.id())));
    List<String> texts = all.stream().map(PassageVectors::embeddingText).toList();
    // In chunks, for a progress line on a large corpus.
    List<float[]> vs = new ArrayList<>(texts.size());
    Progress progress = Progress.logged(LOG, "Embedding passages", "passages", texts.size());
    for (int i = 0; i < texts.size(); i += EMBED_CHUNK) {
      List<String> chunk = texts.subList(i, Math.min(texts.size(), i + EMBED_CHUNK));
      vs.addAll(embedder.embedPassages(chunk));
      progress.advance(chunk.size());
    }
    progress.finish();
    Map<String, float[]> out = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      out.put(all.get(i).id(), vs.get(i));
    }
    return out;
  }
}
