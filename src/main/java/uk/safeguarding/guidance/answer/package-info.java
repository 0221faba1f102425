/**
 * Answers: extractive guidance points with citations, the decision between answering and saying
 * the library does not cover a question, urgency, the glossary and conversation context.
 */
package uk.safeguarding.guidance.answer;
