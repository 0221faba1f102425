package uk.safeguarding.guidance.answer;

import uk.safeguarding.guidance.search.SearchHit;

/** A search hit with its rank and the share of the question's words its text and headings contain. */
record Scored(SearchHit hit, int rank, double coverage) {}
