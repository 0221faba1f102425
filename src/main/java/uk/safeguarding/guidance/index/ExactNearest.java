package uk.safeguarding.guidance.index;

import java.util.Arrays;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * The nearest passage vectors by a scan of every one, for a library small enough that the scan costs
 * less than walking Lucene's nearest-neighbour graph. Each score is Lucene's own
 * {@link VectorSimilarityFunction#DOT_PRODUCT} of the same two vectors (the figure its graph search
 * gives), and the order is Lucene's (score, then document number), so the result is what the graph
 * search returns when it finds the true neighbours, and never an approximation. Immutable; thread-safe.
 */
final class ExactNearest {

  /**
   * Largest library scanned: up to here a scan is cheaper than the graph. Measured on Java 17 with
   * 384-number vectors and k = 100 ({@code tools/knn-recall/ScanOrGraph.java}, BENCHMARKS §10): 167
   * passages scan in 0.03 ms against the graph's 0.16, 2,000 in 0.31 against 0.41–0.56, and at 4,000
   * they cost about the same (0.66–0.71 against 0.63–0.82), so 2,000 keeps a margin; past it the scan
   * grows with the library and the graph far more slowly (8,000: 1.67 against 0.92 ms).
   */
  static final int MAX_PASSAGES = 2_000;

  /** {@code vectors[d]}: the vector of Lucene document {@code d}. */
  private final float[][] vectors;

  ExactNearest(float[][] vectors) {
    this.vectors = vectors;
  }

  static boolean worthIt(int passages) {
    return passages <= MAX_PASSAGES;
  }

  /** The {@code k} documents nearest {@code query}, best first, ties by document number. */
  TopDocs nearest(float[] query, int k) {
    int n = vectors.length;
    // Scores are in [0, 1], so their float bits order like the scores; the low half orders ties by
    // document number, ascending, once the keys are sorted in descending order.
    long[] keys = new long[n];
    for (int d = 0; d < n; d++) {
      float score = VectorSimilarityFunction.DOT_PRODUCT.compare(query, vectors[d]);
      keys[d] = ((long) Float.floatToIntBits(score) << 32) | (Integer.MAX_VALUE - d);
    }
    Arrays.sort(keys);
    int count = Math.min(k, n);
    ScoreDoc[] top = new ScoreDoc[count];
    for (int i = 0; i < count; i++) {
      long key = keys[n - 1 - i];
      top[i] = new ScoreDoc(Integer.MAX_VALUE - (int) key, Float.intBitsToFloat((int) (key >>> 32)));
    }
    return new TopDocs(new TotalHits(count, TotalHits.Relation.EQUAL_TO), top);
  }
}
