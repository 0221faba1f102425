package uk.safeguarding.guidance.http;

import uk.safeguarding.guidance.answer.AskService;
import uk.safeguarding.guidance.index.LibraryHolder;
import uk.safeguarding.guidance.index.Reindexer;
import uk.safeguarding.guidance.search.SearchService;

/** The services the HTTP layer calls, built once at start-up. */
public record Services(LibraryHolder library, Reindexer reindexer, SearchService search, AskService ask) {}
