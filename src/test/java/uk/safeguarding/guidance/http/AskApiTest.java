package uk.safeguarding.guidance.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.TestApp;

/** The ask API on the embedded index. */
class AskApiTest extends AskApiContract {

  static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.shipped();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Override
  protected TestApp app() {
    return app;
  }

  /**
   * With the answer models, "You could also ask" offers questions practitioners asked that passages near
   * the answer (not cited) answer: each is answered when tapped, from a passage the first answer did not cite.
   */
  @Test
  void each_question_it_suggests_is_answered_when_asked() throws Exception {
    JsonObject a = app.post("/api/ask", "{\"question\":\"what to do when a family relocates\"}").json()
        .getAsJsonObject();
    List<String> cited = ids(a);
    JsonArray suggestions = a.getAsJsonArray("suggestions");
    assertEquals(3, suggestions.size(), a.toString());
    for (JsonElement s : suggestions) {
      assertFalse(s.getAsString().startsWith("What does the library say about"), s.getAsString());
      JsonObject question = new JsonObject();
      question.addProperty("question", s.getAsString());
      JsonObject b = app.post("/api/ask", question.toString()).json().getAsJsonObject();
      assertTrue(b.get("grounded").getAsBoolean(), b.toString());
      assertTrue(ids(b).stream().anyMatch(id -> !cited.contains(id)), "answered from what the first cited: " + b);
    }
  }

  /**
   * A declined question is offered questions the library answers that are close to it: here the one a
   * question bank asked about the tool, which answers from the passage the decline points to.
   */
  @Test
  void a_long_question_whose_slips_put_right_make_it_longer_than_a_search_takes_is_answered_not_a_500()
      throws Exception {
    // An outsider's probe: 510 characters of keywords, clipped to the search's 500, then lengthened by
    // spelling correction past it, had made the search refuse the answer step's own query (500).
    String question = "assessment police alcohol referral school meeting meeting relocate referral bruise police "
        + "domestic police abuse relocate mental father referral father visitor drug health assessment "
        + "domestic domestic referral baby domestic mental assessment domestic health domestic school "
        + "referral meeting neglect school injury mental strategy domestic bruise mental sleep drug drug "
        + "relocate school sleep neglect neglect meeting baby injury father abuse domestic domestic "
        + "assessment baby police drug assessment injury father s";
    assertEquals(510, question.length());
    TestApp.Response r = app.post("/api/ask", "{\"question\":\"" + question + "\"}");
    assertEquals(200, r.status(), r.body());
  }

  @Test
  void a_declined_question_is_offered_a_close_question_that_the_library_answers() throws Exception {
    JsonObject a = app.post("/api/ask", "{\"question\":\"three houses tool\"}").json().getAsJsonObject();
    assertFalse(a.get("grounded").getAsBoolean());
    assertEquals("[\"What is the three houses tool mentioned in the ICPC audit used for?\"]",
        a.getAsJsonArray("suggestions").toString());
    JsonObject b = app.post("/api/ask", "{\"question\":\"What is the three houses tool mentioned in the ICPC audit "
        + "used for?\"}").json().getAsJsonObject();
    assertTrue(b.get("grounded").getAsBoolean(), b.toString());
    assertTrue(ids(b).contains(a.getAsJsonArray("closest").get(0).getAsJsonObject().get("id").getAsString()),
        b.toString());
    // Far from anything the library answers: its topics.
    JsonObject far = app.post("/api/ask", "{\"question\":\"how do I renew my passport\"}").json().getAsJsonObject();
    assertFalse(far.getAsJsonArray("suggestions").get(0).getAsString().endsWith("?"), far.toString());
  }

  private static List<String> ids(JsonObject answer) {
    List<String> out = new ArrayList<>();
    answer.getAsJsonArray("citations").forEach(c -> out.add(c.getAsJsonObject().get("id").getAsString()));
    return out;
  }

  @Test
  void health_says_the_answer_models_are_ready_once_an_ask_has_waited_for_them() throws Exception {
    assertEquals(200,
        app.post("/api/ask", "{\"question\":\"what should I do when a baby is not brought to appointments?\"}")
            .status());
    assertEquals("ready", app.get("/health").json().getAsJsonObject().get("answerModels").getAsString());
  }

  /**
   * After a declined question, a follow-up that stands for its topic ("it", "they") is declined too; one
   * that brings a topic of its own is searched alone and answered when the learned decision is sure.
   */
  @Test
  void a_follow_up_to_a_declined_question_is_declined_on_its_topic_and_answered_on_its_own() throws Exception {
    JsonObject marac = ask("MARAC referral criteria", null);
    assertFalse(marac.get("grounded").getAsBoolean());
    assertFalse(ask("and who attends it?", marac.get("conversationId").getAsString()).get("grounded").getAsBoolean());
    JsonObject sofa = ask("safe sleep advice - co-sleeping on the sofa", null);
    assertFalse(sofa.get("grounded").getAsBoolean());
    JsonObject sudi = ask("what about the SUDI review then?", sofa.get("conversationId").getAsString());
    assertTrue(sudi.get("grounded").getAsBoolean());
    assertTrue(sudi.getAsJsonArray("citations").get(0).getAsJsonObject().get("section").getAsString()
        .contains("SUDI"), sudi.toString());
    assertFaithful(sudi);
  }

  /**
   * An urgent question the library does not answer gets the emergency guidance, and, when the library
   * answers questions close to it, offers them: the screen sometimes raises a calm question about a
   * review ("newcastle case of the 14 year old who took their own life"), which then still leads, in one
   * tap, to its answer. (Skipped if the screen no longer flags this question.)
   */
  @Test
  void an_urgent_question_declined_offers_the_questions_the_library_answers_close_to_it() throws Exception {
    JsonObject a = ask("newcastle case of the 14 year old who took their own life", null);
    org.junit.jupiter.api.Assumptions.assumeTrue(a.get("urgent").getAsBoolean() && !a.get("grounded").getAsBoolean(),
        "the screen flags it and the strict bar declines it");
    assertTrue(a.get("answer").getAsString().startsWith("The library does not cover this situation directly."));
    JsonArray offered = a.getAsJsonArray("suggestions");
    assertFalse(offered.isEmpty(), a.toString());
    for (JsonElement q : offered) {
      JsonObject tapped = ask(q.getAsString(), null);
      assertTrue(tapped.get("grounded").getAsBoolean() || tapped.get("urgent").getAsBoolean(), q.getAsString());
    }
  }
}
