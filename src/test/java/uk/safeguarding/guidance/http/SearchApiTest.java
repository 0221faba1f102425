package uk.safeguarding.guidance.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.safeguarding.guidance.TestApp;

class SearchApiTest {

  static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.shipped();
  }

  @AfterAll
  static void stop() {
    app.close();
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
  void search_returns_passages_with_citation_fields_and_facets() throws Exception {
    TestApp.Response r = app.get("/api/search?q=" + TestApp.enc("what to do when a family relocates") + "&limit=3");
    assertEquals(200, r.status());
    assertTrue(r.header("Content-Type").startsWith("application/json"));
    JsonObject o = r.json().getAsJsonObject();
    assertEquals("what to do when a family relocates", o.get("query").getAsString());
    JsonArray results = o.getAsJsonArray("results");
    assertEquals(3, results.size());
    JsonObject top = results.get(0).getAsJsonObject();
    for (String field : new String[] {"id", "docId", "title", "section", "text", "snippet", "score", "url",
        "documentType",
        "organisation", "date"}) {
      assertTrue(top.has(field), "missing " + field);
    }
    assertEquals("telford-learning-from-local-reviews-2021", top.get("docId").getAsString());
    assertTrue(top.get("section").getAsString().contains("Theme 4: Families moving to Telford and Wrekin"));
    assertEquals("/documents/" + top.get("docId").getAsString() + "#" + top.get("id").getAsString().split("#")[1],
        top.get("url").getAsString());
    assertTrue(top.get("snippet").getAsString().contains("<mark>"), top.get("snippet").getAsString());
    assertTrue(o.get("total").getAsInt() >= 3);
    JsonObject facets = o.getAsJsonObject("facets");
    for (String f : new String[] {"documentType", "organisation", "theme", "year"}) {
      assertTrue(facets.has(f), "facet " + f);
    }
  }

  @Test
  void filters_by_type_organisation_theme_and_year_restrict_results() throws Exception {
    JsonObject o = app.get("/api/search?q=neglect&type=annual+report&limit=100").json().getAsJsonObject();
    for (var e : o.getAsJsonArray("results")) {
      assertEquals("annual report", e.getAsJsonObject().get("documentType").getAsString());
    }
    assertEquals(o.get("total").getAsInt(),
        o.getAsJsonObject("facets").getAsJsonObject("documentType").get("annual report").getAsInt());
    JsonObject byYear = app.get("/api/search?q=neglect&year=2021&limit=100").json().getAsJsonObject();
    for (var e : byYear.getAsJsonArray("results")) {
      assertTrue(e.getAsJsonObject().get("date").getAsString().startsWith("2021"));
    }
    assertEquals(200, app.get(
        "/api/search?q=neglect&theme=Neglect&organisation=" + TestApp.enc("Telford & Wrekin Safeguarding Partnership"))
        .status());
  }

  @Test
  void paging_with_offset_moves_through_the_results() throws Exception {
    JsonArray first = app.get("/api/search?q=neglect&limit=2").json().getAsJsonObject().getAsJsonArray("results");
    JsonArray second =
        app.get("/api/search?q=neglect&limit=2&offset=1").json().getAsJsonObject().getAsJsonArray("results");
    assertEquals(first.get(1).getAsJsonObject().get("id"), second.get(0).getAsJsonObject().get("id"));
  }

  @Test
  void facets_none_leaves_the_facets_out_and_keeps_the_results() throws Exception {
    JsonObject all = app.get("/api/search?q=neglect&limit=5").json().getAsJsonObject();
    JsonObject none = app.get("/api/search?q=neglect&limit=5&facets=none").json().getAsJsonObject();
    assertTrue(all.has("facets"));
    assertTrue(!none.has("facets"), none.keySet().toString());
    assertEquals(all.get("results"), none.get("results"));
    assertEquals(all.get("total"), none.get("total"));
  }

  @Test
  void group_document_gives_each_document_once_by_its_best_passage() throws Exception {
    JsonObject passages = app.get("/api/search?q=neglect&limit=100").json().getAsJsonObject();
    JsonObject documents = app.get("/api/search?q=neglect&limit=100&group=document").json().getAsJsonObject();
    java.util.List<String> firstOfEach = new java.util.ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (var e : passages.getAsJsonArray("results")) {
      if (seen.add(e.getAsJsonObject().get("docId").getAsString())) {
        firstOfEach.add(e.getAsJsonObject().get("id").getAsString());
      }
    }
    java.util.List<String> grouped = new java.util.ArrayList<>();
    documents.getAsJsonArray("results").forEach(e -> grouped.add(e.getAsJsonObject().get("id").getAsString()));
    assertEquals(firstOfEach, grouped);
    assertEquals(grouped.size(), documents.get("total").getAsInt());
    int perType = 0;
    for (var e : documents.getAsJsonObject("facets").getAsJsonObject("documentType").entrySet()) {
      perType += e.getValue().getAsInt();
    }
    assertEquals(grouped.size(), perType, "facets count documents");
    JsonArray second = app.get("/api/search?q=neglect&limit=1&offset=1&group=document").json().getAsJsonObject()
        .getAsJsonArray("results");
    assertEquals(grouped.get(1), second.get(0).getAsJsonObject().get("id").getAsString());
  }

  @ParameterizedTest(name = "{0} -> 400 naming {1}")
  @CsvSource(delimiter = '|', value = {
      "/api/search|q|The parameter 'q' must not be empty.",
      "/api/search?q=|q|The parameter 'q' must not be empty.",
      "/api/search?q=%20%20|q|The parameter 'q' must not be empty.",
      "/api/search?q=x&limit=0|limit|The parameter 'limit' must be a whole number from 1 to 100, got '0'.",
      "/api/search?q=x&limit=10000|limit|The parameter 'limit' must be a whole number from 1 to 100, got '10000'.",
      "/api/search?q=x&limit=abc|limit|The parameter 'limit' must be a whole number from 1 to 100, got 'abc'.",
      "/api/search?q=x&offset=-1|offset|The parameter 'offset' must be a whole number from 0 to 1000, got '-1'.",
      "/api/search?q=x&offset=zz|offset|The parameter 'offset' must be a whole number from 0 to 1000, got 'zz'.",
      "/api/search?q=x&year=1066|year|Unknown value '1066' for parameter 'year'; known values: 2017, 2020, 2021, 2022.",
      "/api/search?q=x&colour=red|colour|Unknown parameter 'colour'; known parameters: facets, group, limit, offset, organisation, q, theme, type, year.",
      "/api/search?q=x&facets=some|facets|The parameter 'facets' must be one of all, none, got 'some'.",
      "/api/search?q=x&group=section|group|The parameter 'group' must be one of document, passage, got 'section'.",
      "/api/search?q=x&years=2021|years|Unknown parameter 'years'; known parameters: facets, group, limit, offset, organisation, q, theme, type, year.",
  })
  void bad_parameters_get_400_with_a_json_error_naming_the_parameter(String path, String parameter, String message)
      throws Exception {
    TestApp.Response r = app.get(path);
    assertEquals(400, r.status(), r.body());
    JsonObject o = r.json().getAsJsonObject();
    assertEquals(parameter, o.get("parameter").getAsString());
    assertEquals(message, o.get("error").getAsString());
  }

  @Test
  void unknown_filter_values_name_the_parameter_and_list_known_values() throws Exception {
    for (String p : new String[] {"type", "organisation", "theme"}) {
      TestApp.Response r = app.get("/api/search?q=x&" + p + "=nonsense");
      assertEquals(400, r.status());
      JsonObject o = r.json().getAsJsonObject();
      assertEquals(p, o.get("parameter").getAsString());
      assertEquals("nonsense", o.get("value").getAsString());
      assertTrue(o.get("error").getAsString()
          .startsWith("Unknown value 'nonsense' for parameter '" + p + "'; known values: "));
    }
  }

  @Test
  void a_too_long_query_is_refused_with_400() throws Exception {
    TestApp.Response r = app.get("/api/search?q=" + "a".repeat(501));
    assertEquals(400, r.status());
    assertEquals("The parameter 'q' must be at most 500 characters.",
        r.json().getAsJsonObject().get("error").getAsString());
  }

  @ParameterizedTest
  @CsvSource({"AND (", "\"unclosed", "*", "~", "\\", "title:(x", "a~2 OR b^3", "[1 TO", "(((", "\"\""})
  void queries_with_lucene_syntax_never_fail(String q) throws Exception {
    TestApp.Response r = app.get("/api/search?q=" + TestApp.enc(q));
    assertEquals(200, r.status(), r.body());
    assertTrue(r.json().getAsJsonObject().has("total"));
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
    assertEquals(200, app.get("/documents/telford-learning-from-local-reviews-2021").status());
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
}
