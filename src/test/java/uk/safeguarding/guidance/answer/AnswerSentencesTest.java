package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnswerSentencesTest {

  private static final String ANSWER = "Practitioners should record non-attendance as “Was not brought” rather than "
      + "“Did not attend”.";

  @Test
  void the_sentence_itself_a_longer_unit_holding_it_or_most_of_its_words_match() {
    assertTrue(AnswerSentences.matches(ANSWER, "Practitioners should record non-attendance as \"Was not brought\" "
        + "rather than \"Did not attend\"."));
    assertTrue(AnswerSentences.matches(ANSWER, "In short: " + ANSWER + " Always."));
    assertTrue(AnswerSentences.matches(ANSWER, "Practitioners should record non-attendance as was not brought "
        + "rather than did not attend, always"));
  }

  @Test
  void a_short_fragment_another_sentence_or_no_answer_does_not_match() {
    assertFalse(AnswerSentences.matches(ANSWER, "Was not brought"));
    assertFalse(AnswerSentences.matches(ANSWER, "Practitioners should see the child alone at every visit."));
    assertFalse(AnswerSentences.matches("", ANSWER));
  }
}
