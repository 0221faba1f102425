package uk.safeguarding.guidance.answer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import uk.safeguarding.guidance.embed.VectorColumns;
import uk.safeguarding.guidance.ops.CheckedFile;

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

  /** The examples with an embedding, met with a question all at once (see {@link VectorColumns}). */
  private final VectorColumns vectors;
  /** The position among the examples of each of {@link #vectors}, and its label. */
  private final int[] exampleOf;
  private final boolean[] answerable;

  private ExampleNeighbours(VectorColumns vectors, int[] exampleOf, boolean[] answerable) {
    this.vectors = vectors;
    this.exampleOf = exampleOf;
    this.answerable = answerable;
  }

  /** The examples' embeddings (an example without one is never a neighbour) and labels, in order. */
  static ExampleNeighbours of(List<Logistic.Input> examples, List<Boolean> labels) {
    if (examples.size() != labels.size()) {
      throw new IllegalArgumentException(
          "Expected one label per example: " + examples.size() + " examples, " + labels.size() + " labels");
    }
    int dimension = examples.stream().map(Logistic.Input::embedding).filter(Objects::nonNull).mapToInt(e -> e.length)
        .findFirst().orElse(0);
    List<float[]> vectors = new ArrayList<>();
    int[] exampleOf = new int[examples.size()];
    boolean[] answerable = new boolean[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      float[] v = examples.get(i).embedding();
      if (v != null && v.length == dimension) {
        exampleOf[vectors.size()] = i;
        answerable[vectors.size()] = labels.get(i);
        vectors.add(v);
      }
    }
    return new ExampleNeighbours(VectorColumns.of(vectors, dimension), Arrays.copyOf(exampleOf, vectors.size()),
        Arrays.copyOf(answerable, vectors.size()));
  }

  /** A question's {@link #NAMES} figures and its highest cosine with any example, from one pass over them. */
  record Near(double[] figures, double closest) {}

  /**
   * The figures named in {@link #NAMES} for {@code question}, leaving out example {@code skip} (each
   * example is read without itself when the model learns, as a new question would be), and the highest
   * cosine of {@code question} with any example of either label: how close it comes to some question a
   * writer asked of the library ({@link NoTopic}). Zeros without an embedding or a neighbour of a kind.
   */
  Near near(float[] question, int skip) {
    if (question == null || vectors.size() == 0 || question.length != vectors.dimension()) {
      return new Near(new double[NAMES.size()], 0);
    }
    float[] cosines = vectors.dots(question); // every example is read per question
    double[] closestAnswerable = new double[K];
    double[] closestNotCovered = new double[K];
    for (int k = 0; k < cosines.length; k++) {
      if (exampleOf[k] != skip) {
        keep(answerable[k] ? closestAnswerable : closestNotCovered, cosines[k]);
      }
    }
    double a = mean(closestAnswerable);
    double n = mean(closestNotCovered);
    return new Near(new double[] {a, n, n - a}, Math.max(closestAnswerable[0], closestNotCovered[0]));
  }

  /** The figures of {@link #near}. */
  double[] figures(float[] question, int skip) {
    return near(question, skip).figures();
  }

  /** The highest cosine of {@code question} with any example ({@link #near}; 0 without an embedding or an example). */
  double closest(float[] question) {
    return near(question, NO_EXAMPLE).closest();
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

  /** Writes the examples' vectors and labels for {@link #readFrom} ({@link ModelsFile}). */
  void writeTo(DataOutput out) throws IOException {
    vectors.writeTo(out);
    CheckedFile.ints(out, exampleOf);
    CheckedFile.booleans(out, answerable);
  }

  static ExampleNeighbours readFrom(DataInput in) throws IOException {
    VectorColumns vectors = VectorColumns.readFrom(in, CheckedFile.MAX_ARRAY);
    int[] exampleOf = CheckedFile.ints(in);
    boolean[] answerable = CheckedFile.booleans(in);
    if (exampleOf.length != vectors.size() || answerable.length != vectors.size()) {
      throw new IOException("Expected " + vectors.size() + " examples' positions and labels, got " + exampleOf.length
          + " and " + answerable.length);
    }
    return new ExampleNeighbours(vectors, exampleOf, answerable);
  }

  /** {@code input} with the figures for its question appended to its own. */
  Logistic.Input extend(Logistic.Input input, int skip) {
    return extend(input, figures(input.embedding(), skip));
  }

  /** {@code input} with {@code near} (its question's {@link #figures}) appended to its own figures. */
  static Logistic.Input extend(Logistic.Input input, double[] near) {
    double[] own = input.figures();
    double[] all = Arrays.copyOf(own, own.length + near.length);
    System.arraycopy(near, 0, all, own.length, near.length);
    return new Logistic.Input(all, input.embedding());
  }
}
