package uk.safeguarding.guidance.http;

import uk.safeguarding.guidance.answer.AskService;
import uk.safeguarding.guidance.index.LibraryHolder;
import uk.safeguarding.guidance.index.Reindexer;
import uk.safeguarding.guidance.screen.ScreenService;
import uk.safeguarding.guidance.search.SearchService;

/**
 * The services the HTTP layer calls, built once at start-up. {@code admin} is null for a server
 * without the trainers' pages and API.
 */
public record Services(LibraryHolder library, Reindexer reindexer, SearchService search, AskService ask,
    ScreenService screen, AdminServices admin) {

  /** Without the trainers' pages and API. */
  public Services(LibraryHolder library, Reindexer reindexer, SearchService search, AskService ask,
      ScreenService screen) {
    this(library, reindexer, search, ask, screen, null);
  }
}
