package uk.safeguarding.guidance.answer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import uk.safeguarding.guidance.embed.Vectors;

/**
 * How close a question comes to the answerable questions the answer-or-decline model learns from: the
 * mean cosine of its {@code k} closest answerable examples. A linear weight per embedding dimension
 * learns one boundary between what the library covers and what it does not; this figure lets a new
 * wording of a topic the examples already answer count wherever it lies. The closest not-covered
 * examples are not a figure: near misses ("we record 'was not brought', but what is the procedure after
 * the second missed appointment?") sit right beside questions the library answers ("3yo not brought to
 * her jabs again, how do i record it?") and declined those (BENCHMARKS.md §8). Immutable; thread-safe.
 */
final class Neighbours {

  /** The figures {@link #figures} returns, in order. */
  static final List<String> NAMES = List.of("closestAnswerable");

  private final float[][] vectors;
  private final boolean[] answerable;
  private final int k;

  private Neighbours(float[][] vectors, boolean[] answerable, int k) {
    this.vectors = vectors;
    this.answerable = answerable;
    this.k = k;
  }

  /** The examples with an embedding among {@code inputs}, labelled by {@code labels}. */
  static Neighbours of(List<Logistic.Input> inputs, List<Boolean> labels, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("Neighbours needs k >= 1, got " + k);
    }
    float[][] v = new float[inputs.size()][];
    boolean[] a = new boolean[inputs.size()];
    for (int i = 0; i < inputs.size(); i++) {
      v[i] = inputs.get(i).embedding();
      a[i] = labels.get(i);
    }
    return new Neighbours(v, a, k);
  }

  /** {@code input} with the figures appended; zeros when it has no embedding. */
  Logistic.Input with(Logistic.Input input) {
    return append(input, figures(input.embedding(), -1));
  }

  /**
   * The examples this was made of, each with its figures from the others (itself left out, as a question
   * the model has not seen would be), so the model learns how much a neighbour is worth on new wording.
   */
  List<Logistic.Input> leaveOneOut(List<Logistic.Input> same) {
    if (same.size() != vectors.length) {
      throw new IllegalArgumentException(
          "Expected the " + vectors.length + " examples these neighbours were made of, got "
              + same.size());
    }
    List<Logistic.Input> out = new ArrayList<>(same.size());
    for (int i = 0; i < same.size(); i++) {
      out.add(append(same.get(i), figures(same.get(i).embedding(), i)));
    }
    return out;
  }

  private double[] figures(float[] question, int skip) {
    if (question == null) {
      return new double[NAMES.size()];
    }
    double[] closest = new double[k];
    Arrays.fill(closest, -1);
    for (int i = 0; i < vectors.length; i++) {
      if (i != skip && answerable[i] && vectors[i] != null) {
        keep(closest, Vectors.dot(question, vectors[i]));
      }
    }
    return new double[] {mean(closest)};
  }

  /** Keeps the {@code top.length} highest values seen, highest first. */
  private static void keep(double[] top, double value) {
    if (value <= top[top.length - 1]) {
      return;
    }
    int at = top.length - 1;
    while (at > 0 && top[at - 1] < value) {
      top[at] = top[at - 1];
      at--;
    }
    top[at] = value;
  }

  /** The mean of the values found; 0 when there were none (no answerable examples). */
  private static double mean(double[] top) {
    double sum = 0;
    int n = 0;
    for (double v : top) {
      if (v > -1) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }

  private static Logistic.Input append(Logistic.Input input, double[] more) {
    double[] f = Arrays.copyOf(input.figures(), input.figures().length + more.length);
    System.arraycopy(more, 0, f, input.figures().length, more.length);
    return new Logistic.Input(f, input.embedding());
  }
}
