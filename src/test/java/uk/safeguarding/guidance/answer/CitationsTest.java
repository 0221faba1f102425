package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.index.Library;
import uk.safeguarding.guidance.index.LibraryHolder;
import uk.safeguarding.guidance.search.SearchService;

/** Citations number the sources of the points: one card per section of a document, on the shipped library. */
class CitationsTest {

  @TempDir
  static Path data;
  static LibraryHolder holder;
  static Library library;
  static SearchService search;

  @BeforeAll
  static void index() {
    holder = ShippedLibrary.in(data);
    library = holder.acquire().library();
    search = new SearchService(holder);
  }

  @AfterAll
  static void close() {
    holder.close();
  }

  @Test
  void points_from_two_passages_of_one_section_cite_one_card_quoting_both_in_document_order() {
    Passage later = library.passage(ShippedLibrary.NEWCASTLE + "3-serious-case-reviews-2");
    Passage earlier = library.passage(ShippedLibrary.NEWCASTLE + "3-serious-case-reviews");
    Passage elsewhere = library.passage(ShippedLibrary.NEWCASTLE + "5-3-learning-from-the-case");
    assertEquals(earlier.section(), later.section(), "the fixture: one section split into two passages");

    Citations.Quoted quoted = Citations.quote(
        List.of(List.of(candidate(later)), List.of(candidate(elsewhere)), List.of(candidate(earlier))), library,
        search, Set.of());

    assertEquals(2, quoted.citations().size(), quoted.citations().toString());
    assertEquals(List.of(List.of(1), List.of(2), List.of(1)),
        quoted.points().stream().map(Answer.Point::citations).toList());
    assertEquals(List.of(List.of(later.id()), List.of(elsewhere.id()), List.of(earlier.id())),
        quoted.points().stream().map(Answer.Point::passageIds).toList(), "each point names its own passage");
    Answer.Citation card = quoted.citations().get(0);
    assertEquals(List.of(earlier, later), card.passages());
    assertEquals(earlier, card.passage(), "the card links to the section's first quoted passage");
    String excerpt = card.excerpt();
    int first = excerpt.indexOf(firstSentence(earlier));
    int second = excerpt.indexOf(firstSentence(later));
    assertTrue(first >= 0 && second > first, excerpt);
    assertTrue(excerpt.contains("\n\n"), "the two windows are separate paragraphs: " + excerpt);
    assertEquals(List.of(elsewhere), quoted.citations().get(1).passages());
    assertEquals(1, quoted.documents());
  }

  @Test
  void a_point_quoting_two_passages_of_one_section_cites_its_card_once() {
    Passage earlier = library.passage(ShippedLibrary.NEWCASTLE + "3-serious-case-reviews");
    Passage later = library.passage(ShippedLibrary.NEWCASTLE + "3-serious-case-reviews-2");

    Citations.Quoted quoted =
        Citations.quote(List.of(List.of(candidate(earlier), candidate(later))), library, search, Set.of());

    assertEquals(List.of(1), quoted.points().get(0).citations());
    assertEquals(List.of(earlier.id(), later.id()), quoted.points().get(0).passageIds());
    assertEquals(1, quoted.citations().size());
  }

  private static PointPicker.Candidate candidate(Passage p) {
    return new PointPicker.Candidate(firstSentence(p), p, 0, 0, 1.0, Set.of(), 1, PointKind.LEARNED);
  }

  private static String firstSentence(Passage p) {
    String text = p.text();
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }
}
