package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.search.QueryTerms;
import uk.safeguarding.guidance.search.SearchHit;

class FollowUpsTest {

  private static final double THRESHOLD = 0.5;
  private static final List<Conversations.Turn> HISTORY = List.of(new Conversations.Turn("a1",
      "what to do when a family relocates", "what to do when a family relocates", true, Instant.EPOCH));

  /** What a search found: its best passage carries {@code coverage} of the question's words. */
  private static AnswerSearch.Found found(double answerable, double coverage) {
    Passage p = new Passage("doc", "p", List.of("Doc"), "Text.", 0);
    Scored top = new Scored(new SearchHit(p, null, 1f, "", 0.7), 0, coverage);
    return new AnswerSearch.Found("q", null, List.of(top), null, answerable, Double.NaN);
  }

  private static QueryTerms words(String... words) {
    return new QueryTerms(List.of(words).stream().map(w -> new QueryTerms.Word(w, Set.of(w), 1, true)).toList());
  }

  @Test
  void a_question_naming_something_new_takes_the_previous_topic_when_that_answers_it() {
    // "who should be at the handover meeting?": alone it finds a meeting passage about something else.
    assertTrue(FollowUps.leans(found(0.3, 0.5), found(0.8, 0.5), THRESHOLD));
  }

  @Test
  void a_fresh_question_answered_alone_keeps_its_own_search() {
    assertFalse(FollowUps.leans(found(0.9, 1.0), found(0.85, 1.0), THRESHOLD), "less likely answerable");
    assertFalse(FollowUps.leans(found(0.3, 1.0), found(0.8, 0.5), THRESHOLD),
        "the previous topic's passage carries fewer of the question's own words");
    assertFalse(FollowUps.leans(found(0.1, 0.5), found(0.4, 0.5), THRESHOLD),
        "not answerable with the previous topic either: declined, not answered from it");
  }

  @Test
  void only_a_short_question_pointing_back_or_opening_with_and_leans_on_the_turn_before() {
    assertTrue(FollowUps.pointsBack("and for teenagers?", words("teenagers"), HISTORY));
    assertTrue(FollowUps.pointsBack("who does that?", words("who"), HISTORY));
    assertFalse(FollowUps.pointsBack("who should be at the handover meeting?", words("handover", "meeting"),
        List.of()), "no turn before");
    assertFalse(
        FollowUps.pointsBack("bruising on a baby who is not yet mobile", words("bruising", "baby", "mobile"), HISTORY));
  }

  @Test
  void a_question_pointing_back_at_a_declined_turn_leans_on_it() {
    List<Conversations.Turn> declined = List.of(new Conversations.Turn("a1", "MARAC referral criteria",
        "MARAC referral criteria", false, Instant.EPOCH));
    assertTrue(FollowUps.leansOnDeclined("and who attends it?", words("attends"), declined));
    assertFalse(FollowUps.leansOnDeclined("and who attends it?", words("attends"), HISTORY), "answered before");
    assertFalse(FollowUps.leansOnDeclined("bruising on a baby who is not yet mobile",
        words("bruising", "baby", "mobile"), declined), "a fresh question");
    assertFalse(FollowUps.leansOnDeclined("and who attends it?", words("attends"), List.of()), "no turn before");
  }

  @Test
  void a_follow_up_to_a_declined_turn_is_on_its_topic_when_a_word_stands_for_it_not_for_a_person() {
    List<Conversations.Turn> declined = List.of(new Conversations.Turn("a1", "county lines", "county lines", false,
        Instant.EPOCH));
    assertTrue(FollowUps.onDeclinedTopic("and who attends it?", words("attends"), declined));
    assertTrue(FollowUps.onDeclinedTopic("who do they report to?", words("report"), declined));
    assertTrue(FollowUps.onDeclinedTopic("what do the reviews say about them?", words("reviews"), declined));
    assertFalse(FollowUps.onDeclinedTopic("does moving him out of area help?", words("moving", "area", "help"),
        declined), "him is the child");
    assertTrue(FollowUps.leansOnDeclined("does moving him out of area help?", words("moving", "area", "help"),
        declined), "searched alone, answered only when the decision is sure");
    assertFalse(FollowUps.onDeclinedTopic("what about the SUDI review then?", words("sudi", "review"), declined));
    assertFalse(FollowUps.onDeclinedTopic("and who attends it?", words("attends"), HISTORY), "answered before");
  }
}
