-- The corpus of record when replicas share this database: every file of the corpus folder (documents,
-- synonyms.txt, glossary.txt) by its path in the folder, with its SHA-256 and bytes. Each replica
-- mirrors this table into its own corpus folder and pushes its trainers' changes back (curate/CorpusMirror).
-- `updated`: epoch milliseconds of the last change.
CREATE TABLE corpus_files (
  path VARCHAR(500) PRIMARY KEY,
  sha256 VARCHAR(64) NOT NULL,
  content BYTEA NOT NULL,
  updated BIGINT NOT NULL
);
