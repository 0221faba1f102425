package uk.safeguarding.guidance.ops;

import java.util.Arrays;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Cross-validation shared by the learned decisions (the safety screen, answer or decline): scores for
 * every row from a model that did not see it, and the threshold that keeps a target share of one class
 * above it. Stateless.
 */
public final class Folds {

  private Folds() {}

  /**
   * A model fitted on some rows, and how it scores one row.
   *
   * @param <M> the fitted model
   */
  public interface Scorer<M> {

    double score(M model, int row);
  }

  /**
   * Out-of-fold scores for {@code rows} rows: runs of {@code group} rows (an example and its copies) are
   * assigned round-robin to {@code folds} folds; for each fold, {@code fit} gets which rows it may learn
   * from and returns a model (null when those rows cannot make one: that fold's scores stay 0, which only
   * lowers a threshold set on them), and {@code score} scores the fold's own rows with it. The folds run
   * side by side when the heap allows ({@link Background#folds}): each fit is independent and deterministic,
   * and each fold writes only its own rows, so the scores are the same either way.
   */
  public static <M> double[] outOfFold(int rows, int folds, int group, Function<IntPredicate, M> fit,
      Scorer<M> score) {
    double[] scores = new double[rows];
    Background.folds(folds).forEach(fold -> {
      IntPredicate learnsFrom = i -> i / group % folds != fold;
      M model = fit.apply(learnsFrom);
      if (model == null) {
        return;
      }
      for (int i = 0; i < rows; i++) {
        if (!learnsFrom.test(i)) {
          scores[i] = score.score(model, i);
        }
      }
    });
    return scores;
  }

  /**
   * The highest threshold that keeps {@code targetRecall} of the rows {@code positive} names at or above
   * it: their scores sorted, the one at the share of them that may fall below.
   */
  public static double thresholdForRecall(int rows, IntToDoubleFunction score, IntPredicate positive,
      double targetRecall) {
    double[] kept = IntStream.range(0, rows).filter(positive).mapToDouble(score).toArray();
    Arrays.sort(kept);
    return kept[(int) Math.floor((1 - targetRecall) * kept.length)];
  }
}
