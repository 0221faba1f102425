package uk.safeguarding.guidance.screen;

import java.util.List;

/**
 * What the screen decided about one question.
 *
 * @param score the model's probability that the question describes a child in danger now
 * @param threshold the score at or above which a question is urgent
 * @param cues the lexical cues it found, in words a trainer reads ("a child's age", "tonight")
 * @param nearest the labelled urgent example the question most resembles, or "" when none is close
 */
public record Verdict(boolean urgent, double score, double threshold, List<String> cues, String nearest) {

  public Verdict {
    cues = List.copyOf(cues);
  }

  /** Why the screen flagged the question, for trainers; "" when it did not. */
  public String reason() {
    if (!urgent) {
      return "";
    }
    StringBuilder b =
        new StringBuilder(String.format(java.util.Locale.ROOT, "Safety screen score %.2f (urgent from %.2f)",
            score, threshold));
    if (!cues.isEmpty()) {
      b.append("; cues: ").append(String.join(", ", cues));
    }
    if (!nearest.isEmpty()) {
      b.append("; like the example \"").append(nearest).append('"');
    }
    return b.toString();
  }
}
