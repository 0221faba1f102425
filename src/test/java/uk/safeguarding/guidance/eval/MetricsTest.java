package uk.safeguarding.guidance.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-computed values, with trec_eval's definitions (linear gains, log2 discount, cut at k). */
class MetricsTest {

  private static final double LOG2_3 = Math.log(3) / Math.log(2);

  @Test
  void ndcg_discounts_by_rank_and_normalises_by_the_ideal_ranking() {
    assertEquals(1 / LOG2_3, Metrics.ndcg(List.of("a", "b", "c"), Map.of("b", 1), 10), 1e-12);
    // Graded: gain 2 at rank 1 found, gain 1 missing; ideal has both.
    assertEquals(2 / (2 + 1 / LOG2_3), Metrics.ndcg(List.of("a", "b"), Map.of("a", 2, "c", 1), 10), 1e-12);
    assertEquals(1.0, Metrics.ndcg(List.of("c", "a"), Map.of("a", 1, "c", 1), 10), 1e-12);
  }

  @Test
  void ndcg_ignores_everything_below_the_cut() {
    assertEquals(0.0, Metrics.ndcg(List.of("x", "a"), Map.of("a", 1), 1));
    assertEquals(0.0, Metrics.ndcg(List.of("a"), Map.of(), 10));
  }

  @Test
  void recall_counts_relevant_documents_found_within_k() {
    assertEquals(1.0 / 3, Metrics.recall(List.of("a", "b", "c"), Map.of("a", 1, "c", 1, "d", 1), 2), 1e-12);
    assertEquals(2.0 / 3, Metrics.recall(List.of("a", "b", "c"), Map.of("a", 1, "c", 1, "d", 1), 3), 1e-12);
    assertEquals(0.0, Metrics.recall(List.of("a"), Map.of(), 10));
  }

  @Test
  void reciprocal_rank_is_that_of_the_first_relevant_document_within_k() {
    assertEquals(1.0 / 3, Metrics.reciprocalRank(List.of("x", "y", "a", "b"), Map.of("a", 1, "b", 1), 3), 1e-12);
    assertEquals(0.0, Metrics.reciprocalRank(List.of("x", "y", "a"), Map.of("a", 1), 2));
  }
}
