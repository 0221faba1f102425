/**
 * Trainers' curation of the corpus folder: validating and converting uploads, editing metadata,
 * replacing and deleting documents (to a trash folder), editing the synonyms and glossary files,
 * with atomic writes, a version check on every change, an audit entry for each, and a reindex
 * after. The corpus folder stays the source of truth; the index is rebuilt from it.
 */
package uk.safeguarding.guidance.curate;
