package uk.safeguarding.guidance.answer;

import java.util.List;
import uk.safeguarding.guidance.index.LibraryHolder;
import uk.safeguarding.guidance.search.QueryTerms;
import uk.safeguarding.guidance.search.SearchService;

/**
 * An answer made of the points picked from the scored passages: the quoted points and their citations
 * ({@link Citations}), one short lead naming where they come from, and "you could also ask" from the
 * passages after the top few. Thread-safe.
 */
final class AnswerComposer {

  /** "You could also ask" offers topics from the passages after the top few. */
  static final int RELATED = 3;

  private final LibraryHolder holder;
  private final SearchService search;

  AnswerComposer(LibraryHolder holder, SearchService search) {
    this.holder = holder;
    this.search = search;
  }

  /** The answer quoting the {@code picked} points of the scored passages. */
  Answer compose(String masked, String answerId, QueryTerms terms, List<Scored> scored,
      List<List<PointPicker.Candidate>> picked) {
    Citations.Quoted quoted;
    try (LibraryHolder.Lease lease = holder.acquire()) {
      quoted = Citations.quote(picked, lease.library(), search, terms.allTerms());
    }
    // The answer leads: one short line naming where it comes from, then the quoted points themselves.
    String lead = quoted.citations().isEmpty() ? "From the library:"
        : "From " + quoted.citations().get(0).document().title()
            + (quoted.documents() > 1 ? " and " + plural(quoted.documents() - 1, "other document") : "") + ":";
    List<String> related = scored.stream().skip(RELATED).map(s -> Suggestions.question(s.hit().passage()))
        .filter(h -> !h.isBlank()).distinct().limit(RELATED).toList();
    return Answer.of(answerId, masked, true, lead, quoted.points(), quoted.citations(), related);
  }

  static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
