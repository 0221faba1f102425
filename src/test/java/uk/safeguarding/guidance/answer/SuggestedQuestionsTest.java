package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.privacy.PersonalData;
import uk.safeguarding.guidance.search.QueryTerms;
import uk.safeguarding.guidance.search.SearchHit;

class SuggestedQuestionsTest {

  private static final QueryTerms TERMS =
      new QueryTerms(List.of(new QueryTerms.Word("neglect", Set.of("neglect"), 2, true)));
  private static final List<String> PASSAGES = List.of("a", "b", "c", "d");

  private static SearchHit hit(String anchor) {
    return new SearchHit(new Passage("doc", anchor, List.of("Doc"), "Text of " + anchor + ".", 0), null, 1, "", 0.5);
  }

  private static String id(String anchor) {
    return hit(anchor).passage().id();
  }

  /** A question (a unit vector at {@code degrees} in a plane) whose search found passages a to d. */
  private static Candidates asked(double degrees) {
    double r = Math.toRadians(degrees);
    List<SearchHit> hits = PASSAGES.stream().map(SuggestedQuestionsTest::hit).toList();
    List<double[]> none = hits.stream().map(h -> new double[0]).toList();
    return new Candidates(TERMS, new float[] {(float) Math.cos(r), (float) Math.sin(r)}, hits, none,
        hits.stream().map(h -> 1.0).toList());
  }

  private static Predicate<SearchHit> answeredBy(String anchor) {
    return h -> h.passage().anchor().equals(anchor);
  }

  private static List<Scored> ranking() {
    List<Scored> out = new ArrayList<>();
    for (int i = 0; i < PASSAGES.size(); i++) {
      out.add(new Scored(hit(PASSAGES.get(i)), i, 1));
    }
    return out;
  }

  private static final float[] QUESTION = {1, 0};

  /** Examples as the answer models learn them: what each found, and the passages that answered it. */
  private static SuggestedQuestions of(List<String> texts, List<Candidates> found,
      List<Predicate<SearchHit>> answering, java.util.function.IntPredicate answeredAlone,
      java.util.function.UnaryOperator<String> shown) {
    List<boolean[]> answers = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      Predicate<SearchHit> a = answering.get(i);
      List<SearchHit> hits = found.get(i).hits();
      boolean[] marks = new boolean[hits.size()];
      for (int j = 0; a != null && j < marks.length; j++) {
        marks[j] = a.test(hits.get(j));
      }
      answers.add(a == null ? null : marks);
    }
    return SuggestedQuestions.of(texts, found, answering, AnsweredBefore.of(found, answers), answeredAlone, shown);
  }

  /** The examples read back from a file, over the same remembered answers. */
  private static SuggestedQuestions readBack(SuggestedQuestions s, AnsweredBefore answered) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    s.writeTo(new DataOutputStream(bytes));
    return SuggestedQuestions.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), answered);
  }

  /** Five examples: b's two (one closer to the question), c's one, d's one misspelt, and one about nothing. */
  private static SuggestedQuestions examples() {
    List<String> texts = List.of("Who should attend the handover meeting?", "What should a chronology record?",
        "How should neglect be escalated?", "Whose escalation proces applies?", "What is a rapid review?");
    List<Candidates> found = List.of(asked(40), asked(25), asked(60), asked(10), asked(5));
    List<Predicate<SearchHit>> answering =
        java.util.Arrays.asList(answeredBy("b"), answeredBy("b"), answeredBy("c"), answeredBy("d"), null);
    return of(texts, found, answering, i -> true, t -> t.replace("proces ", "process "));
  }

  @Test
  void offers_the_closest_example_of_each_uncited_passage_near_the_top_closest_first() {
    SuggestedQuestions s = examples();
    assertEquals(List.of("What should a chronology record?", "How should neglect be escalated?"),
        s.suggest("what happens next?", QUESTION, ranking(), Set.of(id("a")), 3));
    assertEquals(List.of("What should a chronology record?"),
        s.suggest("what happens next?", QUESTION, ranking(), Set.of(id("a")), 1));
    assertEquals("3 questions on 2 passages", s.describe());
  }

  @Test
  void a_cited_passage_offers_nothing_nor_does_the_question_itself_or_a_rewording_of_it() {
    SuggestedQuestions s = examples();
    assertEquals(List.of("How should neglect be escalated?"),
        s.suggest("what happens next?", QUESTION, ranking(), Set.of(id("b")), 3));
    // b's closer example is the question asked (any case): b offers its other one.
    assertEquals(List.of("Who should attend the handover meeting?", "How should neglect be escalated?"),
        s.suggest("what should a chronology record?", QUESTION, ranking(), Set.of(), 3));
    // A question 20 degrees from b's closer example (cosine 0.94) is a rewording of it: b offers its other.
    double r = Math.toRadians(5);
    float[] rewording = {(float) Math.cos(r), (float) Math.sin(r)};
    assertEquals(List.of("Who should attend the handover meeting?", "How should neglect be escalated?"),
        s.suggest("what goes in a chronology?", rewording, ranking(), Set.of(), 3));
  }

  @Test
  void a_declined_question_is_offered_only_close_questions_rewordings_included() {
    SuggestedQuestions s = examples();
    // b's closest (cosine 0.91); c's only example (0.50) is below the floor.
    assertEquals(List.of("What should a chronology record?"), s.closeTo("what happens next?", QUESTION, ranking(), 3));
    // A rewording of b's example (cosine 1) is just what a wrong decline needs; c's (cosine 0.91) is close now.
    double r = Math.toRadians(25);
    float[] rewording = {(float) Math.cos(r), (float) Math.sin(r)};
    assertEquals(List.of("What should a chronology record?", "How should neglect be escalated?"),
        s.closeTo("what goes in a chronology?", rewording, ranking(), 3));
    double far = Math.toRadians(-90);
    assertEquals(List.of(), s.closeTo("cup of tea", new float[] {(float) Math.cos(far), (float) Math.sin(far)},
        ranking(), 3));
  }

  @Test
  void passages_beyond_the_top_offer_nothing() {
    List<Scored> deep = new ArrayList<>();
    for (int i = 0; i < SuggestedQuestions.NEAR_TOP; i++) {
      deep.add(new Scored(hit("filler" + i), i, 1));
    }
    deep.addAll(ranking());
    assertEquals(List.of(), examples().suggest("what happens next?", QUESTION, deep, Set.of(), 3));
  }

  @Test
  void only_questions_that_answer_alone_and_read_well_on_a_button_are_kept() {
    List<String> texts = List.of("What should a chronology record?", "How should neglect be escalated?");
    SuggestedQuestions s = of(texts, List.of(asked(25), asked(60)),
        List.of(answeredBy("b"), answeredBy("c")), i -> i == 1, t -> t);
    assertEquals(List.of("How should neglect be escalated?"),
        s.suggest("what happens next?", QUESTION, ranking(), Set.of(), 3));

    assertTrue(SuggestedQuestions.readsWell("What should a chronology record?"));
    for (String poor : List.of("what should a chronology record?", "What should a chronology record",
        "Housing officer: what can be overlooked?", "I'm a midwife, what is the minimum contact?",
        "And what else did the study draw on?", "What were those injuries consistent with?",
        "Is it neglect? Or is it poverty?", "Who is [name]'s social worker?", "Why?",
        "What should a chronology record about " + "the child ".repeat(8) + "?")) {
      assertFalse(SuggestedQuestions.readsWell(poor), poor);
    }
  }

  @Test
  void a_question_holding_personal_data_is_never_offered() {
    // A trainer's line copied from a real case: masking changes it, so no practitioner is shown it.
    List<String> texts =
        List.of("Should Jayden Smith's school have been told?", "How should neglect be escalated?");
    SuggestedQuestions s = of(texts, List.of(asked(25), asked(60)),
        List.of(answeredBy("b"), answeredBy("c")), i -> true, PersonalData::mask);
    assertEquals(List.of("How should neglect be escalated?"),
        s.suggest("what happens next?", QUESTION, ranking(), Set.of(), 3));
  }

  @Test
  void read_back_it_offers_the_same() throws Exception {
    List<String> texts = List.of("Who should attend the handover meeting?", "What should a chronology record?",
        "How should neglect be escalated?");
    List<Candidates> found = List.of(asked(40), asked(25), asked(60));
    List<Predicate<SearchHit>> answering = List.of(answeredBy("b"), answeredBy("b"), answeredBy("c"));
    List<boolean[]> answers = List.of(new boolean[] {false, true, false, false},
        new boolean[] {false, true, false, false}, new boolean[] {false, false, true, false});
    AnsweredBefore answered = AnsweredBefore.of(found, answers);
    SuggestedQuestions s = SuggestedQuestions.of(texts, found, answering, answered, i -> true, t -> t);
    SuggestedQuestions back = readBack(s, answered);
    assertEquals(List.of("What should a chronology record?", "How should neglect be escalated?"),
        back.suggest("what happens next?", QUESTION, ranking(), Set.of(id("a")), 3));
    assertEquals(s.suggest("what happens next?", QUESTION, ranking(), Set.of(), 3),
        back.suggest("what happens next?", QUESTION, ranking(), Set.of(), 3));
    assertEquals("3 questions on 2 passages", back.describe());
    // Without what the reranker remembers (no reranker was learned), nothing is offered.
    assertEquals(List.of(), readBack(s, null).suggest("what happens next?", QUESTION, ranking(), Set.of(), 3));
    assertEquals("0 questions on 0 passages", readBack(s, null).describe());
  }
}
