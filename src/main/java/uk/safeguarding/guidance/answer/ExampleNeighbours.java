package uk.safeguarding.guidance.answer;

import java.util.Arrays;
import java.util.List;
import org.apache.lucene.util.VectorUtil;

/**
 * How close a question comes to the labelled examples the answer-or-decline model learned from: the
 * mean cosine of its embedding with the {@link #K} closest answerable examples and with the {@link #K}
 * closest not-covered ones, and the second minus the first. The library's gaps are few and every writer finds the same ones
 * (Alfie's age, who chairs the partnership, what the parents were charged with), so a question worded
 * like an example the library could not answer is most likely one it cannot answer either, however
 * close its passages come; the linear model over the embedding alone cannot remember single examples
 * this way. A trainer's "not covered" example so declines its close rewordings at once. Immutable;
 * thread-safe.
 */
final class ExampleNeighbours {

  /** The figures {@link #figures} returns, in order. */
  static final List<String> NAMES = List.of("closestAnswerable", "closestNotCovered", "notCoveredLead");
  /** The example to leave out when the question is none of them. */
  static final int NO_EXAMPLE = -1;
  /**
   * Neighbours averaged per label. On the eleventh and twelfth writers' train splits (in no example file;
   * BENCHMARKS.md §8) one, two or three answered and declined alike (911/349, 910/353, 910/351 of 959 and
   * 398 through the decision alone, against 882/276 without neighbours; five and ten a little less); three,
   * because one example alone decides for a short query at one: "children missing from care" lay closest
   * to the not-covered "children missing education" and was declined.
   */
  static final int K = 3;

  private final float[][] vectors;
  private final boolean[] answerable;

  private ExampleNeighbours(float[][] vectors, boolean[] answerable) {
    this.vectors = vectors;
    this.answerable = answerable;
  }

  /** The examples' embeddings (an example without one is never a neighbour) and labels, in order. */
  static ExampleNeighbours of(List<Logistic.Input> examples, List<Boolean> labels) {
    if (examples.size() != labels.size()) {
      throw new IllegalArgumentException(
          "Expected one label per example: " + examples.size() + " examples, " + labels.size() + " labels");
    }
    float[][] vectors = new float[examples.size()][];
    boolean[] answerable = new boolean[examples.size()];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = examples.get(i).embedding();
      answerable[i] = labels.get(i);
    }
    return new ExampleNeighbours(vectors, answerable);
  }

  /**
   * The figures named in {@link #NAMES} for {@code question}, leaving out example {@code skip} (each
   * example is read without itself when the model learns, as a new question would be); zeros without
   * an embedding or a neighbour of a kind.
   */
  double[] figures(float[] question, int skip) {
    if (question == null) {
      return new double[NAMES.size()];
    }
    double[] closestAnswerable = new double[K];
    double[] closestNotCovered = new double[K];
    for (int i = 0; i < vectors.length; i++) {
      if (i != skip && vectors[i] != null && vectors[i].length == question.length) {
        // Lucene's unrolled (and, where the JDK allows, vectorised) dot product: every example is read per question.
        keep(answerable[i] ? closestAnswerable : closestNotCovered, VectorUtil.dotProduct(question, vectors[i]));
      }
    }
    double a = mean(closestAnswerable);
    double n = mean(closestNotCovered);
    return new double[] {a, n, n - a};
  }

  /** Keeps {@code cosine} among the {@link #K} highest in {@code top} (kept in descending order; 0 while unfilled). */
  private static void keep(double[] top, double cosine) {
    for (int j = 0; j < top.length; j++) {
      if (cosine > top[j]) {
        System.arraycopy(top, j, top, j + 1, top.length - j - 1);
        top[j] = cosine;
        return;
      }
    }
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** {@code input} with the figures for its question appended to its own. */
  Logistic.Input extend(Logistic.Input input, int skip) {
    double[] own = input.figures();
    double[] near = figures(input.embedding(), skip);
    double[] all = Arrays.copyOf(own, own.length + near.length);
    System.arraycopy(near, 0, all, own.length, near.length);
    return new Logistic.Input(all, input.embedding());
  }
}
