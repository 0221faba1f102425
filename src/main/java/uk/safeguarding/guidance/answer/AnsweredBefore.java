package uk.safeguarding.guidance.answer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.safeguarding.guidance.embed.VectorColumns;

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
  private static final int[] NO_COLUMNS = new int[0];

  /**
   * The example questions that answered something, met with a question all at once: a reranking reads
   * dozens of candidates, each answered by dozens of examples, and most examples answered several of
   * them, so one scan of every example is cheaper than a product per candidate and example.
   */
  private final VectorColumns questions;
  /** The position among the examples of each of {@link #questions}. */
  private final int[] exampleOf;
  /** Each passage's examples, as positions in {@link #questions}. */
  private final Map<String, int[]> byPassage;

  private AnsweredBefore(VectorColumns questions, int[] exampleOf, Map<String, int[]> byPassage) {
    this.questions = questions;
    this.exampleOf = exampleOf;
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
    List<float[]> asked = new ArrayList<>();
    List<Integer> exampleOf = new ArrayList<>();
    Map<String, List<Integer>> byPassage = new HashMap<>();
    for (int i = 0; i < examples.size(); i++) {
      Candidates c = examples.get(i);
      boolean[] answered = answers.get(i);
      for (int j = 0; answered != null && c.question() != null && j < answered.length; j++) {
        if (answered[j]) {
          if (exampleOf.isEmpty() || exampleOf.get(exampleOf.size() - 1) != i) {
            asked.add(c.question());
            exampleOf.add(i);
          }
          byPassage.computeIfAbsent(c.hits().get(j).passage().id(), k -> new ArrayList<>()).add(asked.size() - 1);
        }
      }
    }
    Map<String, int[]> columns = new HashMap<>();
    byPassage.forEach((id, at) -> columns.put(id, at.stream().mapToInt(Integer::intValue).toArray()));
    int dimension = asked.isEmpty() ? 0 : asked.get(0).length;
    return new AnsweredBefore(VectorColumns.of(asked, dimension),
        exampleOf.stream().mapToInt(Integer::intValue).toArray(),
        Map.copyOf(columns));
  }

  /** What {@code question} reads of every passage, leaving out example {@code skip} ({@link #NO_EXAMPLE} for none). */
  Reading reading(float[] question, int skip) {
    return new Reading(question == null || questions.size() == 0 ? null : questions.dots(question), skip);
  }

  /** One question met with every example that answered something. */
  final class Reading {

    private final float[] cosines;
    private final int skip;

    private Reading(float[] cosines, int skip) {
      this.cosines = cosines;
      this.skip = skip;
    }

    /**
     * The highest cosine between the question and an example that passage {@code passageId} answered;
     * {@link #NONE} when there is none.
     */
    double closest(String passageId) {
      double best = NONE;
      if (cosines == null) {
        return best;
      }
      for (int at : byPassage.getOrDefault(passageId, NO_COLUMNS)) {
        if (exampleOf[at] != skip) {
          best = Math.max(best, cosines[at]);
        }
      }
      return best;
    }
  }
}
