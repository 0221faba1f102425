/**
 * The guidance library's source of truth: documents on disk (Markdown, HTML, plain text, PDF), their
 * metadata, and the split of each document into passages that stand alone as cited excerpts.
 * Structure and metadata the documents state themselves (layout, furniture, tables, "Published by")
 * are recovered here too. Nothing here knows about Lucene or HTTP.
 */
package uk.safeguarding.guidance.corpus;
