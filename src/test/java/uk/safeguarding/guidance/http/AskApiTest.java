package uk.safeguarding.guidance.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

  @Test
  void health_says_the_answer_models_are_ready_once_an_ask_has_waited_for_them() throws Exception {
    assertEquals(200,
        app.post("/api/ask", "{\"question\":\"what should I do when a baby is not brought to appointments?\"}")
            .status());
    assertEquals("ready", app.get("/health").json().getAsJsonObject().get("answerModels").getAsString());
  }
}
