package uk.safeguarding.guidance.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hybrid fusion, the same whichever backend ranked: each ranking's scores are min-max normalised
 * over its top {@value #DEPTH} (the best hit 1, a passage missing from a ranking 0; see
 * {@link #fuse} for short rankings) and summed, the dense ones weighted by {@value #DENSE_WEIGHT}.
 * Chosen on the SciFact train split only (nDCG@10), by 5-fold cross-validation over the fusion
 * families: min-max sum 0.769 (train-best w=1.5, 0.770), z-score sum 0.767, weighted reciprocal rank
 * fusion 0.760 (train-best k=5, w=1.75, 0.764); {@code tools/fusion-cv} reproduces these. Rocchio
 * feedback on the query embedding lowered train nDCG@10, so it is not used. BENCHMARKS.md has the
 * whole sweep, including the ideas that did not carry over. Stateless.
 */
public final class Fusion {

  /** How far down each ranking fusion looks. */
  public static final int DEPTH = 100;
  static final double DENSE_WEIGHT = 1.5;
  /**
   * A dense-only hit must be at least this similar to count as a match and join the fusion
   * (bge-small cosines are compressed: unrelated text still scores about 0.4–0.5).
   */
  public static final float DENSE_MIN_COSINE = 0.62f;

  private Fusion() {}

  /** One ranked item: {@code score} is BM25 for words, (1 + cosine) / 2 for neighbours (both engines' scale). */
  public record Hit<K>(K key, float score) {}

  /** The cosine of a nearest-neighbour score: dot-product scores of unit vectors are (1 + cosine) / 2. */
  public static float cosine(float neighbourScore) {
    return 2 * neighbourScore - 1;
  }

  /** A neighbour similar enough to count as a match (see {@link #DENSE_MIN_COSINE}). */
  public static boolean similarEnough(float neighbourScore) {
    return cosine(neighbourScore) >= DENSE_MIN_COSINE;
  }

  /**
   * Sum of min-max normalised lexical and (weighted) dense scores, by key; only neighbours similar
   * enough join. Each range is fixed by the top {@value #DEPTH} whatever page is asked for, so pages
   * agree with each other. {@code wordMatches}: how many passages match the words in all.
   */
  public static <K> Map<K, Double> fuse(List<Hit<K>> words, int wordMatches, List<Hit<K>> near) {
    Map<K, Double> fused = new HashMap<>();
    // A lexical ranking holding every match is scaled from 0 (what a passage without the words
    // scores), so its last match keeps credit; a longer one from its score at DEPTH.
    float wordsFloor = wordMatches <= DEPTH || words.size() < DEPTH ? 0f : words.get(DEPTH - 1).score();
    addNormalised(fused, words, wordsFloor, 1.0, false);
    // Likewise the neighbours: from the 100th when there are that many, else (a small or filtered
    // library, every passage listed) from the similarity a match needs.
    float nearFloor = near.size() >= DEPTH ? near.get(DEPTH - 1).score() : (1 + DENSE_MIN_COSINE) / 2;
    addNormalised(fused, near, nearFloor, DENSE_WEIGHT, true);
    return fused;
  }

  /** Adds {@code weight} × (score − floor) / (best − floor) for each kept hit (1 when all tie). */
  private static <K> void addNormalised(Map<K, Double> fused, List<Hit<K>> ranking, float floor, double weight,
      boolean neighbours) {
    if (ranking.isEmpty()) {
      return;
    }
    float best = ranking.get(0).score();
    for (Hit<K> h : ranking) {
      if (!neighbours || similarEnough(h.score())) {
        // Below the floor (past the top DEPTH) counts as absent, so deeper pages move nothing.
        double norm = best > floor ? Math.max(0, (h.score() - floor) / (double) (best - floor)) : 1.0;
        fused.merge(h.key(), weight * norm, Double::sum);
      }
    }
  }
}
