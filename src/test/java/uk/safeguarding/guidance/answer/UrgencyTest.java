package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrgencyTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "a child has just told me her stepdad hurts her and she is scared to go home tonight",
      "Boy in my class says his dad will beat him when he gets home today",
      "the baby is not breathing properly",
      "a 14 year old has gone missing and is with an older man",
      "she disclosed sexual abuse this morning and mum is picking her up",
      "I think this child is in immediate danger",
      "a toddler has been left home alone",
      "he said he is going to kill her"})
  void questions_describing_immediate_risk_are_urgent(String q) {
    assertTrue(Urgency.isUrgent(q), q);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "what to do when a family relocates",
      "baby seen with a bruise",
      "dad not in the assessment",
      "neglect threshold",
      "how do I share information with health",
      "what does LCSPR mean",
      "children missing from care"})
  void ordinary_practice_questions_are_not_urgent(String q) {
    assertFalse(Urgency.isUrgent(q), q);
  }
}
