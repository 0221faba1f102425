package uk.safeguarding.guidance.screen;

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
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import uk.safeguarding.guidance.embed.Embedder;
import uk.safeguarding.guidance.embed.Vectors;
import uk.safeguarding.guidance.ops.Background;
import uk.safeguarding.guidance.ops.CheckedFile;
import uk.safeguarding.guidance.ops.Folds;
import uk.safeguarding.guidance.privacy.PersonalData;

/**
 * Decides whether a question describes a child in danger now. A logistic regression (liblinear)
 * learned from labelled example situations over {@link Features}; the decision threshold is set
 * from out-of-fold scores so that, on situations the model was not trained on, at least
 * {@link Settings#targetRecall} of the urgent ones are caught: a needless reminder costs seconds,
 * a missed one may cost a life. Without an embedder it learns from the lexical features alone.
 * Immutable once trained; thread-safe.
 */
public final class SafetyScreen {

  /**
   * The knobs, chosen by cross-validation on the bank's train split only (BENCHMARKS.md).
   *
   * @param c liblinear's inverse regularisation strength
   * @param urgentWeight how much more a misclassified urgent example costs in training than a calm one
   * @param targetRecall the out-of-fold urgent recall the threshold must reach
   * @param folds cross-validation folds for the threshold
   * @param maxThreshold the threshold never rises above this, whatever the folds say
   */
  public record Settings(Features.Weights weights, double c, double urgentWeight, double targetRecall, int folds,
      double maxThreshold) {}

  /** With the embedding model: embedding first, lexical features as support. */
  public static final Settings HYBRID =
      new Settings(new Features.Weights(0.5, 1.0, 1.0, 1.0, 0.5), 100, 2, 0.9925, 5, 0.5);
  /** Lexical only (no model loaded). */
  public static final Settings LEXICAL = new Settings(new Features.Weights(0.5, 0, 1.0, 1.0), 10, 2, 0.99, 5, 0.5);

  /** The nearest urgent example is quoted in the reason only up to this many characters. */
  static final int NEAREST_CHARS = 120;
  private static final int URGENT = 1;
  private static final int CALM = 0;

  private final Model model;
  private final Features features;
  private final boolean passageMode;
  private final Embedder embedder;
  private final double threshold;
  private final List<Example> urgentExamples;
  private final List<float[]> urgentVectors;
  private final int examples;

  private SafetyScreen(Model model, Features features, Embedder embedder, double threshold,
      List<Example> urgentExamples, List<float[]> urgentVectors, int examples) {
    this.model = model;
    this.features = features;
    this.passageMode = features.usesPassageEmbedding();
    this.embedder = embedder;
    this.threshold = threshold;
    this.urgentExamples = urgentExamples;
    this.urgentVectors = urgentVectors;
    this.examples = examples;
  }

  /**
   * Learns a screen from {@code examples} (both labels needed); {@code embedder} may be null for a
   * lexical-only screen. Embeds each example as a query, through the embedder's caches. Every routine
   * sentence the jar ships ({@link RoutineSentences}) dilutes the examples.
   */
  public static SafetyScreen train(List<Example> examples, Embedder embedder, Settings settings) {
    return train(examples, RoutineSentences.all(), embedder, settings);
  }

  /**
   * Learns a screen from {@code examples}, each also learned a second time with one of {@code routine}
   * (sentences that carry no danger: "Which form do I need?", "I have just finished the chronology.")
   * after or before it, under the same label. A danger described beside routine words was lost among
   * them: an outsider's probe found urgent situations missed once "Which form should I complete?" followed
   * them. The diluted copy of an example stays in its fold, and the threshold is set on the examples as
   * written.
   */
  public static SafetyScreen train(List<Example> examples, List<String> routine, Embedder embedder,
      Settings settings) {
    if (examples.stream().noneMatch(Example::urgent) || examples.stream().allMatch(Example::urgent)) {
      throw new IllegalArgumentException("The safety screen needs urgent and calm examples, got " + examples.size());
    }
    Linear.disableDebugOutput();
    Features features = new Features(settings.weights(), embedder == null ? 0 : embedder.dimension());
    // Learned from the examples as the screen will see questions: masked (names become [name] and so on).
    List<String> texts = examples.stream().map(e -> PersonalData.mask(e.text())).toList();
    int copies = routine.isEmpty() ? 1 : 2;
    List<String> learned = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      learned.add(texts.get(i));
      if (copies == 2) {
        learned.add(PersonalData.mask(diluted(texts.get(i), routine, i)));
      }
    }
    List<float[]> vectors = embedder == null ? null : embedder.embedQueries(learned);
    List<float[]> passageVectors = embedder == null || !settings.weights().usesPassageEmbedding() ? null
        : embedder.embedPassages(learned);
    Feature[][] x = new Feature[learned.size()][];
    double[] y = new double[learned.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = withBias(features.of(learned.get(i), vectors == null ? null : vectors.get(i),
          passageVectors == null ? null : passageVectors.get(i)), features);
      y[i] = examples.get(i / copies).urgent() ? URGENT : CALM;
    }
    // The model on every example is fitted beside the folds' models (see outOfFold).
    Background<Model> whole = Background.start(() -> fit(x, y, features, settings));
    double[] outOfFold = outOfFold(x, y, features, settings, copies);
    double threshold = Math.min(settings.maxThreshold(),
        threshold(everyNth(outOfFold, copies), everyNth(y, copies), settings.targetRecall()));
    Model model = whole.join();
    List<Example> urgent = new ArrayList<>();
    List<float[]> urgentVectors = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      if (examples.get(i).urgent()) {
        // Quoted (masked) in reasons that reach the trainers' queue: a trainer's example may name someone.
        urgent.add(new Example(texts.get(i), true, examples.get(i).split()));
        urgentVectors.add(vectors == null ? null : vectors.get(i * copies));
      }
    }
    return new SafetyScreen(model, features, embedder, threshold, List.copyOf(urgent), urgentVectors, examples.size());
  }

  /**
   * This screen reading questions through {@code other}, an embedder of the same model (a screen
   * remembered from another server in the process must use this server's embedder and its caches).
   */
  public SafetyScreen using(Embedder other) {
    return other == embedder ? this
        : new SafetyScreen(model, features, other, threshold, urgentExamples, urgentVectors, examples);
  }

  /** The screen's verdict on one question, which the caller has already masked ({@link PersonalData#mask}). */
  public Verdict assess(String question) {
    float[] v = embedder == null ? null : embedder.embedQuery(question);
    float[] pv = embedder == null || !passageMode ? null : embedder.embedQuestionAsPassage(question);
    boolean[] found = Cues.found(Features.normalise(question)); // once: the figures and the reason both read them
    double score = score(model, withBias(features.of(question, found, v, pv), features));
    boolean urgent = score >= threshold;
    List<String> cues = Cues.names(found);
    return new Verdict(urgent, score, threshold, cues, urgent ? nearest(question, v) : "");
  }

  /**
   * Writes what the screen learned for {@link #readFrom}: liblinear's model, the threshold, and the urgent examples with their vectors (quoted in reasons).
   */
  public void writeTo(DataOutput out) throws IOException {
    CheckedFile.linearModel(out, model);
    out.writeDouble(threshold);
    out.writeInt(examples);
    out.writeInt(urgentExamples.size());
    for (int i = 0; i < urgentExamples.size(); i++) {
      CheckedFile.string(out, urgentExamples.get(i).text());
      CheckedFile.string(out, urgentExamples.get(i).split());
      CheckedFile.floats(out, urgentVectors.get(i));
    }
  }

  /** A screen {@link #writeTo} wrote, trained with {@code settings}, reading questions through {@code embedder}. */
  public static SafetyScreen readFrom(DataInput in, Embedder embedder, Settings settings) throws IOException {
    Model model = CheckedFile.linearModel(in);
    Features features = new Features(settings.weights(), embedder == null ? 0 : embedder.dimension());
    if (model.getNrFeature() != features.size()) {
      throw new IOException("a screen of " + model.getNrFeature() + " features, expected " + features.size());
    }
    double threshold = in.readDouble();
    int examples = in.readInt();
    int n = CheckedFile.length(in);
    List<Example> urgent = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      urgent.add(new Example(CheckedFile.string(in), true, CheckedFile.string(in)));
      vectors.add(CheckedFile.floats(in));
    }
    return new SafetyScreen(model, features, embedder, threshold, List.copyOf(urgent), vectors, examples);
  }

  public double threshold() {
    return threshold;
  }

  /** How many examples it learned from. */
  public int examples() {
    return examples;
  }

  public boolean usesEmbeddings() {
    return embedder != null;
  }

  private String nearest(String question, float[] v) {
    double best = -1;
    String text = "";
    Set<String> words = new HashSet<>(Features.tokens(Features.normalise(question)));
    for (int i = 0; i < urgentExamples.size(); i++) {
      double sim = v != null ? Vectors.dot(v, urgentVectors.get(i)) : jaccard(words, urgentExamples.get(i).text());
      if (sim > best) {
        best = sim;
        text = urgentExamples.get(i).text();
      }
    }
    return text.length() <= NEAREST_CHARS ? text : text.substring(0, NEAREST_CHARS).strip() + "…";
  }

  private static double jaccard(Set<String> a, String text) {
    Set<String> b = new HashSet<>(Features.tokens(Features.normalise(text)));
    Set<String> inter = new HashSet<>(a);
    inter.retainAll(b);
    b.addAll(a);
    return b.isEmpty() ? 0 : inter.size() / (double) b.size();
  }

  /**
   * Scores for every example from models that did not see it, folds assigned round-robin to each run of
   * {@code copies} rows (an example and its diluted copy), fitted side by side when the heap allows ({@link Folds}).
   */
  static double[] outOfFold(Feature[][] x, double[] y, Features features, Settings settings, int copies) {
    return Folds.outOfFold(x.length, settings.folds(), copies, learnsFrom -> {
      List<Feature[]> trainX = new ArrayList<>();
      List<Double> trainY = new ArrayList<>();
      for (int i = 0; i < x.length; i++) {
        if (learnsFrom.test(i)) {
          trainX.add(x[i]);
          trainY.add(y[i]);
        }
      }
      // Too few examples for a fold (one label only): no model, and its scores stay 0.
      return trainY.stream().distinct().count() < 2 ? null
          : fit(trainX.toArray(Feature[][]::new), trainY.stream().mapToDouble(Double::doubleValue).toArray(), features,
              settings);
    }, (m, i) -> score(m, x[i]));
  }

  /**
   * {@code text} with one of {@code routine} after it (even {@code i}) or before it (odd). Two or three
   * around it caught more of such situations but raised false alarms on plain ones over the target
   * (BENCHMARKS.md §4, twenty-first session).
   */
  static String diluted(String text, List<String> routine, int i) {
    String r = routine.get(i % routine.size());
    return i % 2 == 0 ? text + " " + r : r + " " + text;
  }

  /** Every {@code n}th value from the first: the examples as written, without their diluted copies. */
  private static double[] everyNth(double[] values, int n) {
    return IntStream.range(0, values.length / n).mapToDouble(i -> values[i * n]).toArray();
  }

  /** The highest score that still catches {@code targetRecall} of the urgent examples. */
  static double threshold(double[] scores, double[] y, double targetRecall) {
    return Folds.thresholdForRecall(scores.length, i -> scores[i], i -> y[i] == URGENT, targetRecall);
  }

  private static Model fit(Feature[][] x, double[] y, Features features, Settings settings) {
    Problem p = new Problem();
    p.l = x.length;
    p.n = features.size() + 1;
    p.x = x;
    p.y = y;
    p.bias = 1;
    Parameter parameter = new Parameter(SolverType.L2R_LR, settings.c(), 0.001);
    parameter.setWeights(new double[] {settings.urgentWeight(), 1}, new int[] {URGENT, CALM});
    return Linear.train(p, parameter);
  }

  private static double score(Model m, Feature[] x) {
    double[] p = new double[2];
    Linear.predictProbability(m, x, p);
    return m.getLabels()[0] == URGENT ? p[0] : p[1];
  }

  /** liblinear wants the bias as the last feature, at index n. */
  private static Feature[] withBias(Feature[] x, Features features) {
    Feature[] out = Arrays.copyOf(x, x.length + 1);
    out[x.length] = new FeatureNode(features.size() + 1, 1);
    return out;
  }
}
