/**
 * The safety screen: decides whether a question describes a child in danger now, so the page can
 * say first who to contact. A logistic regression learned at start-up from labelled example
 * situations (shipped in the jar, extendable by trainers), over the sentence embedding and lexical
 * features. Depends on {@code embed} only.
 */
package uk.safeguarding.guidance.screen;
