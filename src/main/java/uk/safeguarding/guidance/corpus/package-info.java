/**
 * The guidance library's source of truth: documents on disk (Markdown, HTML, plain text), their
 * metadata, and the split of each document into passages that stand alone as cited excerpts.
 * Nothing here knows about Lucene or HTTP.
 */
package uk.safeguarding.guidance.corpus;
