package uk.safeguarding.guidance.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionSentenceTest {

  private final Question q = new Question("WNB or DNA?", List.of("non-attendance at appointments"),
      "Ensure that records include the views and experience of the child and where there is non-attendance at "
          + "appointments, this should be recorded as “Was not brought” rather than “Did not attend”.",
      false);

  @Test
  void a_point_quoting_the_answering_sentence_counts_whatever_its_quotes_and_spacing() {
    assertTrue(q.isAnswerSentence("Ensure that records include the views and experience of the child and where there "
        + "is non-attendance at  appointments, this should be recorded as \"Was not brought\" rather than \"Did not attend\"."));
  }

  @Test
  void a_clause_of_it_counts_and_a_short_fragment_or_another_sentence_does_not() {
    assertTrue(q.isAnswerSentence("where there is non-attendance at appointments, this should be recorded as "
        + "\"Was not brought\" rather than \"Did not attend\"."));
    assertFalse(q.isAnswerSentence("Was not brought"));
    assertFalse(q.isAnswerSentence("Practitioners should record the child's views at every visit."));
  }

  @Test
  void a_question_without_an_answering_sentence_never_matches() {
    assertFalse(new Question("x", List.of("y"), false).isAnswerSentence("anything at all here, long enough"));
  }
}
