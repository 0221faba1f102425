package uk.safeguarding.guidance.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import java.util.ArrayList;
import java.util.List;

/**
 * bge-small-en-v1.5 (quantised), 384 dimensions, loaded from the jar. Queries take the model's
 * retrieval instruction as a prefix; passages do not. Thread-safe; load once (about 35 MB).
 */
public final class BgeSmallEmbedder implements Embedder {

  static final String QUERY_PREFIX = "Represent this sentence for searching relevant passages: ";
  /** Texts handed to the model's workers at once: enough to keep every core busy to the end. */
  private static final int BATCH = 16;
  /**
   * What a text with nothing the tokenizer keeps is embedded as: the model fails on a text of only
   * spaces, control or format characters (a zero-width space), lone surrogates, private-use
   * characters, combining marks alone or U+FFFD, and such a
   * question is still screened and searched rather than answered with an error.
   */
  static final String NOTHING = "(no words)";

  private final BgeSmallModel model = new BgeSmallModel();

  @Override
  public String modelId() {
    return "bge-small-en-v1.5-q";
  }

  @Override
  public int dimension() {
    return BgeSmallModel.DIMENSION;
  }

  @Override
  public float[] embedQuery(String query) {
    return Vectors.normalise(model.embed(QUERY_PREFIX + query).content().vector());
  }

  @Override
  public List<float[]> embedQueries(List<String> queries) {
    return embedPassages(queries.stream().map(q -> QUERY_PREFIX + q).toList());
  }

  @Override
  public List<float[]> embedPassages(List<String> passages) {
    List<float[]> out = new ArrayList<>(passages.size());
    for (int i = 0; i < passages.size(); i += BATCH) {
      List<TextSegment> batch = passages.subList(i, Math.min(passages.size(), i + BATCH)).stream()
          .map(BgeSmallEmbedder::embeddable).map(TextSegment::from).toList();
      for (Embedding e : model.embedAll(batch).content()) {
        out.add(Vectors.normalise(e.vector()));
      }
    }
    return out;
  }

  /** {@code text}, or {@link #NOTHING} when it holds no character the model's tokenizer keeps. */
  static String embeddable(String text) {
    return text.codePoints().anyMatch(BgeSmallEmbedder::kept) ? text : NOTHING;
  }

  private static boolean kept(int cp) {
    int type = Character.getType(cp);
    return cp != 0xFFFD && !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && type != Character.CONTROL
        && type != Character.FORMAT && type != Character.SURROGATE && type != Character.UNASSIGNED
        && type != Character.PRIVATE_USE && type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
        && type != Character.COMBINING_SPACING_MARK;
  }
}
