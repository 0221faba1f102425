package uk.safeguarding.guidance.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
}
