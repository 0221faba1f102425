package uk.safeguarding.guidance.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.answer.Answer;
import uk.safeguarding.guidance.answer.PointKind;
import uk.safeguarding.guidance.corpus.Passage;

class AskEvalTest {

  private static final String ANSWERING = "Fathers should be seen at home visits. Ask who lives in the house.";
  private static final String OTHER = "The review met twice in 2019.";

  private static Answer answer(String question, List<String> points) {
    Passage good = new Passage("review", "p1", List.of("Review", "Fathers"), ANSWERING, 0);
    Passage bad = new Passage("review", "p2", List.of("Review", "Meetings"), OTHER, 1);
    List<Answer.Citation> citations = List.of(new Answer.Citation(1, good, null, ANSWERING, ANSWERING),
        new Answer.Citation(2, bad, null, OTHER, OTHER));
    List<Answer.Point> shown = points.stream()
        .map(p -> new Answer.Point(p, List.of(ANSWERING.contains(p) ? 1 : 2))).toList();
    return new Answer("c", "a", question, !points.isEmpty(), false, "", "", "", shown, citations, List.of(), List.of());
  }

  @Test
  void counts_how_often_the_answering_sentence_leads_and_the_points_per_answer() {
    String sentence = "Fathers should be seen at home visits.";
    List<Question> questions = List.of(
        new Question("dad at visits?", List.of("seen at home visits"), sentence, false),
        new Question("is the dad seen", List.of("seen at home visits"), sentence, false),
        new Question("who is in the house", List.of("who lives in the house"), sentence, false),
        new Question("what is FII", List.of(), true));
    Map<String, List<String>> replies = Map.of(
        "dad at visits?", List.of(sentence, "Ask who lives in the house."),
        "is the dad seen", List.of(OTHER, "Ask who lives in the house.", sentence),
        "who is in the house", List.of(),
        "what is FII", List.of());

    AskEval.Report r = AskEval.run(questions, q -> answer(q.question(), replies.get(q.question())));

    assertEquals(3, r.inScope());
    assertEquals(2, r.answered());
    assertEquals(5, r.points());
    assertEquals(4, r.precisePoints());
    assertEquals(2, r.withSentence());
    assertEquals(2, r.sentenceFound());
    assertEquals(1, r.sentenceFirst());
    assertEquals(0.5, r.sentenceFirstRate());
    assertEquals(2.5, r.pointsPerAnswer());
    assertEquals(1, r.declined());
    assertTrue(r.toString().endsWith("; answer sentence first 1/2 (0.500); points per answer 5/2 (2.50)"),
        r.toString());
  }

  @Test
  void a_point_from_a_card_quoting_two_passages_is_precise_only_by_the_passage_it_was_cut_from() {
    Passage good = new Passage("review", "p1", List.of("Review", "Fathers"), ANSWERING, 0);
    Passage bad = new Passage("review", "p1-2", List.of("Review", "Fathers"), OTHER, 1);
    Answer.Citation card = new Answer.Citation(1, good, List.of(good, bad), null, ANSWERING + "\n\n" + OTHER, "");
    // Each point names the passage it was cut from.
    List<Answer.Point> shown = List.of(new Answer.Point("Ask who lives in the house.", List.of(1), PointKind.DO,
        good.id()), new Answer.Point(OTHER, List.of(1), PointKind.LEARNED, bad.id()));
    Answer a = new Answer("c", "a", "dad at visits?", true, false, "", "", "", shown, List.of(card), List.of(),
        List.of());

    AskEval.Report r = AskEval.run(List.of(new Question("dad at visits?", List.of("seen at home visits"), false)),
        q -> a);

    assertEquals(1, r.inScope());
    assertEquals(1, r.groundedWithRelevant(), "the card quotes the answering passage");
    assertEquals(2, r.points());
    assertEquals(1, r.precisePoints(), "the point cut from the other passage of the section is not precise");
  }
}
