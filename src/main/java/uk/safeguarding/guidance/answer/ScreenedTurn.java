package uk.safeguarding.guidance.answer;

import java.util.List;
import uk.safeguarding.guidance.screen.ScreenService;
import uk.safeguarding.guidance.screen.Verdict;
import uk.safeguarding.guidance.search.QueryTerms;
import uk.safeguarding.guidance.search.SearchRequest;

/**
 * Whether a turn of a conversation is urgent: screened alone, or carrying on the urgent turn before
 * it. A child in danger a moment ago still is: "what now?" or "who do i ring" after a turn the screen
 * found urgent says too little to be screened alone ({@link FollowUps#carriesOn}), so the turn before
 * is screened again (its words as searched, an earlier turn's included when it leaned on one), and
 * the situation's words pass on to the next turn, so the urgency lasts a whole exchange.
 *
 * @param urgent whether the page leads with who to contact now
 * @param reason why, for trainers ("" when not urgent)
 * @param situation the urgent words this turn carries on, or null when it was screened alone
 */
record ScreenedTurn(boolean urgent, String reason, String situation) {

  /** Begins the trainers' reason for an urgent turn that carries on an urgent one before it. */
  static final String CARRIED = "Carries on the previous question, which was urgent: ";

  /** The turn's {@code verdict}, or the urgency it carries on from the turn before. */
  static ScreenedTurn of(Verdict verdict, String question, QueryTerms terms, List<Conversations.Turn> history,
      ScreenService screen) {
    if (!verdict.urgent() && FollowUps.carriesOn(question, terms, history)) {
      String before = history.get(history.size() - 1).query();
      Verdict then = screen.assess(before);
      if (then.urgent()) {
        return new ScreenedTurn(true, CARRIED + then.reason(), before);
      }
    }
    return new ScreenedTurn(verdict.urgent(), verdict.reason(), null);
  }

  /**
   * What the turn leaves for the next to lean on: its own search words, after the urgent situation it
   * carried on when it did ("can i wait till monday?" keeps the danger described before it, so "what
   * now?" after it is urgent too).
   */
  String leavesBehind(String own) {
    return situation == null || own.contains(situation) ? own : SearchRequest.clip(situation + " " + own);
  }
}
