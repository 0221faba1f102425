package uk.safeguarding.guidance.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.safeguarding.guidance.TestApp;
import uk.safeguarding.guidance.answer.Urgency;

/**
 * What {@code POST /api/ask} and {@code /api/feedback} promise, whichever engine ranks: grounded and
 * faithful answers, declines, glossary, urgency, conversations, masking, filters, and a 400 naming
 * the parameter. Run over the shipped corpus on the embedded index ({@link AskApiTest}) and on
 * SolrCloud ({@code SolrCloudIT}).
 */
public abstract class AskApiContract {

  /** A server over the shipped corpus, hybrid retrieval, no rate limit. */
  protected abstract TestApp app();

  JsonObject ask(String question, String conversationId) throws Exception {
    JsonObject body = new JsonObject();
    body.addProperty("question", question);
    if (conversationId != null) {
      body.addProperty("conversationId", conversationId);
    }
    TestApp.Response r = app().post("/api/ask", body.toString());
    assertEquals(200, r.status(), r.body());
    return r.json().getAsJsonObject();
  }

  private static String norm(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  /**
   * Every point is cut verbatim from the section it cites first; every citation number exists; one card
   * per section.
   */
  void assertFaithful(JsonObject answer) throws Exception {
    Map<Integer, JsonObject> byNumber = new HashMap<>();
    Set<String> sections = new HashSet<>();
    for (JsonElement c : answer.getAsJsonArray("citations")) {
      JsonObject card = c.getAsJsonObject();
      byNumber.put(card.get("n").getAsInt(), card);
      assertTrue(sections.add(card.get("docId").getAsString() + " " + card.get("section").getAsString()),
          "two cards for one section: " + card.get("section"));
    }
    for (JsonElement p : answer.getAsJsonArray("points")) {
      JsonObject point = p.getAsJsonObject();
      JsonArray refs = point.getAsJsonArray("citations");
      assertFalse(refs.isEmpty(), "a point without a citation: " + point);
      for (JsonElement n : refs) {
        assertTrue(byNumber.containsKey(n.getAsInt()), "citation " + n + " is missing");
      }
      // One card per section: the point is cut from the passages it names, each one its cards quote.
      Set<String> quotedByCards = new HashSet<>();
      refs.forEach(n -> byNumber.get(n.getAsInt()).getAsJsonArray("passageIds")
          .forEach(id -> quotedByCards.add(id.getAsString())));
      Set<String> own = new HashSet<>();
      point.getAsJsonArray("passageIds").forEach(id -> own.add(id.getAsString()));
      assertFalse(own.isEmpty(), "a point naming no passage: " + point);
      assertTrue(quotedByCards.containsAll(own), "a point's passages not among its cards': " + point);
      JsonObject first = byNumber.get(refs.get(0).getAsInt());
      String docId = first.get("docId").getAsString();
      Set<String> anchors = new HashSet<>();
      first.getAsJsonArray("passageIds").forEach(id -> {
        if (own.contains(id.getAsString())) {
          anchors.add(id.getAsString().split("#")[1]);
        }
      });
      assertEquals(first.get("id").getAsString(), first.getAsJsonArray("passageIds").get(0).getAsString());
      JsonArray passages = app().get("/api/documents/" + docId).json().getAsJsonObject().getAsJsonArray("passages");
      StringBuilder sectionText = new StringBuilder();
      for (JsonElement e : passages) {
        if (anchors.contains(e.getAsJsonObject().get("anchor").getAsString())) {
          // A glossary definition may be a heading ("… (SUDI) Review"): the section is source text too.
          sectionText.append(e.getAsJsonObject().get("text").getAsString()).append(' ')
              .append(e.getAsJsonObject().get("section").getAsString()).append('\n');
        }
      }
      String source = norm(sectionText.toString());
      for (String piece : pieces(point.get("text").getAsString())) {
        assertTrue(source.contains(norm(piece)), "point not quoted from its source: " + point.get("text"));
      }
    }
  }

  /**
   * The runs of source text a point is made of: the point itself, or a lead-in and the items it introduces,
   * joined as "lead-in: item; item; …" (answer/LeadIns), each run quoted as it stands.
   */
  private static List<String> pieces(String point) {
    return Arrays.stream(point.split(": |; ")).filter(p -> !p.isBlank() && !p.equals("…")).toList();
  }

  @Test
  void an_in_scope_question_gets_a_grounded_answer_whose_points_are_quoted_from_their_citations() throws Exception {
    JsonObject a = ask("what to do when a family relocates", null);
    assertTrue(a.get("grounded").getAsBoolean());
    assertFalse(a.get("urgent").getAsBoolean());
    int points = a.getAsJsonArray("points").size();
    assertTrue(points >= 2 && points <= 6, "points: " + points);
    JsonArray citations = a.getAsJsonArray("citations");
    assertTrue(citations.size() >= 1);
    JsonObject first = citations.get(0).getAsJsonObject();
    assertEquals(1, first.get("n").getAsInt());
    for (String f : new String[] {"id", "docId", "title", "section", "excerpt", "highlighted", "url", "organisation",
        "date",
        "documentType"}) {
      assertTrue(first.has(f), f);
    }
    assertTrue(first.get("url").getAsString().startsWith("/documents/"));
    // The answer leads with where it comes from, then the points; no boilerplate count.
    String lead = a.get("answer").getAsString();
    assertTrue(lead.startsWith("From " + first.get("title").getAsString()) && lead.endsWith(":"), lead);
    for (JsonElement p : a.getAsJsonArray("points")) {
      assertTrue(Set.of("do", "learned", "background").contains(p.getAsJsonObject().get("kind").getAsString()),
          p.toString());
    }
    // "You could also ask": questions, never bare section titles, and not the question asked.
    assertFalse(a.getAsJsonArray("suggestions").isEmpty());
    for (JsonElement sug : a.getAsJsonArray("suggestions")) {
      assertTrue(
          sug.getAsString().endsWith("?") && !sug.getAsString().equalsIgnoreCase(a.get("question").getAsString()),
          sug.getAsString());
    }
    boolean handOver = false;
    for (JsonElement c : citations) {
      handOver |= c.getAsJsonObject().get("excerpt").getAsString().contains("multi-agency hand over");
    }
    assertTrue(handOver, "the relocation hand-over passage is cited");
    assertFaithful(a);
  }

  @Test
  void an_out_of_scope_question_is_declined_with_topics_the_library_covers() throws Exception {
    JsonObject a = ask("how do I renew my passport", null);
    assertFalse(a.get("grounded").getAsBoolean());
    assertEquals(0, a.getAsJsonArray("points").size());
    assertEquals(0, a.getAsJsonArray("citations").size());
    assertEquals(Urgency.DECLINE_PROMPT + " The guidance library does not cover this question, so there is nothing to "
        + "quote. Try different words, or one of the topics it does cover.", a.get("answer").getAsString());
    assertEquals(6, a.getAsJsonArray("suggestions").size());
    assertEquals(0, a.getAsJsonArray("closest").size(), "no passage carries half of its words");
    assertFalse(a.get("urgent").getAsBoolean());
    assertEquals("", a.get("urgentMessage").getAsString());
    assertEquals("", a.get("urgentReason").getAsString());
  }

  /**
   * The library mentions "three houses" once, in an audit's findings, and says nothing more of the tool:
   * the question is declined, but the passage that mentions it is pointed to, with that sentence.
   */
  @Test
  void a_declined_question_points_to_the_closest_passage_without_quoting_it_as_an_answer() throws Exception {
    JsonObject a = ask("three houses tool", null);
    assertFalse(a.get("grounded").getAsBoolean());
    assertEquals(0, a.getAsJsonArray("points").size());
    assertEquals(0, a.getAsJsonArray("citations").size());
    // With the answer models, questions the library answers close to this one; without, its topics.
    boolean questions = a.getAsJsonArray("suggestions").asList().stream().allMatch(s -> s.getAsString().endsWith("?"));
    assertEquals(Urgency.DECLINE_PROMPT + " The guidance library does not cover this question, so there is nothing to "
        + "quote. The passages closest to it are listed below; they are not an answer. Try different words, or one "
        + "of the " + (questions ? "questions below, which it does answer." : "topics it does cover."),
        a.get("answer").getAsString());
    JsonArray closest = a.getAsJsonArray("closest");
    assertEquals(1, closest.size(), closest.toString());
    JsonObject c = closest.get(0).getAsJsonObject();
    assertEquals("newcastle-learning-from-practice-annual-report-2016-17#7-6-4-examples-of-good-practice-included",
        c.get("id").getAsString());
    assertEquals("/documents/newcastle-learning-from-practice-annual-report-2016-17#7-6-4-examples-of-good-practice-"
        + "included", c.get("url").getAsString());
    assertEquals("Childrens views being gathered and used to inform decision making in the majority of cases "
        + "(including the use of three houses in some cases)", c.get("excerpt").getAsString());
    assertEquals("Childrens views being gathered and used to inform decision making in the majority of cases "
        + "(including the use of <mark>three</mark> <mark>houses</mark> in some cases)",
        c.get("highlighted").getAsString());
  }

  @Test
  void a_definition_question_is_answered_from_the_glossary_with_a_citation() throws Exception {
    JsonObject a = ask("What does SUDI mean?", null);
    assertTrue(a.get("grounded").getAsBoolean());
    assertTrue(a.get("answer").getAsString().startsWith("SUDI stands for Sudden Unexpected Death in Infancy"),
        a.get("answer").getAsString());
    assertEquals(1, a.getAsJsonArray("citations").size());
    assertFaithful(a);
  }

  /**
   * A bare term the glossary knows is searched with what it stands for and answered (the glossary lists
   * terms the library uses; "DV" alone was declined), and an answered question always quotes
   * something: "SUDI" alone was answered with no points (its section's bullets do not share its words).
   */
  @ParameterizedTest
  @ValueSource(strings = {"NAI", "SUDI", "s47?", "DV"})
  void a_bare_acronym_the_library_uses_is_answered_with_quoted_points(String question) throws Exception {
    JsonObject a = ask(question, null);
    assertTrue(a.get("grounded").getAsBoolean(), a.toString());
    assertTrue(a.getAsJsonArray("points").size() > 0, a.toString());
    assertFaithful(a);
  }

  @Test
  void an_urgent_question_is_flagged_with_who_to_contact_now() throws Exception {
    JsonObject a = ask("a child has just told me her stepdad hurts her and she is scared to go home tonight", null);
    assertTrue(a.get("urgent").getAsBoolean());
    assertTrue(a.get("urgentMessage").getAsString().contains("999"));
    assertTrue(a.get("urgentMessage").getAsString().contains("Emergency Duty Team"));
    assertTrue(a.get("urgentReason").getAsString().startsWith("Safety screen score "),
        a.get("urgentReason").getAsString());
    assertFaithful(a);
  }

  @Test
  void a_child_in_danger_described_without_danger_words_is_still_urgent_and_leads_with_who_to_contact()
      throws Exception {
    JsonObject a =
        ask("its gone 11 and the 7 year old is still sat on the school steps, no answer from any number we have",
            null);
    assertTrue(a.get("urgent").getAsBoolean());
    assertEquals(Urgency.MESSAGE, a.get("urgentMessage").getAsString());
    assertFalse(a.get("answer").getAsString().startsWith("Try different words"));
  }

  @Test
  void an_urgent_question_the_library_does_not_cover_is_not_grounded_but_quotes_what_to_do_in_an_emergency()
      throws Exception {
    JsonObject a = ask("2yo got into nans handbag and ate some of her tablets about 10 mins ago, mum says hes fine "
        + "and wont ring anyone", null);
    assertTrue(a.get("urgent").getAsBoolean());
    assertFalse(a.get("grounded").getAsBoolean(), "the points answer an emergency, not the question");
    assertTrue(a.get("answer").getAsString().startsWith("The library does not cover this situation directly. "
        + "Here is what it says to do in a safeguarding emergency"), a.get("answer").getAsString());
    assertTrue(a.getAsJsonArray("points").size() >= 1);
    assertFaithful(a);
  }

  @Test
  void a_short_follow_up_to_an_urgent_question_is_urgent_too_and_a_fresh_question_after_it_is_not()
      throws Exception {
    JsonObject first = ask("a child has just told me her stepdad hurts her and she is scared to go home tonight", null);
    assertTrue(first.get("urgent").getAsBoolean());
    String id = first.get("conversationId").getAsString();
    for (String followUp : new String[] {"what now?", "who do i ring", "can i wait till monday?", "what now"}) {
      JsonObject a = ask(followUp, id);
      assertTrue(a.get("urgent").getAsBoolean(), followUp);
      assertEquals(Urgency.MESSAGE, a.get("urgentMessage").getAsString(), followUp);
      assertTrue(
          a.get("urgentReason").getAsString()
              .startsWith("Carries on the previous question, which was urgent: Safety screen score "),
          a.get("urgentReason").getAsString());
      assertFalse(a.get("grounded").getAsBoolean(), followUp + ": the emergency guidance, not passages sharing 'now'");
      assertEquals(0, a.getAsJsonArray("closest").size(), followUp + ": no passage is close to 'what now'");
      assertFaithful(a);
    }
    JsonObject fresh = ask("what does the library say about timely completion of parenting assessments for court", id);
    assertFalse(fresh.get("urgent").getAsBoolean());
    JsonObject alone = ask("what now?", null);
    assertFalse(alone.get("urgent").getAsBoolean(), "with nothing before it, nothing to carry on");
    assertFalse(alone.get("grounded").getAsBoolean(), "not passages that merely say 'now'");
    assertTrue(alone.get("answer").getAsString().contains(NO_TOPIC), alone.get("answer").getAsString());
  }

  /** What the answer says to a message that names no topic (answer/NoTopic). */
  static final String NO_TOPIC = "Your message does not say what it is about yet. Describe the situation or name "
      + "the topic";

  @Test
  void a_message_naming_no_topic_is_asked_to_say_more_and_the_next_question_stands_alone() throws Exception {
    JsonObject hello = ask("hello", null);
    assertFalse(hello.get("grounded").getAsBoolean());
    assertFalse(hello.get("urgent").getAsBoolean());
    assertEquals(Urgency.DECLINE_PROMPT + " " + NO_TOPIC, hello.get("answer").getAsString().substring(0,
        Urgency.DECLINE_PROMPT.length() + 1 + NO_TOPIC.length()));
    assertEquals(0, hello.getAsJsonArray("points").size());
    assertEquals(0, hello.getAsJsonArray("citations").size());
    assertTrue(hello.getAsJsonArray("suggestions").size() > 0, "the topics the library covers");
    String id = hello.get("conversationId").getAsString();
    // "it" here is the library: a greeting leaves no declined topic for it to point back at.
    JsonObject next = ask("what does it say about families who relocate", id);
    assertTrue(next.get("grounded").getAsBoolean(), next.toString());
    assertEquals(id, next.get("conversationId").getAsString());
    assertFaithful(next);
  }

  @Test
  void a_calm_question_about_a_past_case_is_not_urgent() throws Exception {
    JsonObject a = ask("writing up the learning from a closed case where a baby was found alone in 2019", null);
    assertFalse(a.get("urgent").getAsBoolean());
    assertEquals("", a.get("urgentMessage").getAsString());
  }

  @Test
  void a_follow_up_is_read_in_the_conversation_context() throws Exception {
    JsonObject first = ask("what to do when a family relocates", null);
    String id = first.get("conversationId").getAsString();
    JsonObject followUp = ask("and what about babies?", id);
    assertEquals(id, followUp.get("conversationId").getAsString());
    assertTrue(followUp.get("grounded").getAsBoolean());
    assertFaithful(followUp);
    JsonObject fresh = ask("and what about babies?", null);
    assertNotEquals(id, fresh.get("conversationId").getAsString());
  }

  @Test
  void identifiers_in_questions_are_masked_before_they_are_kept() throws Exception {
    JsonObject a = ask("a boy called Jayden Smith, DOB 03/04/2019, has a bruise", null);
    assertEquals("a boy called [name], DOB [date of birth], has a bruise", a.get("question").getAsString());
  }

  @Test
  void a_word_of_the_library_taken_for_a_name_is_searched_as_typed_and_kept_masked() throws Exception {
    // Masking reads the capitalised, hyphenated "Covid-related" as a name; searched as "[name]", the question
    // lost its topic and was declined.
    JsonObject a = ask("how many Covid-related rapid reviews were there?", null);
    assertEquals("how many [name] rapid reviews were there?", a.get("question").getAsString());
    assertTrue(a.get("grounded").getAsBoolean(), a.toString());
    assertTrue(a.get("citations").toString().contains("reflections-on-covid-19"), a.toString());
    assertTrue(a.get("points").toString().contains("19 rapid reviews"), a.toString());
  }

  @Test
  void feedback_on_an_answer_is_accepted_and_on_an_unknown_answer_refused() throws Exception {
    JsonObject a = ask("neglect threshold", null);
    JsonObject fb = new JsonObject();
    fb.addProperty("conversationId", a.get("conversationId").getAsString());
    fb.addProperty("answerId", a.get("answerId").getAsString());
    fb.addProperty("rating", "down");
    fb.addProperty("reason", "too long");
    TestApp.Response ok = app().post("/api/feedback", fb.toString());
    assertEquals(200, ok.status(), ok.body());
    assertTrue(ok.json().getAsJsonObject().get("ok").getAsBoolean());
    fb.addProperty("answerId", "no-such-answer");
    TestApp.Response bad = app().post("/api/feedback", fb.toString());
    assertEquals(400, bad.status());
    assertEquals("answerId", bad.json().getAsJsonObject().get("parameter").getAsString());
    fb.add("rating", new JsonPrimitive("sideways"));
    assertEquals("rating",
        app().post("/api/feedback", fb.toString()).json().getAsJsonObject().get("parameter").getAsString());
  }

  @Test
  void feedback_names_a_missing_id_and_refuses_control_characters_in_the_reason() throws Exception {
    TestApp.Response none = app().post("/api/feedback", "{\"rating\": \"up\"}");
    assertEquals(400, none.status());
    assertEquals("conversationId", none.json().getAsJsonObject().get("parameter").getAsString());
    assertEquals("The parameter 'conversationId' is required: the conversationId of the answer being rated, as "
        + "/api/ask returned it.", none.json().getAsJsonObject().get("error").getAsString());
    JsonObject a = ask("neglect threshold", null);
    JsonObject fb = new JsonObject();
    fb.addProperty("conversationId", a.get("conversationId").getAsString());
    fb.addProperty("rating", "down");
    assertEquals("answerId",
        app().post("/api/feedback", fb.toString()).json().getAsJsonObject().get("parameter").getAsString());
    fb.addProperty("answerId", a.get("answerId").getAsString());
    fb.addProperty("reason", "a\u0000b");
    TestApp.Response control = app().post("/api/feedback", fb.toString());
    assertEquals(400, control.status());
    assertEquals("reason", control.json().getAsJsonObject().get("parameter").getAsString());
  }

  @ParameterizedTest(name = "{0} -> 400 naming {1}")
  @CsvSource(delimiter = '|', value = {
      "{}|question|The parameter 'question' must not be empty.",
      "{\"question\": \"   \"}|question|The parameter 'question' must not be empty.",
      "{\"question\": 42}|question|The parameter 'question' must be a string.",
      "not json|body|The request body is not valid JSON (at line 1, column 1).",
      "[1,2]|body|",
      "{\"question\": \"neglect\", \"filters\": {\"type\": [\"nonsense\"]}}|type|",
      "{\"question\": \"neglect\", \"filters\": \"x\"}|filters|The parameter 'filters' must be an object whose values are lists of text.",
      "{\"question\": \"neglect\", \"filters\": {\"type\": \"x\"}}|filters.type|The parameter 'filters' must be an object whose values are lists of text."})
  void bad_ask_requests_get_400_naming_the_parameter(String body, String parameter, String message) throws Exception {
    TestApp.Response r = app().post("/api/ask", body);
    assertEquals(400, r.status(), r.body());
    JsonObject o = r.json().getAsJsonObject();
    assertEquals(parameter, o.get("parameter").getAsString());
    if (message != null) {
      assertEquals(message, o.get("error").getAsString());
    }
  }

  @Test
  void a_too_long_question_is_refused() throws Exception {
    JsonObject body = new JsonObject();
    body.addProperty("question", "x".repeat(1001));
    TestApp.Response r = app().post("/api/ask", body.toString());
    assertEquals(400, r.status());
    assertEquals("The parameter 'question' must be at most 1000 characters.",
        r.json().getAsJsonObject().get("error").getAsString());
  }

  @Test
  void filters_restrict_the_sources_of_an_answer() throws Exception {
    TestApp.Response r = app().post("/api/ask",
        "{\"question\": \"neglect\", \"filters\": {\"type\": [\"learning review briefing\"]}}");
    assertEquals(200, r.status(), r.body());
    for (JsonElement c : r.json().getAsJsonObject().getAsJsonArray("citations")) {
      assertEquals("learning review briefing", c.getAsJsonObject().get("documentType").getAsString());
    }
  }
}
