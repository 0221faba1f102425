package uk.safeguarding.guidance.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Scores a ranking function on in-scope questions: recall@k and MRR@10. */
public final class QuestionEval {

  /** The outcome for one question: the 1-based rank of the first relevant passage, or 0. */
  public record Outcome(Question question, int firstRelevantRank) {}

  /** Aggregate figures. */
  public record Report(int questions, double recallAt5, double recallAt10, double mrrAt10, List<Outcome> outcomes) {

    public List<Outcome> misses(int k) {
      return outcomes.stream().filter(o -> o.firstRelevantRank() == 0 || o.firstRelevantRank() > k).toList();
    }

    @Override
    public String toString() {
      return String.format("questions=%d recall@5=%.3f recall@10=%.3f MRR@10=%.3f", questions, recallAt5, recallAt10,
          mrrAt10);
    }
  }

  private QuestionEval() {}

  /** {@code rank} returns the texts of the top 10 passages for a question, best first. */
  public static Report run(List<Question> questions, Function<String, List<String>> rank) {
    List<Outcome> outcomes = new ArrayList<>();
    double r5 = 0;
    double r10 = 0;
    double mrr = 0;
    int n = 0;
    for (Question q : questions) {
      if (q.outOfScope()) {
        continue;
      }
      n++;
      List<String> texts = rank.apply(q.text());
      int first = 0;
      for (int i = 0; i < Math.min(10, texts.size()); i++) {
        if (q.isAnsweredBy(texts.get(i))) {
          first = i + 1;
          break;
        }
      }
      outcomes.add(new Outcome(q, first));
      if (first > 0 && first <= 5) {
        r5++;
      }
      if (first > 0) {
        r10++;
        mrr += 1.0 / first;
      }
    }
    return new Report(n, n == 0 ? 0 : r5 / n, n == 0 ? 0 : r10 / n, n == 0 ? 0 : mrr / n, outcomes);
  }
}
