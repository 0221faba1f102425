package uk.safeguarding.guidance.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorColumnsTest {

  private static float[] random(Random r, int dimension) {
    float[] v = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return Vectors.normalise(v);
  }

  @Test
  void every_product_is_the_same_to_the_last_bit_as_a_dot_product() {
    Random r = new Random(7);
    List<float[]> vectors = new ArrayList<>();
    for (int v = 0; v < 1_001; v++) { // not a multiple of any SIMD width, so the loop's tail is met too
      vectors.add(random(r, 384));
    }
    VectorColumns columns = VectorColumns.of(vectors, 384);
    for (int q = 0; q < 20; q++) {
      float[] query = random(r, 384);
      float[] dots = columns.dots(query);
      float[] expected = new float[vectors.size()];
      for (int v = 0; v < vectors.size(); v++) {
        expected[v] = Vectors.dot(query, vectors.get(v));
      }
      assertArrayEquals(expected, dots); // exact: no tolerance
    }
    assertEquals(1_001, columns.size());
  }

  @Test
  void no_vectors_give_no_products() {
    assertEquals(0, VectorColumns.of(List.of(), 3).dots(new float[] {1, 0, 0}).length);
  }

  @Test
  void vectors_and_queries_must_have_the_stated_length() {
    assertEquals("Expected vectors of 3 numbers, vector 1 has 2",
        assertThrows(IllegalArgumentException.class,
            () -> VectorColumns.of(List.of(new float[] {1, 0, 0}, new float[] {1, 0}), 3)).getMessage());
    VectorColumns columns = VectorColumns.of(List.<float[]>of(new float[] {1, 0, 0}), 3);
    assertEquals("Expected a query of 3 numbers, got 4",
        assertThrows(IllegalArgumentException.class, () -> columns.dots(new float[4])).getMessage());
  }
}
