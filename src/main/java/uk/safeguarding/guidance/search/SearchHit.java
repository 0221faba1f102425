package uk.safeguarding.guidance.search;

import uk.safeguarding.guidance.corpus.DocumentMetadata;
import uk.safeguarding.guidance.corpus.Passage;

/**
 * One ranked passage.
 *
 * @param snippet the best window of the passage: HTML-escaped text with matched terms in {@code <mark>}
 */
public record SearchHit(Passage passage, DocumentMetadata document, float score, String snippet) {}
