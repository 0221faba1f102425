/**
 * The Lucene side of the library: analysis (stemming, stop words, trainer-edited synonyms), the
 * mapping of passages to index fields, and the index lifecycle: build when the corpus changes,
 * reuse on restart, and swap atomically while searches continue.
 */
package uk.safeguarding.guidance.index;
