package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.search.QueryTerms;
import uk.safeguarding.guidance.search.SearchHit;

class SentenceFeaturesTest {

  private static Set<String> termsOf(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z]+")).filter(w -> !w.isEmpty())
        .collect(Collectors.toSet());
  }

  private static double figure(SentenceFeatures.Row r, String name) {
    return r.figures()[SentenceFeatures.NAMES.indexOf(name)];
  }

  @Test
  void each_quotable_sentence_is_measured_alone_and_against_the_best() {
    Passage first = new Passage("doc", "p0", List.of("Doc", "What to do"),
        "Practitioners should record neglect early. Short one. Staff must share concerns about neglect.", 0);
    Passage second = new Passage("doc", "p1", List.of("Doc", "Background"),
        "His mother and her partner were charged with cruelty in the spring.", 1);
    List<Scored> scored = List.of(new Scored(new SearchHit(first, null, 2f, "", 0.8f), 0, 1, Set.of()),
        new Scored(new SearchHit(second, null, 1f, "", 0.6f), 1, 0, Set.of()));
    QueryTerms terms = new QueryTerms(List.of(new QueryTerms.Word("neglect", Set.of("neglect"), 1, true),
        new QueryTerms.Word("share", Set.of("share"), 1, true)));
    Evidence e = new Evidence(terms, scored, new float[] {1}, List.of(new double[] {0.7, 0.8}, new double[] {0.5}));
    List<SentenceFeatures.Row> rows = SentenceFeatures.rows(e, SentenceFeaturesTest::termsOf);
    // "Short one." is too short to quote.
    assertEquals(List.of("Practitioners should record neglect early.", "Staff must share concerns about neglect.",
        "His mother and her partner were charged with cruelty in the spring."),
        rows.stream().map(r -> r.unit().text()).toList());
    assertEquals(0.1, figure(rows.get(0), "belowBestCosine"), 1e-9);
    assertEquals(0.5, figure(rows.get(0), "overlap"));
    assertEquals(0.5, figure(rows.get(0), "belowBestOverlap"));
    assertEquals(1.0, figure(rows.get(1), "overlap"));
    assertEquals(1.0, figure(rows.get(1), "action"));
    assertEquals(0.5, figure(rows.get(2), "passageRank"));
    assertEquals(0.5, figure(rows.get(2), "passageScore"));
    assertEquals(1.0, figure(rows.get(2), "background"));
    assertEquals(PointKind.BACKGROUND, rows.get(2).kind());
    assertEquals(0, figure(rows.get(0), "passageChance"), "no reranker: no chance known");
    assertEquals(0, figure(rows.get(2), "belowTopChance"));
  }

  @Test
  void a_sentence_reads_the_rerankers_chance_that_its_passage_answers_and_how_far_below_the_top_it_is() {
    Passage first = new Passage("doc", "p0", List.of("Doc"), "Practitioners should record neglect early.", 0);
    Passage second = new Passage("doc", "p1", List.of("Doc"), "Staff must share concerns about neglect.", 1);
    List<Scored> scored = List.of(new Scored(new SearchHit(first, null, 2f, "", 0.8f), 0, 1, Set.of(), 0.75),
        new Scored(new SearchHit(second, null, 1f, "", 0.6f), 1, 0, Set.of(), 0.5));
    QueryTerms terms = new QueryTerms(List.of(new QueryTerms.Word("neglect", Set.of("neglect"), 1, true)));
    Evidence e = new Evidence(terms, scored, new float[] {1}, List.of(new double[] {0.7}, new double[] {0.6}));
    List<SentenceFeatures.Row> rows = SentenceFeatures.rows(e, SentenceFeaturesTest::termsOf);
    assertEquals(0.75, figure(rows.get(0), "passageChance"));
    assertEquals(0, figure(rows.get(0), "belowTopChance"));
    assertEquals(0.5, figure(rows.get(1), "passageChance"));
    assertEquals(0.25, figure(rows.get(1), "belowTopChance"));
  }
}
