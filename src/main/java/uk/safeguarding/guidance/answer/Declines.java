package uk.safeguarding.guidance.answer;

import java.util.List;
import uk.safeguarding.guidance.search.QueryTerms;
import uk.safeguarding.guidance.search.SearchService;

/**
 * What a question the library does not answer gets instead: who to contact first, the passages closest
 * to it (in case the decline is wrong), questions near it that the library does answer, and, when the
 * question is urgent, what the library says to do in a safeguarding emergency. Thread-safe.
 */
final class Declines {

  /** What the library says about safeguarding emergencies, for an urgent question it does not cover as asked. */
  static final String EMERGENCY_QUERY = "safeguarding emergency out of hours urgent contact";
  /** The emergency guidance is quoted only from passages carrying this share of the emergency query's words… */
  static final double EMERGENCY_MIN_COVERAGE = 0.5;
  /** … and from at most this many of them. */
  static final int EMERGENCY_PASSAGES = 2;
  /** What a decline says when it points to the passages closest to the question ({@link Closest}). */
  static final String CLOSEST_NOTE = "The passages closest to it are listed below; they are not an answer. ";

  private final SearchService search;
  private final AnswerSearch finder;
  private final GlossaryAnswers glossary;
  private final AnswerComposer composer;

  Declines(SearchService search, AnswerSearch finder, GlossaryAnswers glossary, AnswerComposer composer) {
    this.search = search;
    this.finder = finder;
    this.glossary = glossary;
    this.composer = composer;
  }

  /**
   * The decline of {@code found}'s question ({@code masked}, {@code terms}); {@code ruleMaySay} false for a
   * follow-up carrying on an emergency ("what now?"), which is close only to passages saying "now", so it
   * points to no passages; {@code models} null without learned models.
   */
  Answer of(AskRequest request, String masked, String answerId, boolean urgent, boolean ruleMaySay,
      AnswerSearch.Found found, QueryTerms terms, LearnedModels.Trained models) {
    // The passages closest to the question are pointed to, in case the decline is wrong: also under an urgent
    // prompt, which the screen sometimes raises for a calm question the library answers.
    List<Answer.Citation> closest =
        ruleMaySay ? Closest.of(found.scored(), terms, finder::quotable, search::highlight) : List.of();
    // Questions the library answers that are close to this one, when there are such (one tap answers a wrong
    // decline, or a calm question the screen raised: "newcastle case of the 14 year old who took their own
    // life"); else the topics it covers.
    List<String> close = found.evidence() == null || !ruleMaySay ? List.of()
        : models.suggested().closeTo(masked, found.evidence().question(), found.evidence().scored(),
            AnswerComposer.RELATED);
    if (urgent) {
      // A child in danger now: whatever the library says about emergencies matters more than the exact words.
      Answer emergency = urgentGuidance(request, masked, answerId, !closest.isEmpty(), close);
      if (emergency != null) {
        return emergency.withClosest(closest);
      }
    }
    String lead = urgent
        ? "The guidance library does not cover this situation directly, so there is nothing to quote. Act on the "
            + "advice above first." + (closest.isEmpty() ? "" : " " + CLOSEST_NOTE.strip())
        : Urgency.DECLINE_PROMPT + " The guidance library does not cover this question, so there is nothing to "
            + "quote. " + (closest.isEmpty() ? "" : CLOSEST_NOTE) + "Try different words, or one of the "
            + (close.isEmpty() ? "topics it does cover." : "questions below, which it does answer.");
    return Answer.of(answerId, masked, false, lead, List.of(), List.of(), close.isEmpty() ? glossary.topics() : close)
        .withClosest(closest);
  }

  /** What a question that names no topic gets ({@link NoTopic}): not a decline, a request for more. */
  static final String NO_TOPIC = "Your message does not say what it is about yet. Describe the situation or name "
      + "the topic (for example \"dad not included in the assessment\" or \"a family moving to a new area\"), or pick "
      + "one of the topics below.";

  /** The answer to a question that names no topic: who to contact first, then a request to say more. */
  Answer noTopic(String masked, String answerId) {
    return Answer.of(answerId, masked, false, Urgency.DECLINE_PROMPT + " " + NO_TOPIC, List.of(), List.of(),
        glossary.topics());
  }

  /**
   * The library's emergency guidance for an urgent question it does not answer, offering {@code close}
   * (questions it answers near this one) when there are any: after the prompt and the guidance, a question
   * the screen raised in error still leads one tap to its answer.
   */
  private Answer urgentGuidance(AskRequest request, String masked, String answerId, boolean withClosest,
      List<String> close) {
    QueryTerms terms = search.queryTerms(EMERGENCY_QUERY);
    List<Scored> scored = finder.find(EMERGENCY_QUERY, terms, null, request.filters(), null).scored();
    if (scored.isEmpty() || Grounding.bestCoverage(scored) < EMERGENCY_MIN_COVERAGE) {
      return null;
    }
    List<Scored> top = scored.subList(0, Math.min(EMERGENCY_PASSAGES, scored.size()));
    Answer a = composer.compose(masked, answerId, terms, top, PointPicker.pick(terms, top, true, search::termsOf));
    if (a.points().isEmpty()) {
      return null;
    }
    // Not grounded: the points answer "what to do in an emergency", not the question asked. Clients that
    // count declines (grounded false) count this one too; the page shows the points because it is urgent.
    return Answer.of(answerId, masked, false,
        "The library does not cover this situation directly. Here is what it says to do in a safeguarding "
            + "emergency, quoted from " + AnswerComposer.plural(a.citations().size(), "source") + "."
            + (withClosest ? " The passages closest to your question follow; they are not an answer." : ""),
        a.points(), a.citations(), close.isEmpty() ? a.suggestions() : close);
  }
}
