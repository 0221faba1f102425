package uk.safeguarding.guidance.search;

import java.util.OptionalDouble;
import uk.safeguarding.guidance.corpus.DocumentMetadata;
import uk.safeguarding.guidance.corpus.Passage;

/**
 * One ranked passage.
 *
 * @param score   BM25, or the fused score in hybrid mode
 * @param snippet the best window of the passage: HTML-escaped text with matched terms in {@code <mark>}
 * @param similarity the passage's embedding similarity (cosine) to the query; empty when the search
 *                   ran on words alone (lexical mode, or a library without vectors)
 */
public record SearchHit(Passage passage, DocumentMetadata document, float score, String snippet,
    OptionalDouble similarity) {

  /** With a similarity; for tests and tools that have one. */
  public SearchHit(Passage passage, DocumentMetadata document, float score, String snippet, double similarity) {
    this(passage, document, score, snippet, OptionalDouble.of(similarity));
  }
}
