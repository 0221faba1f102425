package uk.safeguarding.guidance.embed;

import java.util.List;

/** Turns text into unit-length vectors. Implementations are thread-safe. */
public interface Embedder {

  /** Identifies the model and its settings; part of cache keys and the index hash. */
  String modelId();

  int dimension();

  /** A search query (models such as bge add an instruction prefix to queries only). */
  float[] embedQuery(String query);

  /**
   * Several queries, in order, embedded as {@link #embedQuery} would; implementations may batch
   * them or keep them in a lasting cache (they are fixed texts such as labelled examples, never
   * practitioners' questions).
   */
  default List<float[]> embedQueries(List<String> queries) {
    return queries.stream().map(this::embedQuery).toList();
  }

  /**
   * Passages, in order. Implementations may keep them in a lasting cache: they are the library's
   * text or fixed examples, never practitioners' questions (see {@link #embedQuestionAsPassage}).
   */
  List<float[]> embedPassages(List<String> passages);

  /**
   * A practitioner's question embedded as a passage would be (the safety screen reads both views).
   * Like {@link #embedQuery}, never kept beyond memory: a question must not reach a lasting cache.
   */
  default float[] embedQuestionAsPassage(String question) {
    return embedPassages(List.of(question)).get(0);
  }
}
