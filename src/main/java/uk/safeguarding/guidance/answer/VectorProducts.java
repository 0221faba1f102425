package uk.safeguarding.guidance.answer;

/**
 * The question's vector met number by number with another vector, as the learned scorers read it
 * ({@link PassageRanker} for passages, {@link SentenceScorer} for sentences): the products as figures to
 * fit on, and, once fitted, their coefficients times the question met with each vector. An unknown
 * (null) vector counts as zeros. Stateless.
 */
final class VectorProducts {

  private VectorProducts() {}

  /** {@code weights} times the question's vector, number by number; zeros where it is unknown. */
  static double[] weighted(double[] weights, float[] question) {
    double[] out = new double[weights.length];
    for (int i = 0; question != null && i < out.length && i < question.length; i++) {
      out[i] = weights[i] * question[i];
    }
    return out;
  }

  /** The weighted question met with a vector; 0 when the vector is unknown. */
  static double dot(double[] weightedQuestion, float[] v) {
    double sum = 0;
    for (int i = 0; v != null && i < weightedQuestion.length && i < v.length; i++) {
      sum += weightedQuestion[i] * v[i];
    }
    return sum;
  }

  /** {@code a} times {@code b} number by number into {@code out} from {@code at}; zeros when either is unknown. */
  static void multiply(float[] a, float[] b, double[] out, int at) {
    for (int i = 0; a != null && b != null && i < a.length && i < b.length; i++) {
      out[at + i] = (double) a[i] * b[i];
    }
  }
}
