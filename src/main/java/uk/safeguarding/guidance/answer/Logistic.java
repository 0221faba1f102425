package uk.safeguarding.guidance.answer;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import uk.safeguarding.guidance.ops.CheckedFile;

/**
 * A logistic regression (liblinear) over a few figures, standardised on the training examples so
 * one regularisation strength suits them all, and optionally a unit embedding scaled by a weight.
 * The answer step's learned decisions share it. Immutable once fitted; thread-safe.
 */
final class Logistic {

  /** One example: the figures, and an embedding (null when none is used). */
  record Input(double[] figures, float[] embedding) {}

  private static final int POSITIVE = 1;
  private static final int NEGATIVE = 0;

  private final Model model;
  private final double[] mean;
  private final double[] scale;
  private final double embeddingWeight;
  private final int size;

  private Logistic(Model model, double[] mean, double[] scale, double embeddingWeight, int size) {
    this.model = model;
    this.mean = mean;
    this.scale = scale;
    this.embeddingWeight = embeddingWeight;
    this.size = size;
  }

  /**
   * Fits on {@code inputs} labelled by {@code positive}; {@code c} is liblinear's inverse regularisation.
   * The inputs are standardised (each figure by its mean and spread) before they are made into
   * liblinear's features.
   */
  static Logistic fit(List<Input> inputs, List<Boolean> positive, double c, double embeddingWeight) {
    if (inputs.size() != positive.size() || !positive.contains(true) || !positive.contains(false)) {
      throw new IllegalArgumentException("A logistic regression needs examples of both labels, got " + inputs.size());
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
    Logistic shape = new Logistic(null, mean, scale, embeddingWeight, size);
    Problem p = new Problem();
    p.l = inputs.size();
    p.n = size;
    p.x = inputs.stream().map(shape::vector).toArray(Feature[][]::new);
    p.y = positive.stream().mapToDouble(b -> b ? POSITIVE : NEGATIVE).toArray();
    p.bias = 1;
    return new Logistic(Linear.train(p, new Parameter(SolverType.L2R_LR, c, 0.001)), mean, scale, embeddingWeight,
        size);
  }

  /** Writes this model for {@link #readFrom} ({@link ModelsFile}). */
  void writeTo(DataOutput out) throws IOException {
    CheckedFile.linearModel(out, model);
    CheckedFile.doubles(out, mean);
    CheckedFile.doubles(out, scale);
    out.writeDouble(embeddingWeight);
    out.writeInt(size);
  }

  static Logistic readFrom(DataInput in) throws IOException {
    Model model = CheckedFile.linearModel(in);
    double[] mean = CheckedFile.doubles(in);
    double[] scale = CheckedFile.doubles(in);
    double embeddingWeight = in.readDouble();
    int size = in.readInt();
    if (mean.length != scale.length || size < mean.length + 1 || model.getNrFeature() != size - 1) {
      throw new IOException("a logistic regression of " + model.getNrFeature() + " features for " + size);
    }
    return new Logistic(model, mean, scale, embeddingWeight, size);
  }

  /** The probability of the positive label. */
  double score(Input input) {
    double[] p = new double[2];
    Linear.predictProbability(model, vector(input), p);
    return model.getLabels()[0] == POSITIVE ? p[0] : p[1];
  }

  private Feature[] vector(Input input) {
    List<Feature> out = new ArrayList<>();
    double[] f = input.figures();
    for (int j = 0; j < f.length; j++) {
      out.add(new FeatureNode(j + 1, (f[j] - mean[j]) * scale[j]));
    }
    float[] e = input.embedding();
    for (int j = 0; e != null && j < e.length && f.length + j + 1 < size; j++) {
      out.add(new FeatureNode(f.length + j + 1, embeddingWeight * e[j]));
    }
    out.add(new FeatureNode(size, 1)); // liblinear wants the bias last, at index n
    return out.toArray(Feature[]::new);
  }
}
