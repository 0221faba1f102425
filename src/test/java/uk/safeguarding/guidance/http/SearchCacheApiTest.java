package uk.safeguarding.guidance.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.TestApp;

/** The search response cache over real HTTP: hits, misses, a changed library, a bad request, and off. */
class SearchCacheApiTest {

  static final String VISITS = "---\nid: visits\ntitle: Home Visits\norganisation: Example Board\ntype: briefing\n"
      + "date: 2024\n---\n\n# Home Visits\n\n## What to do\n\nSee the toddler alone on every home visit.\n";
  static final String SEARCH = "/api/search?q=" + TestApp.enc("toddler home visit") + "&limit=3";

  @TempDir
  Path corpus;
  @TempDir
  Path data;

  static double cacheGets(TestApp app, String result) throws Exception {
    String metrics = app.get("/metrics").body();
    Matcher m = Pattern.compile("cache_gets_total\\{cache=\"search\",result=\"" + result + "\"} ([0-9.E]+)")
        .matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  @Test
  void the_same_search_twice_is_answered_from_the_cache_with_the_same_bytes_status_and_headers() throws Exception {
    TestApp.copyMiniCorpus(corpus);
    try (TestApp app = new TestApp(TestApp.sparse(corpus, data))) {
      TestApp.Response first = app.get("/api/search?q=" + TestApp.enc("looked after children"));
      TestApp.Response second = app.get("/api/search?q=" + TestApp.enc("looked after children"));
      assertEquals(200, first.status(), first.body());
      assertEquals(200, second.status());
      assertEquals(first.body(), second.body());
      assertTrue(first.body().contains("Looked after children were seen alone"), first.body());
      for (String header : new String[] {"Content-Type", "Content-Length", "Content-Security-Policy",
          "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Permissions-Policy"}) {
        assertEquals(first.header(header), second.header(header), header);
      }
      assertEquals("application/json", first.header("Content-Type"));
      assertEquals(1.0, cacheGets(app, "miss"));
      assertEquals(1.0, cacheGets(app, "hit"));
      // A hit is still a request the metrics count.
      assertTrue(app.get("/metrics").body()
          .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/search\",status=\"200\"} 2"));
    }
  }

  @Test
  void different_parameters_are_different_entries() throws Exception {
    TestApp.copyMiniCorpus(corpus);
    try (TestApp app = new TestApp(TestApp.sparse(corpus, data))) {
      String q = "/api/search?q=" + TestApp.enc("social worker strategy night bruise baby father");
      String all = app.get(q).body();
      String one = app.get(q + "&limit=1").body();
      String noFacets = app.get(q + "&facets=none").body();
      String documents = app.get(q + "&group=document").body();
      String filtered = app.get(q + "&type=annual+report").body();
      assertEquals(5, java.util.Set.of(all, one, noFacets, documents, filtered).size());
      assertFalse(noFacets.contains("\"facets\""), noFacets);
      assertEquals(1, app.get(q + "&limit=1").json().getAsJsonObject().getAsJsonArray("results").size());
      assertEquals(5.0, cacheGets(app, "miss"));
      assertEquals(1.0, cacheGets(app, "hit"));
    }
  }

  @Test
  void after_a_document_is_added_and_retired_the_same_search_finds_the_library_as_it_is() throws Exception {
    TestApp.copyMiniCorpus(corpus);
    try (TestApp app = new TestApp(TestApp.sparse(corpus, data))) {
      JsonObject before = app.get(SEARCH).json().getAsJsonObject();
      assertFalse(before.toString().contains("\"docId\":\"visits\""), before.toString());

      Files.writeString(corpus.resolve("visits.md"), VISITS);
      app.app().reindexer().reindex().get();
      JsonObject added = app.get(SEARCH).json().getAsJsonObject();
      assertEquals("visits",
          added.getAsJsonArray("results").get(0).getAsJsonObject().get("docId").getAsString(), added.toString());

      Files.delete(corpus.resolve("visits.md"));
      app.app().reindexer().reindex().get();
      JsonObject retired = app.get(SEARCH).json().getAsJsonObject();
      assertEquals(before, retired);
      // The corpus is again the one of the first search, so its hash names the first entry, a true answer.
      assertEquals(1.0, cacheGets(app, "hit"));
      assertEquals(2.0, cacheGets(app, "miss"), "the library with the new document was searched afresh");
    }
  }

  @Test
  void a_bad_request_is_a_400_every_time_and_never_stored() throws Exception {
    TestApp.copyMiniCorpus(corpus);
    try (TestApp app = new TestApp(TestApp.sparse(corpus, data))) {
      for (int i = 0; i < 2; i++) {
        TestApp.Response bad = app.get("/api/search?q=audit&limit=0");
        assertEquals(400, bad.status(), bad.body());
        assertEquals("limit", bad.json().getAsJsonObject().get("parameter").getAsString());
        assertEquals(400, app.get("/api/search?q=audit&type=no+such+type").status());
      }
      assertEquals(0.0, cacheGets(app, "hit"));
      assertEquals(0.0, cacheGets(app, "miss"));
      assertEquals(0.0, Double.parseDouble(gauge(app, "guidance_search_cache_bytes")));
      assertEquals(200, app.get("/api/search?q=audit").status());
      assertNotEquals(0.0, Double.parseDouble(gauge(app, "guidance_search_cache_bytes")));
    }
  }

  @Test
  void with_a_size_of_zero_nothing_is_cached_and_the_responses_are_the_same() throws Exception {
    TestApp.copyMiniCorpus(corpus);
    String cached;
    try (TestApp app = new TestApp(TestApp.sparse(corpus, data))) {
      app.get("/api/search?q=audit");
      cached = app.get("/api/search?q=audit").body();
    }
    try (TestApp app = new TestApp(TestApp.sparse(corpus, data).withSearchCacheMb(0))) {
      assertEquals(cached, app.get("/api/search?q=audit").body());
      assertEquals(cached, app.get("/api/search?q=audit").body());
      String metrics = app.get("/metrics").body();
      assertFalse(metrics.contains("cache=\"search\""), metrics);
      assertFalse(metrics.contains("guidance_search_cache_bytes"), metrics);
    }
  }

  static String gauge(TestApp app, String name) throws Exception {
    Matcher m = Pattern.compile("(?m)^" + name + " ([0-9.E]+)$").matcher(app.get("/metrics").body());
    assertTrue(m.find(), name);
    return m.group(1);
  }
}
