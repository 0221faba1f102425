package uk.safeguarding.guidance.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FoldsTest {

  @Test
  void each_row_is_scored_by_the_model_of_the_fold_that_left_it_and_its_group_out() {
    // The "model" is the set of rows it learned from; a row's score says whether it was among them (1) or
    // not (0), plus its fold's number, so a score shows which fold scored the row and what that fold saw.
    double[] scores = Folds.outOfFold(12, 3, 2, learnsFrom -> {
      Set<Integer> seen = new TreeSet<>();
      IntStream.range(0, 12).filter(learnsFrom).forEach(seen::add);
      return seen;
    }, (seen, row) -> (seen.contains(row) ? 1 : 0) + 10 * (row / 2 % 3) + seen.size());
    // Rows 0-1 are fold 0, 2-3 fold 1, 4-5 fold 2, 6-7 fold 0 …; each fold's model learned from the 8 others.
    assertArrayEquals(new double[] {8, 8, 18, 18, 28, 28, 8, 8, 18, 18, 28, 28}, scores);
  }

  @Test
  void a_fold_with_no_model_leaves_its_rows_at_zero() {
    double[] scores = Folds.outOfFold(6, 3, 1, learnsFrom -> learnsFrom.test(0) ? "model" : null, (m, row) -> 5);
    assertArrayEquals(new double[] {0, 5, 5, 0, 5, 5}, scores, "fold 0 (rows 0 and 3) could not learn from row 0");
  }

  @Test
  void the_threshold_keeps_the_target_share_of_the_positive_rows_at_or_above_it() {
    double[] scores = {0.9, 0.1, 0.4, 0.8, 0.2, 0.6};
    boolean[] positive = {true, false, true, true, false, true};
    assertEquals(0.4, Folds.thresholdForRecall(6, i -> scores[i], i -> positive[i], 1.0));
    assertEquals(0.6, Folds.thresholdForRecall(6, i -> scores[i], i -> positive[i], 0.75));
    assertEquals(0.4, Folds.thresholdForRecall(6, i -> scores[i], i -> positive[i], 0.8), "a share rounds down");
  }
}
