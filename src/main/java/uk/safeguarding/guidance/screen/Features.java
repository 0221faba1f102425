package uk.safeguarding.guidance.screen;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a question into the screen's sparse feature vector: cue indicators, the sentence embedding
 * (when the model is loaded), and hashed word unigrams, bigrams and character n-grams (which carry
 * typos, text-speak and shorthand such as "3yo" to the words the examples use). Each block is
 * scaled to unit length and then by its weight, so no block drowns the others. Thread-safe.
 */
final class Features {

  /** Hashed lexical features: 2^18 buckets keep collisions rare for a few thousand examples. */
  static final int HASH_BUCKETS = 1 << 18;
  /** Character n-grams from 3 to 5 letters: long enough to mean something, short enough to survive typos. */
  static final int MIN_GRAM = 3;
  static final int MAX_GRAM = 5;

  private final Weights weights;
  private final int dimension;

  /** How much each block counts; chosen by cross-validation on the train split (BENCHMARKS.md). */
  record Weights(double cues, double embedding, double words, double chars, double passage) {

    Weights(double cues, double embedding, double words, double chars) {
      this(cues, embedding, words, chars, 0);
    }

    /** Whether the text is also embedded as a passage (a second model run per question). */
    boolean usesPassageEmbedding() {
      return passage > 0;
    }
  }

  Features(Weights weights, int embeddingDimension) {
    this.weights = weights;
    this.dimension = embeddingDimension;
  }

  boolean usesPassageEmbedding() {
    return weights.usesPassageEmbedding();
  }

  /** The number of feature indices (liblinear's n). */
  int size() {
    return Cues.ALL.size() + 2 * dimension + 2 * HASH_BUCKETS;
  }

  static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'');
  }

  /** The feature vector; {@code embedding} may be null when no model is loaded. */
  Feature[] of(String text, float[] embedding) {
    return of(text, embedding, null);
  }

  /** … with the text's passage-mode embedding too, when the weights use it (else null). */
  Feature[] of(String text, float[] embedding, float[] passageEmbedding) {
    return of(text, Cues.found(normalise(text)), embedding, passageEmbedding);
  }

  /** … with the text's {@link Cues#found cues} already worked out (the screen also names them). */
  Feature[] of(String text, boolean[] cues, float[] embedding, float[] passageEmbedding) {
    String lower = normalise(text);
    List<Feature> out = new ArrayList<>();
    int on = 0;
    for (boolean c : cues) {
      on += c ? 1 : 0;
    }
    for (int i = 0; i < cues.length; i++) {
      if (cues[i]) {
        out.add(new FeatureNode(1 + i, weights.cues() / Math.sqrt(on)));
      }
    }
    int base = 1 + cues.length;
    if (embedding != null && weights.embedding() > 0) {
      for (int i = 0; i < embedding.length; i++) {
        out.add(new FeatureNode(base + i, weights.embedding() * embedding[i]));
      }
    }
    base += dimension;
    if (passageEmbedding != null && weights.passage() > 0) {
      for (int i = 0; i < passageEmbedding.length; i++) {
        out.add(new FeatureNode(base + i, weights.passage() * passageEmbedding[i]));
      }
    }
    base += dimension;
    List<String> tokens = tokens(lower);
    Map<Integer, Double> words = new TreeMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      words.merge(bucket("w:" + tokens.get(i)), 1.0, Double::sum);
      if (i + 1 < tokens.size()) {
        words.merge(bucket("b:" + tokens.get(i) + " " + tokens.get(i + 1)), 1.0, Double::sum);
      }
    }
    Map<Integer, Double> chars = new TreeMap<>();
    for (String t : tokens) {
      String w = "<" + t + ">";
      for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
        for (int i = 0; i + n <= w.length(); i++) {
          chars.merge(bucket("c:" + w.substring(i, i + n)), 1.0, Double::sum);
        }
      }
    }
    add(out, words, base, weights.words());
    add(out, chars, base + HASH_BUCKETS, weights.chars());
    return out.toArray(Feature[]::new);
  }

  /** Words with digits folded to 0, so "3yo" and "15yo" share "0yo" and "00yo" shapes stay close. */
  static List<String> tokens(String lower) {
    List<String> out = new ArrayList<>();
    for (String t : lower.replace("'", "").split("[^a-z0-9]+")) {
      if (!t.isEmpty()) {
        out.add(t.replaceAll("[0-9]", "0"));
      }
    }
    return out;
  }

  private static int bucket(String key) {
    return Math.floorMod(key.hashCode() * 0x9E3779B1, HASH_BUCKETS);
  }

  private static void add(List<Feature> out, Map<Integer, Double> counts, int base, double weight) {
    if (counts.isEmpty() || weight <= 0) {
      return;
    }
    double norm = 0;
    for (double c : counts.values()) {
      double v = 1 + Math.log(c);
      norm += v * v;
    }
    double scale = weight / Math.sqrt(norm);
    for (Map.Entry<Integer, Double> e : counts.entrySet()) {
      out.add(new FeatureNode(base + e.getKey(), scale * (1 + Math.log(e.getValue()))));
    }
  }
}
