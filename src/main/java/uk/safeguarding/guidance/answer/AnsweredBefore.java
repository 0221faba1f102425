package uk.safeguarding.guidance.answer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    double best = NONE;
    if (question == null) {
      return best;
    }
    Answered answered = byPassage.get(passageId);
    if (answered == null) {
      return best;
    }
    float[] cosines = Vectors.dots(question, answered.questions()); // read together: a few dozen per passage
    for (int k = 0; k < cosines.length; k++) {
      if (answered.examples()[k] != skip) {
        best = Math.max(best, cosines[k]);
      }
    }
    return best;
  }
}
