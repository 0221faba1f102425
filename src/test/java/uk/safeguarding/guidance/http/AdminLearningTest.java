package uk.safeguarding.guidance.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.TestApp;

/** The learning loop end to end: practitioners' questions and ratings reach the trainers, masked and grouped. */
class AdminLearningTest {

  @TempDir
  static Path corpus;
  @TempDir
  static Path data;
  static TestApp app;
  static TestApp.Trainer alice;

  @BeforeAll
  static void start() throws Exception {
    TestApp.copyMiniCorpus(corpus);
    app = new TestApp(TestApp.sparse(corpus, data));
    alice = app.signIn("alice", "correct horse battery");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static JsonObject ask(String question) throws Exception {
    JsonObject body = new JsonObject();
    body.addProperty("question", question);
    TestApp.Response r = app.post("/api/ask", body.toString());
    assertEquals(200, r.status(), r.body());
    return r.json().getAsJsonObject();
  }

  @Test
  void unanswered_questions_are_stored_masked_and_grouped_when_they_ask_the_same_thing() throws Exception {
    assertFalse(ask("How do I renew my passport?").get("grounded").getAsBoolean());
    assertFalse(ask("renew passports - how?").get("grounded").getAsBoolean());
    assertFalse(ask("Passport for a boy called Jayden Smith").get("grounded").getAsBoolean());
    assertFalse(
        ask("What is the parking policy at the office, email jo.bloggs@council.gov.uk").get("grounded").getAsBoolean());

    for (String query : new String[] {"/api/admin/unanswered?limit=-5", "/api/admin/audit?x=1",
        "/api/admin/documents?x=1"}) {
      TestApp.Response refused = app.as(alice, "GET", query, null, null);
      assertEquals(400, refused.status(), query);
      assertEquals(query.substring(query.indexOf('?') + 1, query.indexOf('=')),
          refused.json().getAsJsonObject().get("parameter").getAsString());
    }
    assertEquals(200, app.as(alice, "GET", "/api/admin/audit?limit=5", null, null).status());
    JsonArray groups = app.as(alice, "GET", "/api/admin/unanswered", null, null).json().getAsJsonObject()
        .getAsJsonArray("groups");
    JsonObject passport = group(groups, "renew passports - how?");
    assertEquals(2, passport.get("count").getAsInt(), groups.toString());
    assertEquals("renew passports - how?", passport.get("question").getAsString(), "the latest wording");
    String all = groups.toString();
    assertFalse(all.contains("Jayden") || all.contains("jo.bloggs"), all);
    assertTrue(all.contains("[email]"), all);
    assertTrue(all.contains("Passport for a boy called [name]"), all);

    TestApp.Response csv = app.as(alice, "GET", "/api/admin/unanswered.csv", null, null);
    assertEquals(200, csv.status());
    assertEquals("text/csv; charset=utf-8", csv.header("Content-Type"));
    assertEquals("attachment; filename=\"unanswered-questions.csv\"", csv.header("Content-Disposition"));
    String[] lines = csv.body().split("\r\n");
    assertEquals("question,count,last_asked,urgent_reason", lines[0]);
    assertTrue(csv.body().contains("\r\nrenew passports - how?,2,"), csv.body());
  }

  @Test
  void an_urgent_question_the_library_cannot_answer_leads_the_queue_with_the_screens_reason() throws Exception {
    assertFalse(ask("where do staff park at head office?").get("grounded").getAsBoolean());
    JsonObject urgent = ask("my 2yo just drank some bleach from under the sink and mum won't ring anyone");
    assertTrue(urgent.get("urgent").getAsBoolean());

    JsonArray groups = app.as(alice, "GET", "/api/admin/unanswered", null, null).json().getAsJsonObject()
        .getAsJsonArray("groups");
    JsonObject first = groups.get(0).getAsJsonObject();
    assertEquals("my 2yo just drank some bleach from under the sink and mum won't ring anyone",
        first.get("question").getAsString());
    assertTrue(first.get("urgent").getAsBoolean());
    assertEquals(urgent.get("urgentReason").getAsString(), first.get("urgentReason").getAsString());
    JsonObject parking = group(groups, "where do staff park at head office?");
    assertFalse(parking.get("urgent").getAsBoolean());
    assertEquals("", parking.get("urgentReason").getAsString());
  }

  private static JsonObject group(JsonArray groups, String question) {
    for (var g : groups) {
      if (g.getAsJsonObject().get("question").getAsString().equals(question)) {
        return g.getAsJsonObject();
      }
    }
    throw new AssertionError("no group for " + question + " in " + groups);
  }

  @Test
  void thumbs_down_answers_are_listed_with_their_reasons_and_exported() throws Exception {
    JsonObject a = ask("what if a baby has a bruise");
    JsonObject fb = new JsonObject();
    fb.addProperty("conversationId", a.get("conversationId").getAsString());
    fb.addProperty("answerId", a.get("answerId").getAsString());
    fb.addProperty("rating", "down");
    fb.addProperty("reason", "=HYPERLINK(\"http://evil\") and call 07700 900123");
    assertEquals(200, app.post("/api/feedback", fb.toString()).status());

    JsonObject group = app.as(alice, "GET", "/api/admin/feedback", null, null).json().getAsJsonObject()
        .getAsJsonArray("groups").get(0).getAsJsonObject();
    assertEquals("what if a baby has a bruise", group.get("question").getAsString());
    assertEquals(1, group.get("count").getAsInt());
    assertEquals("=HYPERLINK(\"http://evil\") and call [phone]", group.getAsJsonArray("reasons").get(0).getAsString());

    String csv = app.as(alice, "GET", "/api/admin/feedback.csv", null, null).body();
    assertTrue(csv.startsWith("question,count,last_rated,reasons\r\nwhat if a baby has a bruise,1,"), csv);
    assertTrue(csv.endsWith(",\"'=HYPERLINK(\"\"http://evil\"\") and call [phone]\"\r\n"), csv);
  }
}
