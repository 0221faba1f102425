package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.search.QueryTerms;
import uk.safeguarding.guidance.search.SearchHit;

class GroundingTest {

  private static QueryTerms.Word word(String w, boolean known) {
    return new QueryTerms.Word(w, Set.of(w.toLowerCase()), 1.0, known);
  }

  private static Scored hit(int rank, float cosine, double coverage) {
    return hit(rank, java.util.OptionalDouble.of(cosine), coverage);
  }

  /** A hit from a search on words alone: no similarity. */
  private static Scored wordsOnly(int rank, double coverage) {
    return hit(rank, java.util.OptionalDouble.empty(), coverage);
  }

  private static Scored hit(int rank, java.util.OptionalDouble similarity, double coverage) {
    Passage p = new Passage("doc", "a" + rank, List.of("Doc", "Section " + rank), "Some text.", rank);
    return new Scored(new SearchHit(p, null, 10f - rank, "", similarity), rank, coverage);
  }

  @Test
  void a_close_and_covering_passage_answers_in_hybrid_mode() {
    QueryTerms terms = new QueryTerms(List.of(word("fathers", true), word("assessment", true)));
    assertTrue(Grounding.grounded(terms, List.of(hit(0, 0.70f, 0.5))));
    // 0.60 + 0.3 × 0.2 = 0.66 < 0.69: shares a word, does not answer.
    assertFalse(Grounding.grounded(terms, List.of(hit(0, 0.60f, 0.2))));
  }

  @Test
  void words_the_library_never_uses_lower_the_score_but_text_speak_does_not() {
    QueryTerms everyday = new QueryTerms(List.of(word("fathers", true), word("passport", false)));
    // 0.72 + 0.3 × 0.5 − 0.3 × 0.5 = 0.72: still answers.
    assertTrue(Grounding.grounded(everyday, List.of(hit(0, 0.72f, 0.5))));
    // 0.66 + 0.15 − 0.15 = 0.66: declined.
    assertFalse(Grounding.grounded(everyday, List.of(hit(0, 0.66f, 0.5))));
    QueryTerms textSpeak = new QueryTerms(List.of(word("fathers", true), word("wen", false)));
    assertEquals(0.0, Grounding.unknownShare(textSpeak));
    assertTrue(Grounding.grounded(textSpeak, List.of(hit(0, 0.66f, 0.5))));
  }

  @Test
  void an_acronym_or_name_the_library_never_uses_needs_near_full_coverage() {
    QueryTerms lado = new QueryTerms(List.of(word("LADO", false), word("threshold", true)));
    assertFalse(Grounding.grounded(lado, List.of(hit(0, 0.95f, 0.5))));
    assertTrue(Grounding.grounded(lado, List.of(hit(0, 0.95f, 0.8))));
  }

  @Test
  void without_embeddings_coverage_alone_decides_and_nothing_known_never_answers() {
    QueryTerms terms = new QueryTerms(List.of(word("neglect", true), word("toolkit", true)));
    assertTrue(Grounding.grounded(terms, List.of(wordsOnly(0, 0.5))));
    assertFalse(Grounding.grounded(terms, List.of(wordsOnly(0, 0.49))));
    QueryTerms unknown = new QueryTerms(List.of(word("holiday", false)));
    assertFalse(Grounding.grounded(unknown, List.of(hit(0, 0.99f, 1.0))));
  }

  @Test
  void the_best_of_the_top_three_counts_and_the_fourth_does_not() {
    QueryTerms terms = new QueryTerms(List.of(word("fathers", true), word("assessment", true)));
    List<Scored> scored = List.of(hit(0, 0.5f, 0.1), hit(1, 0.5f, 0.1), hit(2, 0.72f, 0.5), hit(3, 0.9f, 1.0));
    assertTrue(Grounding.grounded(terms, scored));
    assertFalse(Grounding.grounded(terms, List.of(scored.get(0), scored.get(1), scored.get(3)).subList(0, 2)));
  }

  @Test
  void only_a_best_passage_the_examples_were_not_labelled_against_is_judged_by_the_rule_beside_the_model() {
    QueryTerms terms = new QueryTerms(List.of(word("fostering", true), word("private", true)));
    List<Scored> found = List.of(hit(0, 0.48f, 1.0), hit(1, 0.60f, 0.2));
    String best = found.get(0).hit().passage().id();
    // 0.48 + 0.3 × 1.0 = 0.78 ≥ 0.75.
    assertTrue(Grounding.groundedInNew(terms, found, p -> !p.id().equals(best)), "the best passage is new");
    assertFalse(Grounding.groundedInNew(terms, found, p -> true), "every passage labelled: the model alone decides");
    assertFalse(Grounding.groundedInNew(terms, List.of(found.get(1), found.get(0)), p -> false),
        "only the best passage is read: 0.60 + 0.3 × 0.2 = 0.66");
    // 0.42 + 0.3 = 0.72: enough for the rule (0.69), not for a passage no one has labelled (0.75).
    assertTrue(Grounding.grounded(terms, List.of(hit(0, 0.42f, 1.0))));
    assertFalse(Grounding.groundedInNew(terms, List.of(hit(0, 0.42f, 1.0)), p -> false));
  }
}
