/**
 * The learning loop's memory: feedback, unanswered questions and the curation audit log, kept in
 * the {@code store} package's database; grouping of questions that ask the same thing, CSV export
 * and retention.
 */
package uk.safeguarding.guidance.learning;
