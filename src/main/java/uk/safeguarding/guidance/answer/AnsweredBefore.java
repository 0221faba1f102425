package uk.safeguarding.guidance.answer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import uk.safeguarding.guidance.embed.Vectors;
import uk.safeguarding.guidance.ops.CheckedFile;

/**
 * Which passages answered which labelled example questions, so the reranker ({@link PassageRanker}) can
 * read, for a new question and a candidate passage, how close the question comes to an example that
 * passage answered. A question worded like none of the passage's sentences but like a question a
 * trainer or a question bank already answered from it finds it this way; a trainer's
 * {@code answer: … => sentence} line teaches it directly. Immutable; thread-safe.
 */
final class AnsweredBefore {

  /** The reading when no example was answered by the passage. */
  static final double NONE = 0;
  /** The example to leave out when the question is none of them. */
  static final int NO_EXAMPLE = -1;

  /** The example questions a passage answered, and their positions among the examples (to leave one out). */
  private record Answered(List<float[]> questions, int[] examples) {}

  private final Map<String, Answered> byPassage;

  private AnsweredBefore(Map<String, Answered> byPassage) {
    this.byPassage = byPassage;
  }

  /**
   * Example {@code i}'s question answered by its candidates marked true in {@code answers.get(i)} (null
   * for an example that teaches nothing).
   */
  static AnsweredBefore of(List<Candidates> examples, List<boolean[]> answers) {
    if (examples.size() != answers.size()) {
      throw new IllegalArgumentException("Expected one answer list per example: " + examples.size() + " examples, "
          + answers.size() + " answer lists");
    }
    Map<String, List<Integer>> byPassage = new HashMap<>();
    for (int i = 0; i < examples.size(); i++) {
      Candidates c = examples.get(i);
      for (int j = 0; answers.get(i) != null && j < answers.get(i).length; j++) {
        if (answers.get(i)[j] && c.question() != null) {
          byPassage.computeIfAbsent(c.hits().get(j).passage().id(), k -> new ArrayList<>()).add(i);
        }
      }
    }
    Map<String, Answered> answered = new HashMap<>();
    byPassage.forEach((id, asked) -> answered.put(id, new Answered(
        asked.stream().map(i -> examples.get(i).question()).toList(), asked.stream().mapToInt(i -> i).toArray())));
    return new AnsweredBefore(Map.copyOf(answered));
  }

  /** Writes which examples each passage answered, with their questions' vectors, for {@link #readFrom}. */
  void writeTo(DataOutput out) throws IOException {
    out.writeInt(byPassage.size());
    for (Map.Entry<String, Answered> e : new TreeMap<>(byPassage).entrySet()) {
      CheckedFile.string(out, e.getKey());
      CheckedFile.ints(out, e.getValue().examples());
      for (float[] q : e.getValue().questions()) {
        CheckedFile.floats(out, q);
      }
    }
  }

  static AnsweredBefore readFrom(DataInput in) throws IOException {
    int passages = CheckedFile.length(in);
    Map<String, Answered> byPassage = new HashMap<>();
    for (int p = 0; p < passages; p++) {
      String id = CheckedFile.string(in);
      int[] examples = CheckedFile.ints(in);
      List<float[]> questions = new ArrayList<>();
      for (int k = 0; k < examples.length; k++) {
        questions.add(CheckedFile.floats(in));
      }
      byPassage.put(id, new Answered(List.copyOf(questions), examples));
    }
    return new AnsweredBefore(Map.copyOf(byPassage));
  }

  /**
   * The highest cosine between {@code question} and an example that passage {@code passageId} answered,
   * leaving out example {@code skip} ({@link #NO_EXAMPLE} for none); {@link #NONE} when there is none.
   */
  double closest(String passageId, float[] question, int skip) {
    return reading(closestLeaving(passageId, question, skip));
  }

  /** The example passage {@code passageId} answered closest to {@code question}, leaving out {@code skip}; null when none. */
  Match closestLeaving(String passageId, float[] question, int skip) {
    return closest(passageId, question, example -> example != skip, Double.POSITIVE_INFINITY);
  }

  /** A match's cosine as the figure reads it: {@link #NONE} without a match, and never below it. */
  static double reading(Match m) {
    return m == null ? NONE : Math.max(NONE, m.cosine());
  }

  /** An example a passage answered, and its cosine with a question. */
  record Match(int example, double cosine) {}

  /**
   * The example passage {@code passageId} answered that is closest to {@code question}, among those
   * {@code among} accepts whose cosine is below {@code below} (the first such in the examples' order on a
   * tie); null when there is none.
   */
  Match closest(String passageId, float[] question, IntPredicate among, double below) {
    Answered answered = question == null ? null : byPassage.get(passageId);
    if (answered == null) {
      return null;
    }
    float[] cosines = Vectors.dots(question, answered.questions()); // read together: a few dozen per passage
    Match best = null;
    for (int k = 0; k < cosines.length; k++) {
      int example = answered.examples()[k];
      if (cosines[k] < below && among.test(example) && (best == null || cosines[k] > best.cosine())) {
        best = new Match(example, cosines[k]);
      }
    }
    return best;
  }

  /** How many of the examples {@code among} accepts each passage answered, by passage (those with any). */
  Map<String, Integer> answeredBy(IntPredicate among) {
    Map<String, Integer> out = new HashMap<>();
    byPassage.forEach((id, answered) -> {
      int n = (int) Arrays.stream(answered.examples()).filter(among).count();
      if (n > 0) {
        out.put(id, n);
      }
    });
    return out;
  }
}
