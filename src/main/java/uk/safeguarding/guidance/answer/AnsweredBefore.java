package uk.safeguarding.guidance.answer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.safeguarding.guidance.embed.Vectors;

/**
 * Which passages answered which labelled example questions, so the reranker ({@link PassageRanker}) can
 * read, for a new question and a candidate passage, how close the question comes to an example that
 * passage answered. A question worded like none of the passage's sentences but like a question a
 * trainer or a question bank already answered from it finds it this way; a trainer's
 * {@code answer: … => sentence} line teaches it directly. Immutable; thread-safe.
 */
final class AnsweredBefore {

  /** An example question and its position among the examples, to leave it out of its own figures. */
  private record Asked(int example, float[] question) {}

  /** The reading when no example was answered by the passage. */
  static final double NONE = 0;
  /** The example to leave out when the question is none of them. */
  static final int NO_EXAMPLE = -1;

  private final Map<String, List<Asked>> byPassage;

  private AnsweredBefore(Map<String, List<Asked>> byPassage) {
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
    Map<String, List<Asked>> byPassage = new HashMap<>();
    for (int i = 0; i < examples.size(); i++) {
      Candidates c = examples.get(i);
      for (int j = 0; answers.get(i) != null && j < answers.get(i).length; j++) {
        if (answers.get(i)[j] && c.question() != null) {
          byPassage.computeIfAbsent(c.hits().get(j).passage().id(), k -> new ArrayList<>())
              .add(new Asked(i, c.question()));
        }
      }
    }
    byPassage.replaceAll((k, v) -> List.copyOf(v));
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
    for (Asked a : byPassage.getOrDefault(passageId, List.of())) {
      if (a.example() != skip) {
        best = Math.max(best, Vectors.dot(question, a.question()));
      }
    }
    return best;
  }
}
