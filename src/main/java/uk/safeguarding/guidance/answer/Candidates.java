package uk.safeguarding.guidance.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import uk.safeguarding.guidance.embed.Embedder;
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
  static Candidates of(QueryTerms terms, float[] question, List<SearchHit> hits, Embedder embedder,
      Function<String, Set<String>> termsOf) {
    List<double[]> cosines = new ArrayList<>(hits.size());
    List<Double> coverage = new ArrayList<>(hits.size());
    for (SearchHit h : hits) {
      List<String> units = Sentences.quotable(h.passage().text()).stream().map(Sentences.Unit::text).toList();
      List<float[]> vectors = units.isEmpty() ? List.of() : embedder.embedPassages(units);
      cosines.add(vectors.stream().mapToDouble(v -> -Vectors.dot(question, v)).sorted().map(c -> -c).toArray());
      coverage.add(
          terms.coverage(termsOf.apply(h.passage().text() + "\n" + String.join(" ", h.passage().subPath()))));
    }
    return new Candidates(terms, question, hits, cosines, coverage);
  }
}
