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

class ClosestTest {

  private static Scored scored(String doc, String heading, String anchor, double coverage) {
    Passage p = new Passage(doc, anchor, List.of("Doc", heading), "Text.", 0);
    return new Scored(new SearchHit(p, null, 1f, "", 0.7), 0, coverage);
  }

  private static List<String> ids(List<Scored> scored) {
    return scored.stream().map(s -> s.hit().passage().id()).toList();
  }

  /** Lower-cased words, as a stand-in for the index's analysis. */
  private static Set<String> words(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z]+")).filter(w -> !w.isEmpty())
        .collect(Collectors.toSet());
  }

  private static QueryTerms question(String... words) {
    return new QueryTerms(List.of(words).stream().map(w -> new QueryTerms.Word(w, Set.of(w), 1, true)).toList());
  }

  @Test
  void passages_carrying_half_the_question_are_pointed_to_in_order_one_per_section_three_at_most() {
    List<Scored> found = List.of(scored("a", "Audit", "a1", 0.9), scored("a", "Audit", "a2", 0.8),
        scored("b", "Plans", "b1", 0.49), scored("b", "Plans", "b2", 0.5), scored("c", "Audit", "c1", 1.0),
        scored("d", "Meetings", "d1", 0.7), scored("e", "Tools", "e1", 1.0));
    assertEquals(List.of("a#a1", "b#b2", "c#c1"), ids(Closest.pick(found)),
        "a2 shares a1's section, b1 carries less than half, and three is the most");
  }

  @Test
  void nothing_is_pointed_to_when_no_passage_carries_half_the_question() {
    assertEquals(List.of(), Closest.pick(List.of(scored("a", "Audit", "a1", 0.3), scored("b", "Plans", "b1", 0))));
  }

  @Test
  void the_sentence_sharing_most_of_the_question_is_the_excerpt_the_earliest_on_a_tie() {
    String text = "The audit looked at ten cases in detail. Childrens views were gathered with the three houses "
        + "tool in some cases. Three plans were shared with the family in each case.";
    List<SentenceFeatures.Quotable> sentences =
        SentenceFeatures.quotable(new Passage("a", "a1", List.of("Doc", "Audit"), text, 0), ClosestTest::words);
    assertEquals("Childrens views were gathered with the three houses tool in some cases.",
        Closest.closestSentence(text, sentences, question("three", "houses", "tool")));
    assertEquals("The audit looked at ten cases in detail.",
        Closest.closestSentence(text, sentences, question("cases")), "three sentences share it: the first");
    assertEquals(text, Closest.closestSentence(text, List.of(), question("cases")), "none quotable: the whole text");
  }

  @Test
  void a_long_sentence_is_cut_at_a_word_and_marked() {
    String longSentence = "word ".repeat(100).strip();
    String cut = Closest.cut(longSentence);
    assertEquals("word ".repeat(59) + "word …", cut);
    assertEquals("A short one.", Closest.cut("A short one."));
  }
}
