package uk.safeguarding.guidance.answer;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The learned answer-or-decline decision: a logistic regression (liblinear) over a question's
 * {@link AnswerFeatures} (standardised on the examples) and its sentence embedding, learned from
 * labelled questions ({@link AnswerableExamples}). The threshold is set from out-of-fold scores so
 * that {@link Settings#targetRecall} of answerable questions the model did not see are answered.
 * Immutable once trained; thread-safe.
 */
final class Answerability {

  /**
   * The knobs, chosen by 5-fold cross-validation on the question bank's train split only
   * (BENCHMARKS.md §8): the embedding lets the model learn which topics the library covers, the
   * figures how well the top passages answer.
   *
   * @param c liblinear's inverse regularisation strength
   * @param embeddingWeight the question's (unit) embedding is scaled by this against the standardised figures
   * @param targetRecall the out-of-fold share of answerable questions the threshold must answer
   * @param folds cross-validation folds for the threshold
   */
  record Settings(double c, double embeddingWeight, double targetRecall, int folds) {}

  static final Settings STANDARD = new Settings(1, 3, 0.90, 5);

  /** One example as the model sees it: the figures, the question's embedding (null without a model). */
  record Input(double[] figures, float[] embedding) {}

  private static final int ANSWERABLE = 1;
  private static final int NOT_COVERED = 0;

  private final Model model;
  private final double[] mean;
  private final double[] scale;
  private final double embeddingWeight;
  private final int size;
  private final double threshold;

  private Answerability(Model model, double[] mean, double[] scale, double embeddingWeight, int size,
      double threshold) {
    this.model = model;
    this.mean = mean;
    this.scale = scale;
    this.embeddingWeight = embeddingWeight;
    this.size = size;
    this.threshold = threshold;
  }

  /** Learns from {@code inputs} labelled by {@code answerable} (both labels needed). */
  static Answerability train(List<Input> inputs, List<Boolean> answerable, Settings settings) {
    if (!answerable.contains(true) || !answerable.contains(false)) {
      throw new IllegalArgumentException("The answer-or-decline model needs answerable and not-covered examples, got "
          + inputs.size());
    }
    Linear.disableDebugOutput();
    int figures = inputs.get(0).figures().length;
    double[] mean = new double[figures];
    double[] scale = new double[figures];
    for (Input in : inputs) {
      for (int j = 0; j < figures; j++) {
        mean[j] += in.figures()[j] / inputs.size();
      }
    }
    for (Input in : inputs) {
      for (int j = 0; j < figures; j++) {
        scale[j] += Math.pow(in.figures()[j] - mean[j], 2) / inputs.size();
      }
    }
    for (int j = 0; j < figures; j++) {
      scale[j] = scale[j] > 0 ? 1 / Math.sqrt(scale[j]) : 0; // a figure that never varies says nothing
    }
    float[] e = inputs.get(0).embedding();
    int size = figures + (e == null ? 0 : e.length) + 1;
    Answerability shape = new Answerability(null, mean, scale, settings.embeddingWeight(), size, 0);
    Feature[][] x = inputs.stream().map(shape::vector).toArray(Feature[][]::new);
    double[] y = answerable.stream().mapToDouble(a -> a ? ANSWERABLE : NOT_COVERED).toArray();
    double threshold = threshold(outOfFold(x, y, settings), y, settings.targetRecall());
    return new Answerability(fit(x, y, size, settings.c()), mean, scale, settings.embeddingWeight(), size, threshold);
  }

  /** The probability that the question is answerable. */
  double score(Input input) {
    return score(model, vector(input));
  }

  boolean answerable(Input input) {
    return score(input) >= threshold;
  }

  double threshold() {
    return threshold;
  }

  private Feature[] vector(Input input) {
    List<Feature> out = new ArrayList<>();
    double[] f = input.figures();
    for (int j = 0; j < f.length; j++) {
      out.add(new FeatureNode(j + 1, (f[j] - mean[j]) * scale[j]));
    }
    float[] e = input.embedding();
    if (e != null) {
      for (int j = 0; j < e.length && f.length + j + 1 < size; j++) {
        out.add(new FeatureNode(f.length + j + 1, embeddingWeight * e[j]));
      }
    }
    out.add(new FeatureNode(size, 1)); // liblinear wants the bias last, at index n
    return out.toArray(Feature[]::new);
  }

  /** Scores for every example from models that did not see it, folds assigned round-robin. */
  static double[] outOfFold(Feature[][] x, double[] y, Settings settings) {
    double[] scores = new double[x.length];
    int n = x.length == 0 ? 0 : x[0][x[0].length - 1].getIndex();
    for (int fold = 0; fold < settings.folds(); fold++) {
      List<Feature[]> trainX = new ArrayList<>();
      List<Double> trainY = new ArrayList<>();
      for (int i = 0; i < x.length; i++) {
        if (i % settings.folds() != fold) {
          trainX.add(x[i]);
          trainY.add(y[i]);
        }
      }
      if (trainY.stream().distinct().count() < 2) {
        continue; // too few examples for this fold; its scores stay 0, which only lowers the threshold
      }
      Model m = fit(trainX.toArray(Feature[][]::new), trainY.stream().mapToDouble(Double::doubleValue).toArray(), n,
          settings.c());
      for (int i = fold; i < x.length; i += settings.folds()) {
        scores[i] = score(m, x[i]);
      }
    }
    return scores;
  }

  /** The highest score that still answers {@code targetRecall} of the answerable examples. */
  static double threshold(double[] scores, double[] y, double targetRecall) {
    double[] answerable = new double[(int) Arrays.stream(y).filter(v -> v == ANSWERABLE).count()];
    int k = 0;
    for (int i = 0; i < y.length; i++) {
      if (y[i] == ANSWERABLE) {
        answerable[k++] = scores[i];
      }
    }
    Arrays.sort(answerable);
    return answerable[(int) Math.floor((1 - targetRecall) * answerable.length)];
  }

  private static Model fit(Feature[][] x, double[] y, int n, double c) {
    Problem p = new Problem();
    p.l = x.length;
    p.n = n;
    p.x = x;
    p.y = y;
    p.bias = 1;
    return Linear.train(p, new Parameter(SolverType.L2R_LR, c, 0.001));
  }

  private static double score(Model m, Feature[] x) {
    double[] p = new double[2];
    Linear.predictProbability(m, x, p);
    return m.getLabels()[0] == ANSWERABLE ? p[0] : p[1];
  }
}
