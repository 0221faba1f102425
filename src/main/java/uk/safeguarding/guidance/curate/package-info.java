/**
 * Trainers' curation of the corpus folder. {@code Curator} is the front door; behind it each room
 * has one job: {@code UploadPreparer} turns an upload into the bytes to store, in memory;
 * {@code DocumentFields} and {@code IdChoice} are its metadata and id; {@code DocumentFiles} keeps
 * versions, atomic writes and the trash; {@code LibraryTextFiles} the synonyms and glossary; an
 * {@code AuditTrail} records each change, and a reindex follows. The corpus folder stays the
 * source of truth; the index is rebuilt from it.
 */
package uk.safeguarding.guidance.curate;
