package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NeighboursTest {

  private static Logistic.Input question(float... vector) {
    return new Logistic.Input(new double[] {7}, vector);
  }

  private static final List<Logistic.Input> EXAMPLES =
      List.of(question(1, 0), question(0.8f, 0.6f), question(0, 1), question(0.6f, 0.8f));
  private static final List<Boolean> LABELS = List.of(true, true, false, true);

  @Test
  void appends_the_mean_cosine_of_the_closest_answerable_examples_and_ignores_not_covered_ones() {
    Neighbours two = Neighbours.of(EXAMPLES, LABELS, 2);
    // Answerable cosines with (0, 1): 0, 0.6, 0.8; the not-covered example at 1.0 is not counted.
    assertArrayEquals(new double[] {7, 0.7}, two.with(question(0, 1)).figures(), 1e-6);
  }

  @Test
  void an_example_is_not_its_own_neighbour() {
    Neighbours one = Neighbours.of(EXAMPLES, LABELS, 1);
    List<Logistic.Input> out = one.leaveOneOut(EXAMPLES);
    assertArrayEquals(new double[] {7, 0.8}, out.get(0).figures(), 1e-6); // (1,0): closest other is (0.8,0.6)
    assertArrayEquals(new double[] {7, 0.96}, out.get(1).figures(), 1e-6); // (0.8,0.6)·(0.6,0.8)
    assertArrayEquals(new double[] {7, 0.8}, out.get(2).figures(), 1e-6); // not covered: every answerable one counts
  }

  @Test
  void a_question_without_an_embedding_gets_zero() {
    Neighbours n = Neighbours.of(EXAMPLES, LABELS, 3);
    assertArrayEquals(new double[] {7, 0}, n.with(new Logistic.Input(new double[] {7}, null)).figures());
  }

  @Test
  void needs_at_least_one_neighbour_and_the_same_examples() {
    assertEquals("Neighbours needs k >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> Neighbours.of(EXAMPLES, LABELS, 0)).getMessage());
    Neighbours n = Neighbours.of(EXAMPLES, LABELS, 1);
    assertEquals("Expected the 4 examples these neighbours were made of, got 1",
        assertThrows(IllegalArgumentException.class, () -> n.leaveOneOut(EXAMPLES.subList(0, 1))).getMessage());
  }
}
