/**
 * Turning a practitioner's words into a ranked list of passages: query building (analysis,
 * synonyms, quoted phrases, no query syntax to trip over), filters, facets and snippets.
 */
package uk.safeguarding.guidance.search;
