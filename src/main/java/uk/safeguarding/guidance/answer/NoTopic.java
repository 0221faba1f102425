package uk.safeguarding.guidance.answer;

import java.util.List;
import java.util.function.Supplier;
import uk.safeguarding.guidance.embed.Embedder;
import uk.safeguarding.guidance.embed.Vectors;
import uk.safeguarding.guidance.ops.ResourceLines;

/**
 * Whether a question asked on its own names no topic or situation at all ("thanks", "what now?", "any
 * advice?"): the library can neither answer nor decline it, and searched anyway it was answered with
 * whatever passage shared its one word ("now underway"). Learned from labelled lines, {@value #EXAMPLES}
 * (a line is added there when a message slips through), against the questions writers asked of the library:
 * a question is topic-less when its embedding comes closer to some topic-less line than to every
 * labelled question ({@link Answerability#closestExample}) by more than {@link #MARGIN}. Nearest
 * neighbours rather than a fitted model: the two sets barely overlap, and the closest line names the
 * reason. Thread-safe; the lines are embedded once, at first use.
 */
final class NoTopic {

  /** The labelled topic-less lines, a classpath resource. */
  static final String EXAMPLES = "/answer/topicless-examples.txt";

  /**
   * How much closer to a topic-less line than to any writer's question. Chosen on the train splits only
   * (BENCHMARKS.md §8): of the 2,284 in-scope and 948 out-of-scope questions of the five writers whose
   * train splits are in no example file (banks 17–21), margins of 0 and 0.02 caught 4 in scope, 0.05
   * caught 2 (the closest, "what should i do with info i gather", at 0.075) and 0.08 none, and no
   * out-of-scope one at any. A false "say more" to a real question is the worse mistake, so 0.08.
   */
  static final double MARGIN = 0.08;

  private final Supplier<List<String>> lines;
  private final Embedder embedder;
  private volatile float[][] vectors;

  /** The shipped lines, embedded by {@code embedder} at first use. */
  NoTopic(Embedder embedder) {
    this(NoTopic::shipped, embedder);
  }

  NoTopic(Supplier<List<String>> lines, Embedder embedder) {
    this.lines = lines;
    this.embedder = embedder;
  }

  /**
   * Whether the question, its own words alone ({@code searched}), names no topic, given the answer step's
   * {@code models} (null before their first training: no verdict). When it was searched alone, the search's
   * embedding of it and its closest labelled question are read from {@code found}; else (a follow-up, or no
   * word to search for, as in "hello") it is embedded and compared here, a millisecond or two.
   */
  boolean lacksTopic(String searched, AnswerSearch.Found found, LearnedModels.Trained models) {
    if (models == null) {
      return false;
    }
    if (found.context() == null && found.evidence() != null) {
      return lacksTopic(found.evidence().question(), found.closestExample());
    }
    float[] question = embedder.embedQuery(searched);
    return lacksTopic(question, models.answerability().closestExample(question));
  }

  /**
   * Whether {@code question} (its query embedding; null when unknown) names no topic, given how close it
   * comes to the closest labelled question ({@code closestLabelled}, a cosine).
   */
  boolean lacksTopic(float[] question, double closestLabelled) {
    if (question == null) {
      return false;
    }
    double best = 0;
    for (float[] v : vectors()) {
      if (v.length == question.length) {
        best = Math.max(best, Vectors.dot(question, v));
      }
    }
    return best - closestLabelled > MARGIN;
  }

  private float[][] vectors() {
    float[][] v = vectors;
    if (v == null) {
      synchronized (this) {
        if (vectors == null) {
          vectors = embedder.embedQueries(lines.get()).toArray(new float[0][]);
        }
        v = vectors;
      }
    }
    return v;
  }

  /** The lines of {@value #EXAMPLES}, comments and blank lines left out ({@link ResourceLines}). */
  static List<String> shipped() {
    return List.copyOf(ResourceLines.read(EXAMPLES, "topic-less lines", ""));
  }
}
