package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnswerabilityTest {

  /** Answerable examples have a close best passage (cosine about 0.75), the others not (about 0.6). */
  private static List<Logistic.Input> inputs(List<Boolean> labels, int n, long seed) {
    Random random = new Random(seed);
    List<Logistic.Input> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean answerable = i % 3 != 0;
      double cosine = (answerable ? 0.75 : 0.6) + 0.05 * random.nextGaussian();
      out.add(new Logistic.Input(new double[] {cosine, random.nextDouble(), 1}, null));
      labels.add(answerable);
    }
    return out;
  }

  @Test
  void learns_to_answer_close_questions_and_decline_distant_ones() {
    List<Boolean> labels = new ArrayList<>();
    Answerability model = Answerability.train(inputs(labels, 300, 1), labels, Answerability.STANDARD);
    assertTrue(model.answerable(new Logistic.Input(new double[] {0.8, 0.5, 1}, null)));
    assertFalse(model.answerable(new Logistic.Input(new double[] {0.55, 0.5, 1}, null)));
  }

  @Test
  void the_threshold_answers_the_target_share_of_answerable_examples_it_did_not_see() {
    List<Boolean> labels = new ArrayList<>();
    List<Logistic.Input> train = inputs(labels, 300, 2);
    Answerability model = Answerability.train(train, labels, Answerability.STANDARD);
    List<Boolean> heldOutLabels = new ArrayList<>();
    List<Logistic.Input> heldOut = inputs(heldOutLabels, 300, 3);
    int answerable = 0;
    int answered = 0;
    for (int i = 0; i < heldOut.size(); i++) {
      if (heldOutLabels.get(i)) {
        answerable++;
        answered += model.answerable(heldOut.get(i)) ? 1 : 0;
      }
    }
    assertEquals(Answerability.STANDARD.targetRecall(), answered / (double) answerable, 0.06);
  }

  @Test
  void the_threshold_is_the_score_that_keeps_the_target_recall() {
    double[] scores = {0.1, 0.2, 0.3, 0.4, 0.9, 0.05};
    List<Boolean> y = List.of(true, true, true, true, false, false);
    assertEquals(0.1, Answerability.threshold(scores, y, 1.0));
    assertEquals(0.2, Answerability.threshold(scores, y, 0.75));
  }

  @Test
  void an_urgent_question_needs_a_sure_score_or_the_hand_set_rule() {
    List<Boolean> labels = new ArrayList<>();
    Answerability model = Answerability.train(inputs(labels, 300, 1), labels, Answerability.STANDARD);
    double unsure = (model.threshold() + Answerability.URGENT_SCORE) / 2;
    assertTrue(model.answerable(unsure), "calm: answered");
    assertFalse(model.answerableStrictly(unsure, false), "urgent, the rule disagrees: emergency guidance");
    assertTrue(model.answerableStrictly(unsure, true), "urgent, the rule agrees");
    assertTrue(model.answerableStrictly(Answerability.URGENT_SCORE, false), "urgent, sure");
    assertFalse(model.answerableStrictly(model.threshold() - 0.01, true), "never more than when calm");
  }

  @Test
  void needs_both_labels() {
    List<Logistic.Input> in = List.of(new Logistic.Input(new double[] {1}, null));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Answerability.train(in, List.of(true), Answerability.STANDARD));
    assertEquals("The answer-or-decline model needs answerable and not-covered examples, got 1", e.getMessage());
  }
}
