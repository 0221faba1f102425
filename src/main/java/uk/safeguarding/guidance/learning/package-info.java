/**
 * The learning loop's memory: one embedded H2 database under the data folder holding feedback,
 * unanswered questions, the curation audit log, trainer accounts and API tokens; grouping of
 * questions that ask the same thing, CSV export and retention.
 */
package uk.safeguarding.guidance.learning;
