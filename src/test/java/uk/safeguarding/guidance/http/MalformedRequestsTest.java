package uk.safeguarding.guidance.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.TestApp;

/**
 * Each malformed request the security audit found answered 500 now gets a 400 naming what is wrong;
 * a method a known path does not take is a 405 naming the methods it does.
 */
class MalformedRequestsTest {

  @TempDir
  static Path corpus;
  @TempDir
  static Path data;
  static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    TestApp.copyMiniCorpus(corpus);
    app = new TestApp(TestApp.sparse(corpus, data));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static FuzzTest.Reply send(String method, String path, String type, String body) throws Exception {
    return FuzzTest.send(app.app().port(), FuzzTest.request(method, path, type, body.getBytes(StandardCharsets.UTF_8),
        null, 5, app.app().port()));
  }

  private static JsonObject error(FuzzTest.Reply r) {
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }

  @Test
  void a_body_over_the_limit_is_a_413_naming_the_body() throws Exception {
    String big = "{\"question\": \"" + "a".repeat((int) WebServer.MAX_JSON_BODY_BYTES) + "\"}";
    FuzzTest.Reply r = send("POST", "/api/ask", "application/json", big);
    assertEquals(413, r.status(), r.head());
    assertEquals("body", error(r).get("parameter").getAsString());
    assertEquals("The request body must be at most 1000 kB.", error(r).get("error").getAsString());
  }

  @Test
  void a_known_path_with_a_method_it_does_not_take_is_a_json_405_naming_the_methods_it_does() throws Exception {
    for (String method : new String[] {"POST", "PATCH", "PUT", "DELETE", "OPTIONS"}) {
      FuzzTest.Reply r = send(method, "/api/search?q=neglect", "application/json", "{}");
      assertEquals(405, r.status(), method + ": " + r.head());
      assertTrue(r.head().contains("\r\nallow: get, head\r\n"), "the head is lower-cased: " + r.head());
      assertTrue(r.head().contains("x-frame-options: deny"), r.head());
      assertEquals("Method " + method + " is not allowed on /api/search; it takes GET, HEAD.", error(r).get("error")
          .getAsString());
    }
    FuzzTest.Reply ask = send("GET", "/api/ask", null, "");
    assertEquals(405, ask.status());
    assertTrue(ask.head().contains("\r\nallow: post\r\n"), ask.head());
  }

  @Test
  void an_unknown_path_is_still_a_json_404() throws Exception {
    FuzzTest.Reply r = send("POST", "/api/nothing-here", "application/json", "{}");
    assertEquals(404, r.status());
    assertEquals("Endpoint POST /api/nothing-here not found", error(r).get("error").getAsString());
    assertEquals(404, send("PATCH", "/api/search/more", null, "").status(), "a path below a route is not the route");
  }

  @Test
  void a_question_or_rating_not_declared_json_is_a_415_naming_the_content_type_and_is_not_kept() throws Exception {
    // A cross-site form (enctype="text/plain") sends exactly this, without the browser asking first.
    String body = "{\"question\":\"cross-site spam: recipe for okra gumbo\",\"conversationId\":\"=\"}\r\n";
    for (String type : new String[] {"text/plain", "application/xml", "multipart/form-data; boundary=x", null}) {
      FuzzTest.Reply r = send("POST", "/api/ask", type, body);
      assertEquals(415, r.status(), type);
      assertEquals("Content-Type", error(r).get("parameter").getAsString());
      assertEquals(type == null ? "The request body must be sent as application/json; no Content-Type was given."
          : "The request body must be sent as application/json, not '" + type + "'.",
          error(r).get("error").getAsString());
      assertEquals(415, send("POST", "/api/feedback", type, "{\"rating\":\"up\"}").status(), type);
    }
    assertEquals(200,
        send("POST", "/api/ask", "Application/JSON; charset=UTF-8", "{\"question\":\"neglect\"}").status());
  }

  @Test
  void half_a_character_in_a_question_and_control_characters_in_a_search_are_400s_naming_them() throws Exception {
    FuzzTest.Reply lone = send("POST", "/api/ask", "application/json", "{\"question\":\"neglect \\ud800 x\"}");
    assertEquals(400, lone.status());
    assertEquals("question", error(lone).get("parameter").getAsString());
    assertEquals("The parameter 'question' holds half of a character (a lone UTF-16 surrogate, \\ud800): send whole "
        + "characters.", error(lone).get("error").getAsString());
    TypedText.check("question", "neglect \ud83d\ude00 x"); // a whole character, written as a surrogate pair, passes
    for (String q : new String[] {"a%00b", "a%01%1b"}) {
      FuzzTest.Reply r = send("GET", "/api/search?q=" + q, null, "");
      assertEquals(400, r.status(), q);
      assertEquals("The parameter 'q' must not contain control characters other than tabs and line breaks.",
          error(r).get("error").getAsString());
    }
  }

  @Test
  void a_method_override_header_is_a_400_naming_it_not_a_search_by_post() throws Exception {
    for (String header : WebServer.METHOD_OVERRIDES) {
      java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
          .newBuilder(java.net.URI.create("http://127.0.0.1:" + app.app().port() + "/api/search?q=neglect"))
          .header(header, "GET").POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(400, r.statusCode(), header);
      assertEquals(header, com.google.gson.JsonParser.parseString(r.body()).getAsJsonObject().get("parameter")
          .getAsString());
    }
  }

  @Test
  void a_body_declared_too_large_is_a_413_before_it_is_sent_and_gets_no_100_continue() throws Exception {
    int port = app.app().port();
    for (String extra : new String[] {"", "Expect: 100-continue\r\n"}) {
      String head = "POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
          + "Content-Type: application/json\r\n" + extra + "Content-Length: 99999999999999\r\n\r\n";
      FuzzTest.Reply r = FuzzTest.send(port, head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      assertEquals(413, r.status(), extra);
      assertEquals("body", error(r).get("parameter").getAsString());
    }
  }

  /**
   * A short body that arrives whole, in two parts a moment apart, is read, not cut off as too slow: the
   * server checks the least data rate before each read, so reading once more after the last byte to find
   * the end (as Javalin's own body reading does) found 15 bytes in 300 ms under 256 bytes a second.
   */
  @Test
  void a_short_body_that_arrives_whole_in_two_parts_is_read_not_cut_off() throws Exception {
    int port = app.app().port();
    String body = "{\"rating\":\"up\"}";
    String head = "POST /api/feedback HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n";
    // Once whole first, so that the route is warm and the server reads the first part as soon as it arrives.
    assertEquals(400, send("POST", "/api/feedback", "application/json", body).status());
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      java.io.OutputStream out = socket.getOutputStream();
      out.write((head + body.substring(0, 6)).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      out.flush();
      Thread.sleep(300);
      out.write(body.substring(6).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      out.flush();
      String reply = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(reply.startsWith("HTTP/1.1 400"), reply);
      assertTrue(reply.endsWith("{\"error\":\"The parameter \\u0027conversationId\\u0027 is required: the "
          + "conversationId of the answer being rated, as /api/ask returned it.\",\"parameter\":\"conversationId\"}"),
          reply);
    }
  }

  /** A body longer than the first buffer it is read into is read whole (the buffer grows as it arrives). */
  @Test
  void a_body_longer_than_the_first_buffer_is_read_whole() throws Exception {
    String body = "{\"rating\":\"up\"" + " ".repeat(3 * RequestBodies.FIRST_BUFFER_BYTES) + "}";
    FuzzTest.Reply r = send("POST", "/api/feedback", "application/json", body);
    assertEquals(400, r.status(), r.body());
    assertEquals("conversationId", error(r).get("parameter").getAsString(), r.body());
  }

  @Test
  void a_body_trickled_in_is_cut_off_rather_than_holding_a_thread() throws Exception {
    int port = app.app().port();
    String head = "POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
        + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n";
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      java.io.OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      out.flush();
      // One byte a second, at most six: far below the least rate a body must keep up.
      String answer = "";
      for (int i = 0; i < 6 && answer.isEmpty(); i++) {
        Thread.sleep(1_000);
        try {
          out.write('{');
          out.flush();
        } catch (java.io.IOException closed) {
          break; // the server has cut the request off
        }
        if (socket.getInputStream().available() > 0) {
          answer = "sent";
        }
      }
      String reply = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(reply.startsWith("HTTP/1.1 408"), reply);
      assertTrue(
          reply.contains("{\"error\":\"The request body arrived too slowly (under 256 bytes a second) and was cut "
              + "off; send it again.\",\"parameter\":\"body\"}"),
          reply);
    }
  }

  @Test
  void a_character_set_nobody_supports_is_a_400_naming_the_content_type() throws Exception {
    FuzzTest.Reply r = send("POST", "/api/ask", "application/json; charset=utf-7", "{\"question\": \"neglect\"}");
    assertEquals(400, r.status());
    assertEquals("Content-Type", error(r).get("parameter").getAsString());
    assertEquals("utf-7", error(r).get("value").getAsString());
  }

  @Test
  void a_path_that_is_not_url_encoding_is_a_400_naming_the_path() throws Exception {
    FuzzTest.Reply r = send("GET", "/api/documents/%u0041", null, "");
    assertEquals(400, r.status());
    assertEquals("path", error(r).get("parameter").getAsString());
  }

  @Test
  void a_multipart_login_without_a_boundary_is_a_400() throws Exception {
    FuzzTest.Reply r = send("POST", "/admin/login", "multipart/form-data", "name=a&password=b");
    assertEquals(400, r.status());
    assertEquals("body", error(r).get("parameter").getAsString());
  }

  @Test
  void a_null_filter_value_is_a_400_naming_the_filter() throws Exception {
    FuzzTest.Reply r = send("POST", "/api/ask", "application/json",
        "{\"question\": \"neglect\", \"filters\": {\"type\": [null]}}");
    assertEquals(400, r.status());
    assertEquals("type", error(r).get("parameter").getAsString());
    assertEquals("The filter 'type' must be a list of text values, not null.", error(r).get("error").getAsString());
  }

  @Test
  void jettys_own_errors_are_json_with_the_security_headers_for_every_method() throws Exception {
    for (String method : new String[] {"GET", "PUT", "DELETE"}) {
      FuzzTest.Reply r = send(method, "/api/admin/documents/%ff", null, "");
      assertEquals(400, r.status(), method);
      assertTrue(error(r).get("error").getAsString().startsWith("The request could not be handled (400"), r.body());
      assertTrue(r.head().contains("content-security-policy: default-src 'self'"), r.head());
      assertTrue(r.head().contains("x-frame-options: deny"), r.head());
    }
  }

  @Test
  void a_request_head_jetty_cannot_parse_gets_a_json_error_with_the_security_headers() throws Exception {
    int port = app.app().port();
    String header = "GET /health HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n";
    byte[][] requests = {
        (header + "A header line without a colon\r\n\r\n").getBytes(StandardCharsets.US_ASCII),
        ("GET /health HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Big: " + "x".repeat(20_000)
            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII)};
    int[] statuses = {400, 431};
    String[] atFault = {"request", "headers"};
    for (int i = 0; i < requests.length; i++) {
      FuzzTest.Reply r = FuzzTest.send(port, requests[i]);
      assertEquals(statuses[i], r.status(), r.head());
      assertEquals(atFault[i], error(r).get("parameter").getAsString(), r.body());
      assertTrue(error(r).get("error").getAsString().startsWith("The request could not be handled (" + statuses[i]),
          r.body());
      assertTrue(r.head().contains("content-security-policy: default-src 'self'"), r.head());
      assertTrue(r.head().contains("content-type: application/json"), r.head());
    }
  }

  @Test
  void an_address_too_long_is_a_414_naming_the_url_and_where_a_long_question_goes() throws Exception {
    FuzzTest.Reply r = send("GET", "/api/search?q=" + "a".repeat(20_000), null, "");
    assertEquals(414, r.status(), r.head());
    assertEquals("url", error(r).get("parameter").getAsString());
    assertEquals("The request could not be handled (414: URI Too Long). The address must be under 8 kB; send a long"
        + " question in the body of POST /api/ask.", error(r).get("error").getAsString());
  }

  @Test
  void a_question_with_full_width_or_invisible_characters_is_answered_as_typed_plainly() throws Exception {
    JsonObject plain = app.post("/api/ask", "{\"question\": \"was not brought to health appointments\"}").json()
        .getAsJsonObject();
    JsonObject odd = app.post("/api/ask",
        "{\"question\": \"was\u00a0not bro\u200bught to \uff48\uff45\uff41\uff4c\uff54\uff48 appointments\"}")
        .json().getAsJsonObject();
    assertEquals("was not brought to health appointments", odd.get("question").getAsString());
    assertEquals(plain.get("grounded"), odd.get("grounded"));
    assertEquals(plain.get("points"), odd.get("points"));
    assertRefused(send("POST", "/api/ask", "application/json", "{\"question\": \"\u200b\u00ad\"}"), "question",
        "The parameter 'question' must not be empty.");
  }

  private static FuzzTest.Reply sendBytes(String path, byte[] body) throws Exception {
    return FuzzTest.send(app.app().port(), FuzzTest.request("POST", path, "application/json", body, null, 5,
        app.app().port()));
  }

  private static void assertRefused(FuzzTest.Reply r, String parameter, String message) {
    assertEquals(400, r.status(), r.body());
    assertEquals(parameter, error(r).get("parameter").getAsString(), r.body());
    assertEquals(message, error(r).get("error").getAsString());
  }

  @Test
  void json_that_gson_would_read_leniently_is_a_400() throws Exception {
    for (String lenient : new String[] {"{'question': 'neglect'}", "{\"question\": \"neglect\" /* note */}",
        "{question: \"neglect\"}", "{\"question\": NaN}", "{\"question\": \"neglect\",}"}) {
      FuzzTest.Reply r = send("POST", "/api/ask", "application/json", lenient);
      assertEquals(400, r.status(), lenient);
      assertEquals("body", error(r).get("parameter").getAsString(), lenient);
      assertTrue(
          error(r).get("error").getAsString().startsWith("The request body is not valid JSON (at line 1, column "),
          lenient + ": " + r.body());
    }
    assertRefused(send("POST", "/api/ask", "application/json", "{\"question\": \"neglect\"} {}"), "body",
        "The request body is not valid JSON (at line 1, column 26).");
  }

  @Test
  void a_field_given_twice_or_unknown_or_a_filter_misspelt_is_a_400_naming_it() throws Exception {
    assertRefused(send("POST", "/api/ask", "application/json", "{\"question\": \"neglect\", \"question\": \"baby\"}"),
        "question", "The field 'question' is given more than once.");
    assertRefused(send("POST", "/api/ask", "application/json", "{\"question\": \"neglect\", \"colour\": \"red\"}"),
        "colour", "Unknown field 'colour'; known fields: conversationId, filters, question.");
    assertRefused(send("POST", "/api/ask", "application/json",
        "{\"question\": \"neglect\", \"filters\": {\"colour\": [\"red\"]}}"), "filters.colour",
        "Unknown filter 'colour'; known filters: organisation, theme, type, year.");
    assertRefused(send("POST", "/api/feedback", "application/json", "{\"rating\": \"up\", \"stars\": 5}"), "stars",
        "Unknown field 'stars'; known fields: answerId, conversationId, rating, reason.");
  }

  @Test
  void a_body_that_is_not_utf8_or_a_question_with_control_characters_is_a_400() throws Exception {
    byte[] latin1 = "{\"question\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    assertRefused(sendBytes("/api/ask", latin1), "body", "The request body is not valid UTF-8.");
    assertRefused(send("POST", "/api/ask", "application/json", "{\"question\": \"neglect\\u0000\"}"), "question",
        "The parameter 'question' must not contain control characters other than tabs and line breaks.");
    TestApp.Response fine = app.post("/api/ask", "{\"question\": \"neglect\\nof a baby\\t\"}");
    assertEquals(200, fine.status(), "line breaks and tabs are fine: " + fine.body());
  }

  @Test
  void a_search_parameter_badly_encoded_repeated_or_not_an_ascii_number_is_a_400_naming_it() throws Exception {
    assertRefused(send("GET", "/api/search?q=neglect&limit=%ZZ", null, ""), "limit",
        "The parameter 'limit' is not correctly URL-encoded: '%' must be followed by two hexadecimal digits.");
    assertRefused(send("GET", "/api/search?q=neglect%ZZ", null, ""), "q",
        "The parameter 'q' is not correctly URL-encoded: '%' must be followed by two hexadecimal digits.");
    assertRefused(send("GET", "/api/search?q=neglect%FF", null, ""), "q",
        "The parameter 'q' is not UTF-8 once URL-decoded.");
    assertRefused(send("GET", "/api/search?q=neglect&limit=5&limit=6", null, ""), "limit",
        "The parameter 'limit' must be given once.");
    assertRefused(send("GET", "/api/search?q=a&q=b", null, ""), "q", "The parameter 'q' must be given once.");
    for (String five : new String[] {"%EF%BC%95", "%D9%A5", "%2B5"}) {
      FuzzTest.Reply r = send("GET", "/api/search?q=neglect&limit=" + five, null, "");
      assertEquals(400, r.status(), five);
      assertEquals("limit", error(r).get("parameter").getAsString());
    }
    FuzzTest.Reply repeatedFilter = send("GET", "/api/search?q=neglect&type=a&type=b", null, "");
    assertTrue(error(repeatedFilter).get("error").getAsString().startsWith("Unknown value 'a' for parameter 'type'"),
        "a filter may repeat; its values are checked for themselves: " + repeatedFilter.body());
    assertEquals(200, app.get("/api/search?q=caf%C3%A9+neglect&limit=%35").status());
  }
}
