package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamedLogisticTest {

  /** Groups of rows of three figures: the first decides the label (with noise), the others are noise. */
  private record Fixture(List<double[][]> figures, List<boolean[]> labels) implements StreamedLogistic.Rows {

    static Fixture of(long seed, int groups) {
      Random random = new Random(seed);
      List<double[][]> figures = new ArrayList<>();
      List<boolean[]> labels = new ArrayList<>();
      for (int g = 0; g < groups; g++) {
        double[][] rows = new double[5][];
        boolean[] answer = new boolean[5];
        for (int i = 0; i < 5; i++) {
          double signal = random.nextGaussian();
          rows[i] = new double[] {3 + 2 * signal, random.nextGaussian() * 10, 7};
          answer[i] = signal + 0.7 * random.nextGaussian() > 0.8;
        }
        figures.add(rows);
        labels.add(answer);
      }
      return new Fixture(figures, labels);
    }

    @Override
    public int groups() {
      return figures.size();
    }

    @Override
    public double[][] figures(int g) {
      return figures.get(g);
    }

    @Override
    public boolean[] labels(int g) {
      return labels.get(g);
    }

    List<Logistic.Input> inputs() {
      return figures.stream().flatMap(java.util.Arrays::stream).map(x -> new Logistic.Input(x, null)).toList();
    }

    List<Boolean> flatLabels() {
      List<Boolean> out = new ArrayList<>();
      labels.forEach(l -> {
        for (boolean b : l) {
          out.add(b);
        }
      });
      return out;
    }
  }

  @Test
  void fits_the_same_model_as_liblinear_with_the_same_objective() {
    Fixture rows = Fixture.of(11, 200);
    StreamedLogistic streamed = StreamedLogistic.fit(rows, 1, null);
    Logistic liblinear = Logistic.fit(rows.inputs(), rows.flatLabels(), 1, 0);
    for (double[] x : List.of(new double[] {0, 0, 7}, new double[] {3, 5, 7}, new double[] {6, -20, 7},
        new double[] {9, 1, 7})) {
      assertEquals(liblinear.score(new Logistic.Input(x, null)), streamed.score(x), 0.005, "at " + x[0]);
    }
    assertTrue(streamed.score(new double[] {9, 0, 7}) > 0.9, "the deciding figure decides");
    assertTrue(streamed.score(new double[] {0, 0, 7}) < 0.1);
  }

  @Test
  void a_figure_weighted_down_is_held_back() {
    Fixture rows = Fixture.of(5, 200);
    StreamedLogistic full = StreamedLogistic.fit(rows, 1, new double[] {1, 1, 1});
    StreamedLogistic held = StreamedLogistic.fit(rows, 1, new double[] {0.01, 1, 1});
    double spreadFull = full.score(new double[] {9, 0, 7}) - full.score(new double[] {0, 0, 7});
    double spreadHeld = held.score(new double[] {9, 0, 7}) - held.score(new double[] {0, 0, 7});
    assertTrue(spreadFull > 0.8, "weight 1: " + spreadFull);
    assertTrue(spreadHeld < 0.1, "weight 0.01, regularised as if by C = 0.0001: " + spreadHeld);
  }

  @Test
  void no_rows_is_an_error_that_says_so() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StreamedLogistic.fit(new Fixture(List.of(), List.of()), 1, null));
    assertEquals("A logistic regression needs rows to learn from, got none", e.getMessage());
  }
}
