package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
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
    assertEquals(PassageRanker.NAMES.size() + 2 * 2, f.length, "the named figures, then two 2-number products");
    assertEquals(0.9, f[0], 1e-6, "fused score as a share of the best");
    assertEquals(1 / (Math.log(3) / Math.log(2)), f[1], 1e-9, "second place");
    assertEquals(0, f[5], 1e-9, "its best sentence is the best of all");
  }
}
