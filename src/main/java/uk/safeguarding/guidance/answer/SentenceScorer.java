package uk.safeguarding.guidance.answer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import uk.safeguarding.guidance.ops.CheckedFile;

/**
 * A learned chance about each quotable sentence of the top passages: a logistic regression over the
 * sentence's {@link SentenceFeatures} figures and, for the chance that it is the answering sentence, the
 * question's vector times the sentence's, number by number (as {@link PassageRanker} weighs passages), so
 * it learns which kinds of meaning must match, not only how close the two vectors are overall. The chance
 * that the sentence's passage answers reads the figures alone. Fitted by {@link StreamedLogistic}: the
 * products of some 130,000 example sentences are never all held, nor liblinear's copy of their figures
 * (with it beside the answer-or-decline decision, the README's -Xmx256m ran out of heap at start-up).
 * Immutable once fitted; thread-safe.
 *
 * <p>The products were chosen on the seventeenth to twenty-first writers' train splits (in no example
 * file; 2,123 answered questions whose answering sentence was among the top passages' sentences;
 * BENCHMARKS.md §8, twenty-fifth session): the answering sentence scored first 1,711 → 1,770 times, more
 * often for each of the five writers; product weights 0.05 and 0.2 did about as well.
 */
final class SentenceScorer {

  /** Inverse regularisation, as the sentence scorers had before the products joined (chosen by cross-validation). */
  static final double C = 1;
  /**
   * Each standardised product counts this much against a named figure (which counts 1) in the answering
   * sentence's chance: 384 products weighed as fully as the 16 figures would let the sentence's exact
   * wording outvote its place in the answer.
   */
  static final double VECTOR_WEIGHT = 0.1;
  /** The answering passage's chance reads no products. */
  static final double NO_VECTORS = 0;

  private final double intercept;
  private final double[] named;
  private final double[] towardSentence;

  private SentenceScorer(double intercept, double[] named, double[] towardSentence) {
    this.intercept = intercept;
    this.named = named;
    this.towardSentence = towardSentence;
  }

  /**
   * Learns from each example's rows ({@code rows.get(g)}, asked as {@code questions.get(g)}) labelled by
   * {@code answers.get(g)}, the products weighted {@code vectorWeight} ({@link #VECTOR_WEIGHT}, or
   * {@link #NO_VECTORS} for none); rows without a vector leave their products at zero.
   */
  static SentenceScorer fit(List<float[]> questions, List<List<SentenceFeatures.Row>> rows, List<boolean[]> answers,
      double vectorWeight) {
    int dimensions = vectorWeight == NO_VECTORS ? 0
        : questions.stream().filter(q -> q != null).mapToInt(q -> q.length).findFirst().orElse(0);
    int n = SentenceFeatures.NAMES.size();
    double[] weights = new double[n + dimensions];
    Arrays.fill(weights, vectorWeight);
    Arrays.fill(weights, 0, n, 1);
    StreamedLogistic model = StreamedLogistic.fit(new StreamedLogistic.Rows() {

      @Override
      public int groups() {
        return rows.size();
      }

      @Override
      public double[][] figures(int g) {
        float[] q = questions.get(g);
        return rows.get(g).stream().map(r -> withProducts(r, q, dimensions)).toArray(double[][]::new);
      }

      @Override
      public boolean[] labels(int g) {
        return answers.get(g);
      }
    }, C, weights);
    return new SentenceScorer(model.intercept(), model.coefficients(0, n), model.coefficients(n, n + dimensions));
  }

  /** The chance for each row asked as {@code question} (null: no vector known). */
  double[] scores(List<SentenceFeatures.Row> rows, float[] question) {
    double[] weighted = VectorProducts.weighted(towardSentence, question);
    double[] out = new double[rows.size()];
    for (int k = 0; k < out.length; k++) {
      SentenceFeatures.Row r = rows.get(k);
      double m = intercept;
      for (int j = 0; j < named.length; j++) {
        m += named[j] * r.figures()[j];
      }
      out[k] = 1 / (1 + Math.exp(-(m + VectorProducts.dot(weighted, r.vector()))));
    }
    return out;
  }

  /** Writes the fitted coefficients, for {@link #readFrom} ({@link ModelsFile}). */
  void writeTo(DataOutput out) throws IOException {
    out.writeDouble(intercept);
    CheckedFile.doubles(out, named);
    CheckedFile.doubles(out, towardSentence);
  }

  static SentenceScorer readFrom(DataInput in) throws IOException {
    double intercept = in.readDouble();
    double[] named = CheckedFile.doubles(in);
    double[] towardSentence = CheckedFile.doubles(in);
    if (named.length != SentenceFeatures.NAMES.size()) {
      throw new IOException("a sentence scorer of " + named.length + " named figures, expected "
          + SentenceFeatures.NAMES.size());
    }
    return new SentenceScorer(intercept, named, towardSentence);
  }

  /** A row's named figures followed by the question's vector times the sentence's (zeros when either is unknown). */
  private static double[] withProducts(SentenceFeatures.Row r, float[] question, int dimensions) {
    double[] out = Arrays.copyOf(r.figures(), r.figures().length + dimensions);
    if (dimensions > 0) {
      VectorProducts.multiply(question, r.vector(), out, r.figures().length);
    }
    return out;
  }
}
