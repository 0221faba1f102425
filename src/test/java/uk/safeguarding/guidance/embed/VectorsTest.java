package uk.safeguarding.guidance.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorsTest {

  @Test
  void products_read_together_are_the_same_to_the_last_bit_as_one_at_a_time() {
    Random r = new Random(11);
    for (int n : new int[] {0, 1, 7, 8, 9, 30, 61}) { // below, at and past the eight read side by side
      List<float[]> vectors = new ArrayList<>();
      for (int v = 0; v < n; v++) {
        vectors.add(random(r));
      }
      float[] query = random(r);
      float[] expected = new float[n];
      double[] widened = new double[n];
      for (int v = 0; v < n; v++) {
        expected[v] = Vectors.dot(query, vectors.get(v));
        widened[v] = expected[v];
      }
      assertArrayEquals(expected, Vectors.dots(query, vectors)); // exact: no tolerance
      assertArrayEquals(widened, Vectors.dotsWidened(query, vectors));
    }
  }

  @Test
  void a_unit_vector_meets_itself_at_one() {
    float[] v = Vectors.normalise(new float[] {3, 4});
    assertEquals(1.0, Vectors.dot(v, v), 1e-6);
    assertArrayEquals(new float[] {0, 0}, Vectors.normalise(new float[] {0, 0}));
  }

  private static float[] random(Random r) {
    float[] v = new float[384];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return Vectors.normalise(v);
  }
}
