package uk.safeguarding.guidance.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.TestApp;

class MetricsTest {

  @TempDir
  Path corpus;
  @TempDir
  Path data;

  @Test
  void metrics_count_requests_by_route_template_answers_by_outcome_and_the_index() throws Exception {
    TestApp.copyMiniCorpus(corpus);
    try (TestApp app = new TestApp(TestApp.sparse(corpus, data))) {
      assertEquals(200, app.get("/api/documents/enquiries").status());
      assertEquals(404, app.get("/api/documents/no-such-document").status());
      assertEquals(200, app.post("/api/ask", "{\"question\": \"how do I renew my passport\"}").status());
      TestApp.Response r = app.get("/metrics");
      assertEquals(200, r.status());
      assertTrue(r.header("Content-Type").startsWith("text/plain; version=0.0.4"), r.header("Content-Type"));
      String text = r.body();
      assertTrue(text.contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/documents/{id}\","
          + "status=\"200\"} 1"), text);
      assertTrue(text.contains("route=\"/api/documents/{id}\",status=\"404\"} 1"), text);
      assertTrue(text.contains("guidance_answers_total{outcome=\"declined\",urgent=\"false\"} 1"), text);
      assertTrue(text.contains("guidance_index_passages 5"), text);
      assertTrue(text.contains("guidance_index_ready 1"), text);
      assertTrue(text.contains("guidance_index_build_failures_total 0"), text);
      assertFalse(text.contains("passport") || text.contains("no-such-document"), "no question or raw path as a label");
    }
  }

  @Test
  void made_up_methods_share_one_series_so_they_cannot_fill_the_heap() throws Exception {
    TestApp.copyMiniCorpus(corpus);
    try (TestApp app = new TestApp(TestApp.sparse(corpus, data))) {
      for (int i = 0; i < 20; i++) {
        app.send(HttpRequest.newBuilder(URI.create(app.base() + "/api/search?q=x")).method("FOO" + i,
            HttpRequest.BodyPublishers.noBody()).build());
      }
      String text = app.get("/metrics").body();
      assertFalse(text.contains("FOO"), text);
      assertTrue(text.contains("http_server_requests_seconds_count{method=\"OTHER\""), text);
      assertEquals(1, text.lines().filter(l -> l.startsWith("http_server_requests_seconds_count{method=\"OTHER\""))
          .map(l -> l.replaceAll("\\} .*", "}")).distinct().count(), text);
    }
  }

  @Test
  void the_methods_http_defines_are_tagged_by_name_and_any_other_as_other() {
    assertEquals("GET", Metrics.methodTag("GET"));
    assertEquals("PATCH", Metrics.methodTag("PATCH"));
    assertEquals("OTHER", Metrics.methodTag("get"));
    assertEquals("OTHER", Metrics.methodTag("PROPFIND"));
  }
}
