package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.search.QueryTerms;
import uk.safeguarding.guidance.search.SearchHit;

class AnswerFeaturesTest {

  private static QueryTerms.Word known(String w, double weight) {
    return new QueryTerms.Word(w, Set.of(w), weight, true);
  }

  private static QueryTerms.Word unknown(String w) {
    return new QueryTerms.Word(w, Set.of(w.toLowerCase()), 6.0, false);
  }

  private static Scored hit(int rank, float cosine, String... terms) {
    Passage p = new Passage("doc", "a" + rank, List.of("Doc"), "Some text.", rank);
    return new Scored(new SearchHit(p, null, 10f - rank, "", cosine), rank, 0, Set.of(terms));
  }

  private static final List<Scored> HITS = List.of(hit(0, 0.8f, "neglect", "hungri"), hit(1, 0.7f, "school"));
  private static final List<double[]> SENTENCES = List.of(new double[] {0.6, 0.75}, new double[] {0.7});

  private static QueryTerms terms(QueryTerms.Word... extra) {
    List<QueryTerms.Word> words = new ArrayList<>(List.of(known("neglect", 2.0), known("hungri", 3.0)));
    words.addAll(List.of(extra));
    return new QueryTerms(words);
  }

  @Test
  void everyday_words_and_text_speak_the_library_never_uses_change_no_figure() {
    double[] plain = AnswerFeatures.of(terms(), HITS, SENTENCES);
    for (String word : List.of("fella", "jabs", "skint", "telly", "3yo", "wen", "bloke")) {
      assertEquals(AnswerFeatures.Kind.EVERYDAY, AnswerFeatures.kind(unknown(word)), word);
      assertArrayEquals(plain, AnswerFeatures.of(terms(unknown(word)), HITS, SENTENCES), 1e-9, word);
    }
  }

  @Test
  void an_acronym_a_name_or_a_word_nobody_uses_counts_against_the_question() {
    assertEquals(AnswerFeatures.Kind.ACRONYM, AnswerFeatures.kind(unknown("LADO")));
    assertEquals(AnswerFeatures.Kind.NAME, AnswerFeatures.kind(unknown("Sunderland")));
    assertEquals(AnswerFeatures.Kind.NAME, AnswerFeatures.kind(unknown("1989")));
    assertEquals(AnswerFeatures.Kind.OTHER, AnswerFeatures.kind(unknown("McFarlane")));
    double[] lado = AnswerFeatures.of(terms(unknown("LADO")), HITS, SENTENCES);
    assertEquals(1.0, lado[AnswerFeatures.NAMES.indexOf("unknownAcronym")]);
    assertEquals(5.0 / 11, lado[AnswerFeatures.NAMES.indexOf("coverage")], 1e-9);
    double[] other = AnswerFeatures.of(terms(unknown("McFarlane")), HITS, SENTENCES);
    assertEquals(1.0 / 3, other[AnswerFeatures.NAMES.indexOf("unknownOther")], 1e-9);
  }

  @Test
  void figures_come_from_the_best_of_the_top_passages_and_their_sentences() {
    double[] f = AnswerFeatures.of(terms(known("school", 1.0)), HITS, SENTENCES);
    assertEquals(AnswerFeatures.NAMES.size(), f.length);
    assertEquals(0.8, f[AnswerFeatures.NAMES.indexOf("bestCosine")], 1e-6);
    assertEquals(5.0 / 6, f[AnswerFeatures.NAMES.indexOf("knownCoverage")], 1e-9);
    // The two rarest known words, "hungri" and "neglect", are both in the top passage.
    assertEquals(1.0, f[AnswerFeatures.NAMES.indexOf("rareWords")]);
    assertEquals(0.75, f[AnswerFeatures.NAMES.indexOf("bestSentence")]);
    assertEquals(0.75, f[AnswerFeatures.NAMES.indexOf("topSentence")]);
    assertEquals(0.7, f[AnswerFeatures.NAMES.indexOf("secondSentence")]);
  }
}
