package uk.safeguarding.guidance.eval;

import java.util.List;
import java.util.Map;

/** Ranking metrics as trec_eval computes them (nDCG with log2 discount, gains from the qrels). */
public final class Metrics {

  private Metrics() {}

  /** nDCG@k: trec_eval's {@code ndcg_cut.k}. */
  public static double ndcg(List<String> ranked, Map<String, Integer> relevant, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      Integer gain = relevant.get(ranked.get(i));
      if (gain != null) {
        dcg += gain / log2(i + 2);
      }
    }
    List<Integer> ideal = relevant.values().stream().sorted((a, b) -> b - a).toList();
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += ideal.get(i) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  /** Share of the relevant documents found in the top k. */
  public static double recall(List<String> ranked, Map<String, Integer> relevant, int k) {
    if (relevant.isEmpty()) {
      return 0;
    }
    long found = ranked.stream().limit(k).filter(relevant::containsKey).count();
    return (double) found / relevant.size();
  }

  /** Reciprocal rank of the first relevant document within the top k, else 0. */
  public static double reciprocalRank(List<String> ranked, Map<String, Integer> relevant, int k) {
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (relevant.containsKey(ranked.get(i))) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
