package uk.safeguarding.guidance.answer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import uk.safeguarding.guidance.embed.Vectors;
import uk.safeguarding.guidance.search.QueryTerms;
import uk.safeguarding.guidance.search.SearchHit;

/**
 * The passages one search found for a question, deeper than an answer quotes from, with what the
 * reranker ({@link PassageRanker}) reads of each: the cosines of the question with every quotable
 * sentence ({@link Sentences#quotable}), best first, and the share of the question's words the
 * passage and its headings carry; and the vectors of each passage and of its closest sentence.
 *
 * @param question the question's query-mode embedding
 * @param vectors per hit, the passage's vector and its closest sentence's (either null when unknown)
 */
record Candidates(QueryTerms terms, float[] question, List<SearchHit> hits, List<double[]> sentenceCosines,
    List<Double> coverage, List<HitVectors> vectors) {

  /** A passage's vector and its closest sentence's, each null when unknown. */
  record HitVectors(float[] passage, float[] closestSentence) {}

  Candidates {
    hits = List.copyOf(hits);
    sentenceCosines = List.copyOf(sentenceCosines);
    coverage = List.copyOf(coverage);
    vectors = List.copyOf(vectors);
  }

  /** Without vectors (fixtures): the reranker's vector figures are then zero. */
  Candidates(QueryTerms terms, float[] question, List<SearchHit> hits, List<double[]> sentenceCosines,
      List<Double> coverage) {
    this(terms, question, hits, sentenceCosines, coverage,
        Collections.nCopies(hits.size(), new HitVectors(null, null)));
  }

  /**
   * Sentence vectors are passage-mode vectors, cached by the embedder like passages (library text,
   * not questions), so a library's sentences are embedded once.
   */
  static Candidates of(QueryTerms terms, float[] question, List<SearchHit> hits, PassageFacts facts) {
    List<double[]> cosines = new ArrayList<>(hits.size());
    List<Double> coverage = new ArrayList<>(hits.size());
    List<HitVectors> vectors = new ArrayList<>(hits.size());
    for (SearchHit h : hits) {
      List<float[]> sentences = facts.sentenceVectors(h.passage());
      double[] each = Vectors.dotsWidened(question, sentences);
      int closest = -1;
      for (int i = 0; i < each.length; i++) {
        closest = closest < 0 || each[i] > each[closest] ? i : closest;
      }
      cosines.add(Arrays.stream(each).map(c -> -c).sorted().map(c -> -c).toArray());
      coverage.add(terms.coverage(facts.terms(h.passage())));
      vectors.add(new HitVectors(facts.vector(h.passage()), closest < 0 ? null : sentences.get(closest)));
    }
    return new Candidates(terms, question, hits, cosines, coverage, vectors);
  }
}
