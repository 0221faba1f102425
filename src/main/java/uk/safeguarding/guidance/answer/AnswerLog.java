package uk.safeguarding.guidance.answer;

/**
 * Where the learning loop hears about answers: questions the library could not answer and
 * practitioners' ratings. Text arrives already masked. Implementations are thread-safe.
 */
public interface AnswerLog {

  /** A question the library could not answer; {@code urgentReason} is "" unless the safety screen flagged it. */
  void unanswered(String maskedQuestion, String urgentReason);

  /** A rating of one answer: {@code up} true for thumbs up; {@code reason} may be empty. */
  void rated(String answerId, String maskedQuestion, boolean grounded, boolean up, String reason);

  /** Discards everything; for a deployment that keeps no learning data. */
  AnswerLog NONE = new AnswerLog() {

    @Override
    public void unanswered(String maskedQuestion, String urgentReason) {}

    @Override
    public void rated(String answerId, String maskedQuestion, boolean grounded, boolean up, String reason) {}
  };
}
