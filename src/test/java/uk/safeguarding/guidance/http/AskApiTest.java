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
}
