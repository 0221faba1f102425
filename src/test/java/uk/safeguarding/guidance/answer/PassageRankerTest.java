package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.search.QueryTerms;
import uk.safeguarding.guidance.search.SearchHit;

class PassageRankerTest {

  private static final QueryTerms TERMS =
      new QueryTerms(List.of(new QueryTerms.Word("neglect", Set.of("neglect"), 2, true)));

  private static SearchHit hit(String anchor, float score, double cosine) {
    return new SearchHit(new Passage("doc", anchor, List.of("Doc"), "Text of " + anchor + ".", 0), null, score, "",
        cosine);
  }

  /**
   * Three passages as a search ranks them: the answering one ("answer") second, below a passage
   * closer as a whole, but holding the one sentence closest to the question.
   */
  private static Candidates found(Random random) {
    double n = 0.02 * random.nextGaussian();
    List<SearchHit> hits = List.of(hit("broad", 1.0f, 0.80 + n), hit("answer", 0.9f, 0.74 + n),
        hit("other", 0.7f, 0.70 + n));
    List<double[]> sentences = List.of(new double[] {0.70 + n, 0.6}, new double[] {0.86 + n, 0.5},
        new double[] {0.65 + n, 0.6});
    return new Candidates(TERMS, new float[] {1, 0}, hits, sentences, List.of(1.0, 1.0, 0.5));
  }

  @Test
  void learns_that_the_passage_with_the_closest_sentence_answers() {
    Random random = new Random(3);
    List<Candidates> examples = new ArrayList<>();
    List<Predicate<SearchHit>> answers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      examples.add(found(random));
      answers.add(h -> h.passage().anchor().equals("answer"));
    }
    PassageRanker ranker = PassageRanker.train(examples, answers);
    List<SearchHit> ranked = ranker.rank(found(new Random(9)));
    assertEquals(List.of("answer", "broad", "other"), ranked.stream().map(h -> h.passage().anchor()).toList());
    // The same order with each passage's chance of answering, highest first; none without a ranker.
    PassageRanker.Ranking ranking = PassageRanker.ranking(ranker, found(new Random(9)), AnsweredBefore.NO_EXAMPLE);
    assertEquals(ranked, ranking.hits());
    double[] chances = ranking.chances();
    assertTrue(chances[0] > 0.5 && chances[0] > chances[1] && chances[1] >= chances[2] && chances[2] > 0,
        Arrays.toString(chances));
    assertTrue(Arrays.stream(PassageRanker.ranking(null, found(new Random(9)), AnsweredBefore.NO_EXAMPLE).chances())
        .allMatch(Double::isNaN));
    // Two rankings of the same candidates are equal, chances compared by value.
    assertEquals(ranking, PassageRanker.ranking(ranker, found(new Random(9)), AnsweredBefore.NO_EXAMPLE));
    assertEquals(ranking.hashCode(),
        PassageRanker.ranking(ranker, found(new Random(9)), AnsweredBefore.NO_EXAMPLE).hashCode());
  }

  @Test
  void without_answer_phrases_nothing_is_learned_and_the_search_order_stands() {
    List<Predicate<SearchHit>> none = new ArrayList<>();
    none.add(null);
    assertNull(PassageRanker.train(List.of(found(new Random(1))), none));
  }

  @Test
  void the_figures_are_shares_of_the_best_and_below_the_best() {
    double[] f = PassageRanker.figures(found(new Random(5)), null, AnsweredBefore.NO_EXAMPLE)[1];
    assertEquals(RankerFigures.NAMES.size() + 2 * 2, f.length, "the named figures, then two 2-number products");
    assertEquals(0.9, f[0], 1e-6, "fused score as a share of the best");
    assertEquals(1 / (Math.log(3) / Math.log(2)), f[1], 1e-9, "second place");
    assertEquals(0, f[5], 1e-9, "its best sentence is the best of all");
  }

  /** A passage of document {@code doc}, anchor "p". */
  private static SearchHit passageOf(String doc, float score, double cosine) {
    return new SearchHit(new Passage(doc, "p", List.of("Doc"), "Text of " + doc + ".", 0), null, score, "", cosine);
  }

  /** A question on topic {@code topic}: one shared direction (all such questions are alike) and its own. */
  private static float[] question(int topic, int topics) {
    float[] v = new float[topics + 1];
    v[0] = 0.8f;
    v[topic + 1] = 0.6f;
    return v;
  }

  /**
   * Each document's passage answers one topic's questions; the search ranks passages by chance and
   * the closest sentence says which answers, with noise. Remembered examples say it too, so a ranker
   * that never learned without them would put a passage no example answered (a document uploaded
   * after the examples) below every remembered one, as it did in the shipped library.
   */
  @Test
  void a_passage_no_example_answered_still_ranks_first_when_its_sentence_answers() {
    int topics = 4;
    Random random = new Random(11);
    List<Candidates> examples = new ArrayList<>();
    List<Predicate<SearchHit>> answers = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int topic = i % topics;
      List<SearchHit> hits = new ArrayList<>();
      List<double[]> sentences = new ArrayList<>();
      for (int d = 0; d < topics; d++) {
        hits.add(passageOf("doc" + d, 1 - 0.1f * random.nextInt(4), 0.7));
        sentences.add(new double[] {(d == topic ? 0.8 : 0.7) + 0.05 * random.nextGaussian()});
      }
      examples.add(new Candidates(TERMS, question(topic, topics + 1), hits, sentences,
          java.util.Collections.nCopies(topics, 1.0)));
      String answering = "doc" + topic;
      answers.add(h -> h.passage().docId().equals(answering));
    }
    PassageRanker ranker = PassageRanker.train(examples, answers);
    List<SearchHit> hits =
        List.of(passageOf("doc0", 1, 0.7), passageOf("doc1", 1, 0.7), passageOf("uploaded", 0.9f, 0.7));
    Candidates asked = new Candidates(TERMS, question(topics, topics + 1), hits,
        List.of(new double[] {0.7}, new double[] {0.7}, new double[] {0.8}), List.of(1.0, 1.0, 1.0));
    assertEquals("uploaded", ranker.rank(asked).get(0).passage().docId());
  }
}
