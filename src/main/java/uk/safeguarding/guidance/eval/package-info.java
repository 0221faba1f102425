/**
 * Measuring the search: practitioner question files (question + phrases that identify the
 * answering passage) and BEIR collections, scored with recall@k, MRR@10 and nDCG@10.
 */
package uk.safeguarding.guidance.eval;
