/**
 * Answers: extractive guidance points with citations, the decision between answering and saying
 * the library does not cover a question and the choice of sentences (both learned from labelled
 * questions, {@code LearnedModels}), urgency, the glossary and conversation context.
 */
package uk.safeguarding.guidance.answer;
