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

/** Each malformed request the security audit found answered 500 now gets a 400 naming what is wrong. */
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
    for (int i = 0; i < requests.length; i++) {
      FuzzTest.Reply r = FuzzTest.send(port, requests[i]);
      assertEquals(statuses[i], r.status(), r.head());
      assertTrue(error(r).get("error").getAsString().startsWith("The request could not be handled (" + statuses[i]),
          r.body());
      assertTrue(r.head().contains("content-security-policy: default-src 'self'"), r.head());
      assertTrue(r.head().contains("content-type: application/json"), r.head());
    }
  }
}
