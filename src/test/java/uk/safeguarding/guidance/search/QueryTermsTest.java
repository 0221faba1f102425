package uk.safeguarding.guidance.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class QueryTermsTest {

  private static final QueryTerms TERMS = new QueryTerms(List.of(
      new QueryTerms.Word("fella", Set.of("fella", "partner"), 0.1, true),
      new QueryTerms.Word("moved", Set.of("move"), 0.2, true),
      new QueryTerms.Word("telly", Set.of("telli"), 0.7, false)));

  @Test
  void coverageIsTheWeightedShareOfWordsFoundThroughAnyOfTheirTerms() {
    // "fella" is found through its synonym's term, "moved" through its stem; "telly" is not found.
    double expected = DoubleStream.of(0.1, 0.2).sum() / DoubleStream.of(0.1, 0.2, 0.7).sum();
    assertEquals(Double.doubleToLongBits(expected),
        Double.doubleToLongBits(TERMS.coverage(Set.of("partner", "move", "assess"))));
    assertEquals(1.0, TERMS.coverage(Set.of("fella", "move", "telli")));
    assertEquals(0.0, TERMS.coverage(Set.of("assess")));
  }

  @Test
  void totalWeightSumsAsAStreamDoes() {
    assertEquals(Double.doubleToLongBits(DoubleStream.of(0.1, 0.2, 0.7).sum()),
        Double.doubleToLongBits(TERMS.totalWeight()));
  }

  @Test
  void aQuestionOfNoWeighedWordsCoversNothing() {
    assertEquals(0.0, new QueryTerms(List.of()).coverage(Set.of("move")));
    assertEquals(0.0, new QueryTerms(List.of(new QueryTerms.Word("x", Set.of("x"), 0, true)))
        .coverage(Set.of("x")));
  }
}
