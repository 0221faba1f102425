package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleNeighboursTest {

  private static Logistic.Input at(float x, float y) {
    return new Logistic.Input(new double[] {0.5}, new float[] {x, y});
  }

  /** Four answerable examples along x, four not covered along y, one example without an embedding. */
  private static final List<Logistic.Input> EXAMPLES = List.of(at(1, 0), at(0.8f, 0.6f), at(0.6f, 0.8f), at(0.6f, 0.8f),
      at(0, 1), at(0.6f, 0.8f), at(0.8f, 0.6f), at(0.28f, 0.96f), new Logistic.Input(new double[] {0.5}, null));
  private static final List<Boolean> LABELS = List.of(true, true, true, true, false, false, false, false, false);

  @Test
  void reads_the_mean_cosine_of_the_three_closest_examples_of_each_label() {
    ExampleNeighbours n = ExampleNeighbours.of(EXAMPLES, LABELS);
    double[] f = n.figures(new float[] {1, 0}, ExampleNeighbours.NO_EXAMPLE);
    assertEquals((1 + 0.8 + 0.6) / 3, f[0], 1e-6);
    assertEquals((0.8 + 0.6 + 0.28) / 3, f[1], 1e-6);
    assertEquals(f[1] - f[0], f[2], 1e-9);
  }

  @Test
  void leaves_out_the_example_it_is_asked_about() {
    ExampleNeighbours n = ExampleNeighbours.of(EXAMPLES, LABELS);
    double[] f = n.figures(new float[] {1, 0}, 0);
    assertEquals((0.8 + 0.6 + 0.6) / 3, f[0], 1e-6);
  }

  @Test
  void extends_an_input_by_its_three_figures_and_keeps_its_embedding() {
    ExampleNeighbours n = ExampleNeighbours.of(EXAMPLES, LABELS);
    Logistic.Input in = at(0, 1);
    Logistic.Input out = n.extend(in, ExampleNeighbours.NO_EXAMPLE);
    assertEquals(1 + ExampleNeighbours.NAMES.size(), out.figures().length);
    assertEquals(0.5, out.figures()[0]);
    assertEquals((1 + 0.96 + 0.8) / 3, out.figures()[2], 1e-6);
    assertArrayEquals(in.embedding(), out.embedding());
  }

  @Test
  void without_an_embedding_the_figures_are_zero() {
    ExampleNeighbours n = ExampleNeighbours.of(EXAMPLES, LABELS);
    assertArrayEquals(new double[] {0, 0, 0}, n.figures(null, ExampleNeighbours.NO_EXAMPLE));
  }

  @Test
  void needs_one_label_per_example() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ExampleNeighbours.of(EXAMPLES, List.of(true)));
    assertEquals("Expected one label per example: 9 examples, 1 labels", e.getMessage());
  }
}
