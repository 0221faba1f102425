package uk.safeguarding.guidance.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import uk.safeguarding.guidance.answer.Answer;
import uk.safeguarding.guidance.answer.AskRequest;

/**
 * Scores answering: the share of in-scope questions answered grounded with a relevant citation,
 * and the share of out-of-scope questions declined.
 */
public final class AskEval {

  /** Aggregate figures and the questions that failed. */
  public record Report(int inScope, int groundedWithRelevant, int outOfScope, int declined, List<String> failures) {

    public double answeredRate() {
      return inScope == 0 ? 0 : (double) groundedWithRelevant / inScope;
    }

    public double declinedRate() {
      return outOfScope == 0 ? 0 : (double) declined / outOfScope;
    }

    @Override
    public String toString() {
      return String.format("in-scope answered with a relevant citation %d/%d (%.3f); out-of-scope declined %d/%d (%.3f)",
          groundedWithRelevant, inScope, answeredRate(), declined, outOfScope, declinedRate());
    }
  }

  private AskEval() {}

  public static Report run(List<Question> questions, Function<AskRequest, Answer> ask) {
    int in = 0;
    int ok = 0;
    int out = 0;
    int declined = 0;
    List<String> failures = new ArrayList<>();
    for (Question q : questions) {
      Answer a = ask.apply(new AskRequest(q.text(), null, null));
      if (q.outOfScope()) {
        out++;
        if (!a.grounded()) {
          declined++;
        } else {
          failures.add("answered out-of-scope: " + q.text());
        }
      } else {
        in++;
        boolean relevant = a.grounded() && a.citations().stream().anyMatch(c -> q.isAnsweredBy(c.passage().text()));
        if (relevant) {
          ok++;
        } else {
          failures.add((a.grounded() ? "no relevant citation: " : "declined in-scope: ") + q.text());
        }
      }
    }
    return new Report(in, ok, out, declined, failures);
  }
}
