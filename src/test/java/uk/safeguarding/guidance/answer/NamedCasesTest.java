package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.index.Library;
import uk.safeguarding.guidance.index.LibraryHolder;

/** The case a question names, and which of the shipped library's passages are about it. */
class NamedCasesTest {

  @TempDir
  static Path data;
  static LibraryHolder holder;
  static Library library;
  /** Made for each test, after {@link #index} (JUnit makes the test instance after {@code @BeforeAll}). */
  final NamedCases cases = new NamedCases(holder);

  @BeforeAll
  static void index() {
    holder = ShippedLibrary.in(data);
    library = holder.acquire().library();
  }

  @AfterAll
  static void close() {
    holder.close();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "what did the child X review find?|x",
      "what did the Child J SCR find|j",
      "child q serious case review learning?|q",
      "baby alfie gateshead - who was the reviewer|alfie",
      "Child A review recommendations|a",
      "is the child a risk to her siblings|",
      "the child i visit has bruises|",
      "the child I visit has bruises|",
      "what should i do if a child u work with discloses|",
      "child protection plan for over two years|",
      "child sexual exploitation audit themes|",
      "child in need or s47|"})
  void a_question_names_a_case_by_a_letter_or_a_name_the_library_gives_one(String question, String named) {
    assertEquals(named == null ? Set.of() : Set.of(named), cases.named(library, question, null), question);
  }

  @Test
  void a_follow_up_carries_the_case_of_the_turn_it_leans_on_unless_it_names_its_own() {
    assertEquals(Set.of("alfie"), cases.named(library, "when was it signed off", "baby alfie gateshead review"));
    assertEquals(Set.of("x"), cases.named(library, "and what did the child x review find?", "child j findings"));
    assertEquals(Set.of(), cases.named(library, "when was it signed off", null));
  }

  @Test
  void a_passage_is_about_the_case_it_names_or_the_last_one_named_before_it_under_its_heading() {
    assertTrue(about("j", "3-serious-case-reviews"), "3.2 SCR Child J was published…");
    assertTrue(about("j", "3-serious-case-reviews-2"), "3.3 The review identified 12 Findings…, after 3.2");
    assertFalse(about("k", "3-serious-case-reviews-2"));
    assertTrue(about("k", "3-serious-case-reviews-9"), "3.12 SCR Child K…");
    assertTrue(about("s", "5-2-child-s-serious-injury-june-2016-2"), "under the heading 5.2 Child S");
    assertTrue(about("s", "5-3-learning-from-the-case"), "5.3 Learning from the case follows 5.2 Child S");
    assertFalse(about("k", "6-section-11-and-challenge"), "Child K, named last in chapter 3, is not chapter 6's");
    assertFalse(about("x", "3-serious-case-reviews"));
    assertFalse(about("j", "5-2-child-s-serious-injury-june-2016-2"));
  }

  @Test
  void only_points_about_the_named_case_are_kept_and_none_when_the_library_has_no_such_case() {
    List<List<PointPicker.Candidate>> picked = List.of(List.of(point("3-serious-case-reviews-2")),
        List.of(point("5-2-child-s-serious-injury-june-2016-2")));
    assertEquals(List.of(picked.get(0)), cases.about(Set.of("j"), picked, List.of(), library));
    assertEquals(List.of(picked.get(1)), cases.about(Set.of("s"), picked, List.of(), library));
    assertEquals(List.of(), cases.about(Set.of("x"), picked, List.of(), library));
  }

  private boolean about(String c, String anchor) {
    return cases.isAbout(Set.of(c), passage(anchor), library);
  }

  private static Passage passage(String anchor) {
    return library.passage(ShippedLibrary.NEWCASTLE + anchor);
  }

  private static PointPicker.Candidate point(String anchor) {
    return new PointPicker.Candidate("a sentence", passage(anchor), 1, 0, 1, Set.of(), 3, PointKind.LEARNED);
  }
}
