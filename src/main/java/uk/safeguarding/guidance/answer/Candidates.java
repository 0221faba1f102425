package uk.safeguarding.guidance.answer;

import java.util.ArrayList;
import java.util.List;
import uk.safeguarding.guidance.embed.Vectors;
import uk.safeguarding.guidance.search.QueryTerms;
import uk.safeguarding.guidance.search.SearchHit;

/**
 * The passages one search found for a question, deeper than an answer quotes from, with what the
 * reranker ({@link PassageRanker}) reads of each: the cosines of the question with every quotable
 * sentence ({@link Sentences#quotable}), best first, and the share of the question's words the
 * passage and its headings carry.
 *
 * @param question the question's query-mode embedding
 */
record Candidates(QueryTerms terms, float[] question, List<SearchHit> hits, List<double[]> sentenceCosines,
    List<Double> coverage) {

  Candidates {
    hits = List.copyOf(hits);
    sentenceCosines = List.copyOf(sentenceCosines);
    coverage = List.copyOf(coverage);
  }

  /**
   * Sentence vectors are passage-mode vectors, cached by the embedder like passages (library text,
   * not questions), so a library's sentences are embedded once.
   */
  static Candidates of(QueryTerms terms, float[] question, List<SearchHit> hits, PassageFacts facts) {
    List<double[]> cosines = new ArrayList<>(hits.size());
    List<Double> coverage = new ArrayList<>(hits.size());
    for (SearchHit h : hits) {
      cosines.add(facts.sentenceVectors(h.passage()).stream().mapToDouble(v -> -Vectors.dot(question, v)).sorted()
          .map(c -> -c).toArray());
      coverage.add(terms.coverage(facts.terms(h.passage())));
    }
    return new Candidates(terms, question, hits, cosines, coverage);
  }
}
