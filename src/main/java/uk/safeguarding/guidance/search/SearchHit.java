package uk.safeguarding.guidance.search;

import uk.safeguarding.guidance.corpus.DocumentMetadata;
import uk.safeguarding.guidance.corpus.Passage;

/**
 * One ranked passage.
 *
 * @param score   BM25, or the fused score in hybrid mode
 * @param snippet the best window of the passage: HTML-escaped text with matched terms in {@code <mark>}
 * @param cosine  the passage's embedding similarity to the query, or NaN when dense retrieval is off
 */
public record SearchHit(Passage passage, DocumentMetadata document, float score, String snippet, float cosine) {}
