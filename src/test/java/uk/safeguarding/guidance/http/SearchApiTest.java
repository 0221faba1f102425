package uk.safeguarding.guidance.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.TestApp;

/** The search API on the embedded index, and what does not depend on the engine: health, documents, headers. */
class SearchApiTest extends SearchApiContract {

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
  void health_reports_document_and_passage_counts_once_ready() throws Exception {
    TestApp.Response r = app.get("/health");
    assertEquals(200, r.status());
    JsonObject o = r.json().getAsJsonObject();
    assertEquals("ready", o.get("status").getAsString());
    assertEquals(5, o.get("documents").getAsInt());
    assertTrue(o.get("passages").getAsInt() > 100, o.toString());
    assertEquals(0, o.getAsJsonArray("skipped").size());
  }

  @Test
  void documents_are_listed_with_metadata_and_one_returns_its_passages() throws Exception {
    JsonObject list = app.get("/api/documents").json().getAsJsonObject();
    assertEquals(5, list.get("total").getAsInt());
    JsonObject first = list.getAsJsonArray("documents").get(0).getAsJsonObject();
    for (String f : new String[] {"id", "title", "organisation", "documentType", "date", "themes", "passages", "url"}) {
      assertTrue(first.has(f), f);
    }
    JsonObject doc = app.get("/api/documents/telford-learning-from-local-reviews-2021").json().getAsJsonObject();
    assertEquals("Learning from Local Reviews 2021 – Thematic Briefing Note 3", doc.get("title").getAsString());
    JsonArray passages = doc.getAsJsonArray("passages");
    assertTrue(passages.size() > 20);
    JsonObject p = passages.get(0).getAsJsonObject();
    assertEquals("background", p.get("anchor").getAsString());
    assertEquals("/documents/telford-learning-from-local-reviews-2021#background", p.get("url").getAsString());
  }

  @Test
  void an_unknown_document_is_a_json_404_and_its_page_a_404() throws Exception {
    TestApp.Response r = app.get("/api/documents/no-such-doc");
    assertEquals(404, r.status());
    assertEquals("No document with id 'no-such-doc'.", r.json().getAsJsonObject().get("error").getAsString());
    assertEquals(404, app.get("/documents/no-such-doc").status());
    TestApp.Response page = app.get("/documents/telford-learning-from-local-reviews-2021");
    assertEquals(200, page.status());
    assertEquals("text/html;charset=utf-8", page.header("Content-Type"), "the document view says its charset");
    TestApp.Response unknown = app.get("/api/nothing-here");
    assertEquals(404, unknown.status());
    assertTrue(unknown.json().getAsJsonObject().has("error"));
  }

  @Test
  void every_response_carries_a_content_security_policy_and_security_headers() throws Exception {
    for (String path : new String[] {"/", "/api/documents", "/api/search?q=x&limit=0", "/health"}) {
      TestApp.Response r = app.get(path);
      String csp = r.header("Content-Security-Policy");
      assertTrue(csp != null && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), path + ": " + csp);
      assertEquals("nosniff", r.header("X-Content-Type-Options"));
      assertEquals("DENY", r.header("X-Frame-Options"));
      assertNull(r.header("Server"));
    }
  }

  @Test
  void the_page_files_carry_their_type_and_an_etag_and_an_unchanged_one_is_a_304() throws Exception {
    TestApp.Response home = app.get("/");
    assertEquals(200, home.status());
    assertTrue(home.body().contains("<script src=\"/app.js\""), home.body());
    assertEquals("text/html;charset=utf-8", home.header("Content-Type"));
    assertEquals("no-cache", home.header("Cache-Control"));
    assertEquals(home.header("ETag"), app.get("/index.html").header("ETag"));
    TestApp.Response js = app.get("/app.js");
    assertEquals("text/javascript;charset=utf-8", js.header("Content-Type").replace(" ", ""));
    String etag = js.header("ETag");
    assertTrue(etag.matches("\"[0-9a-f]{16}\""), etag);
    java.net.http.HttpRequest again = java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.base() + "/app.js"))
        .header("If-None-Match", "W/" + etag).build();
    TestApp.Response unchanged = app.send(again);
    assertEquals(304, unchanged.status());
    assertEquals("", unchanged.body());
    TestApp.Response head =
        app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.base() + "/styles.css"))
            .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
    assertEquals(200, head.status());
    assertEquals("text/css;charset=utf-8", head.header("Content-Type").replace(" ", ""));
    assertEquals(app.get("/styles.css").header("ETag"), head.header("ETag"));
    TestApp.Response post = app.post("/app.js", "{}");
    assertEquals(405, post.status());
    assertEquals("GET, HEAD", post.header("Allow"));
    assertEquals(404, app.get("/web/app.js").status());
  }
}
