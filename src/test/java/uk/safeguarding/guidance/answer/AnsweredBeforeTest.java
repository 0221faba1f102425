package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.search.QueryTerms;
import uk.safeguarding.guidance.search.SearchHit;

class AnsweredBeforeTest {

  private static final QueryTerms TERMS =
      new QueryTerms(List.of(new QueryTerms.Word("neglect", Set.of("neglect"), 2, true)));

  private static SearchHit hit(String anchor) {
    return new SearchHit(new Passage("doc", anchor, List.of("Doc"), "Text of " + anchor + ".", 0), null, 1, "", 0.5);
  }

  /** An example question (a 2-number vector) that found passages a and b. */
  private static Candidates asked(float x, float y) {
    List<SearchHit> hits = List.of(hit("a"), hit("b"));
    return new Candidates(TERMS, new float[] {x, y}, hits, List.of(new double[0], new double[0]), List.of(1.0, 1.0));
  }

  private static String id(String anchor) {
    return hit(anchor).passage().id();
  }

  private static final List<Candidates> EXAMPLES = List.of(asked(1, 0), asked(0.6f, 0.8f), asked(0, 1));
  /** Example 0 answered by a, example 1 by a and b, example 2 teaches nothing. */
  private static final List<boolean[]> ANSWERS = Arrays.asList(new boolean[] {true, false},
      new boolean[] {true, true}, null);

  @Test
  void reads_the_closest_example_the_passage_answered() {
    AnsweredBefore before = AnsweredBefore.of(EXAMPLES, ANSWERS);
    float[] question = {0.8f, 0.6f};
    assertEquals(0.96, before.closest(id("a"), question, AnsweredBefore.NO_EXAMPLE), 1e-6); // example 1
    assertEquals(0.96, before.closest(id("b"), question, AnsweredBefore.NO_EXAMPLE), 1e-6);
    assertEquals(AnsweredBefore.NONE, before.closest("doc#unknown", question, AnsweredBefore.NO_EXAMPLE));
    assertEquals(AnsweredBefore.NONE, before.closest(id("a"), null, AnsweredBefore.NO_EXAMPLE));
  }

  @Test
  void an_example_is_left_out_of_its_own_figures() {
    AnsweredBefore before = AnsweredBefore.of(EXAMPLES, ANSWERS);
    float[] question = {0.6f, 0.8f};
    assertEquals(0.6, before.closest(id("a"), question, 1), 1e-6); // example 0 is what is left
    assertEquals(AnsweredBefore.NONE, before.closest(id("b"), question, 1));
  }

  @Test
  void needs_one_answer_list_per_example() {
    assertEquals("Expected one answer list per example: 3 examples, 1 answer lists",
        assertThrows(IllegalArgumentException.class, () -> AnsweredBefore.of(EXAMPLES, ANSWERS.subList(0, 1)))
            .getMessage());
  }
}
