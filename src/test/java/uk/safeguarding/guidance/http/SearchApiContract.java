package uk.safeguarding.guidance.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.safeguarding.guidance.TestApp;

/**
 * What {@code GET /api/search} promises, whichever engine ranks: exact hit counts, filters, facets,
 * paging, {@code group=document}, and a 400 naming the parameter for bad input. Run over the shipped
 * corpus on the embedded index ({@link SearchApiTest}) and on SolrCloud ({@code SolrCloudIT}).
 */
public abstract class SearchApiContract {

  /** A server over the shipped corpus, hybrid retrieval, no rate limit. */
  protected abstract TestApp app();

  @Test
  void search_returns_passages_with_citation_fields_and_facets() throws Exception {
    TestApp.Response r = app().get("/api/search?q=" + TestApp.enc("what to do when a family relocates") + "&limit=3");
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

  /**
   * Exact totals over the shipped corpus, as Lucene's demo asserts its hit counts: a change in analysis,
   * filtering, fusion or counting shows here on either engine. Hybrid: the words' matches and the
   * nearest neighbours together.
   */
  @ParameterizedTest(name = "{0} -> {1} hits")
  @CsvSource(delimiter = '|', value = {
      "q=neglect|28",
      "q=neglect&group=document|5",
      "q=neglect&type=annual+report|12",
      "q=neglect&year=2021&group=document|1",
      "q=%22was+not+brought%22|7",
      "q=bruising+in+a+baby+who+is+not+mobile&theme=Neglect|12",
      "q=passports|0"})
  void hit_counts_are_exact(String query, int total) throws Exception {
    TestApp.Response r = app().get("/api/search?" + query + "&limit=1");
    assertEquals(200, r.status(), r.body());
    System.out.println("COUNT " + query + " " + r.json().getAsJsonObject().get("total") + " "
        + r.json().getAsJsonObject().get("facets"));
    assertEquals(total, r.json().getAsJsonObject().get("total").getAsInt(), query);
  }

  @Test
  void facet_counts_are_exact_for_passages_and_for_documents() throws Exception {
    JsonObject passages = app().get("/api/search?q=neglect&limit=1").json().getAsJsonObject().getAsJsonObject("facets");
    assertEquals(JsonParser.parseString("{\"annual report\":12,\"thematic briefing\":9,\"webinar slides\":4,"
        + "\"learning review briefing\":2,\"report\":1}"), passages.get("documentType"));
    assertEquals(JsonParser.parseString("{\"2017\":12,\"2021\":9,\"2020\":4,\"2022\":1}"), passages.get("year"));
    assertEquals(23, passages.getAsJsonObject("theme").get("neglect").getAsInt());
    JsonObject documents = app().get("/api/search?q=%22was+not+brought%22&limit=1&group=document").json()
        .getAsJsonObject().getAsJsonObject("facets");
    assertEquals(JsonParser.parseString("{\"annual report\":1,\"thematic briefing\":1}"),
        documents.get("documentType"));
  }

  @Test
  void filters_by_type_organisation_theme_and_year_restrict_results() throws Exception {
    JsonObject o = app().get("/api/search?q=neglect&type=annual+report&limit=100").json().getAsJsonObject();
    for (var e : o.getAsJsonArray("results")) {
      assertEquals("annual report", e.getAsJsonObject().get("documentType").getAsString());
    }
    assertEquals(o.get("total").getAsInt(),
        o.getAsJsonObject("facets").getAsJsonObject("documentType").get("annual report").getAsInt());
    JsonObject byYear = app().get("/api/search?q=neglect&year=2021&limit=100").json().getAsJsonObject();
    for (var e : byYear.getAsJsonArray("results")) {
      assertTrue(e.getAsJsonObject().get("date").getAsString().startsWith("2021"));
    }
    assertEquals(200, app().get(
        "/api/search?q=neglect&theme=Neglect&organisation=" + TestApp.enc("Telford & Wrekin Safeguarding Partnership"))
        .status());
  }

  @Test
  void paging_with_offset_moves_through_the_results() throws Exception {
    JsonArray first = app().get("/api/search?q=neglect&limit=2").json().getAsJsonObject().getAsJsonArray("results");
    JsonArray second =
        app().get("/api/search?q=neglect&limit=2&offset=1").json().getAsJsonObject().getAsJsonArray("results");
    assertEquals(first.get(1).getAsJsonObject().get("id"), second.get(0).getAsJsonObject().get("id"));
  }

  @Test
  void facets_none_leaves_the_facets_out_and_keeps_the_results() throws Exception {
    JsonObject all = app().get("/api/search?q=neglect&limit=5").json().getAsJsonObject();
    JsonObject none = app().get("/api/search?q=neglect&limit=5&facets=none").json().getAsJsonObject();
    assertTrue(all.has("facets"));
    assertTrue(!none.has("facets"), none.keySet().toString());
    assertEquals(all.get("results"), none.get("results"));
    assertEquals(all.get("total"), none.get("total"));
  }

  @Test
  void group_document_gives_each_document_once_by_its_best_passage() throws Exception {
    JsonObject passages = app().get("/api/search?q=neglect&limit=100").json().getAsJsonObject();
    JsonObject documents = app().get("/api/search?q=neglect&limit=100&group=document").json().getAsJsonObject();
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
    JsonArray second = app().get("/api/search?q=neglect&limit=1&offset=1&group=document").json().getAsJsonObject()
        .getAsJsonArray("results");
    assertEquals(grouped.get(1), second.get(0).getAsJsonObject().get("id").getAsString());
  }

  @ParameterizedTest(name = "{0} -> 400 naming {1}")
  @CsvSource(delimiter = '|', value = {
      "/api/search|q|The parameter 'q' must not be empty.",
      "/api/search?q=|q|The parameter 'q' must not be empty.",
      "/api/search?q=%20%20|q|The parameter 'q' must not be empty.",
      "/api/search?q=%E2%80%8B%C2%AD|q|The parameter 'q' must not be empty.",
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
      "/api/documents?limit=5|limit|Unknown parameter 'limit'; this takes no parameters.",
      "/health?verbose=1|verbose|Unknown parameter 'verbose'; this takes no parameters.",
      "/api/documents/no-such-document?format=pdf|format|Unknown parameter 'format'; this takes no parameters.",
  })
  void bad_parameters_get_400_with_a_json_error_naming_the_parameter(String path, String parameter, String message)
      throws Exception {
    TestApp.Response r = app().get(path);
    assertEquals(400, r.status(), r.body());
    JsonObject o = r.json().getAsJsonObject();
    assertEquals(parameter, o.get("parameter").getAsString());
    assertEquals(message, o.get("error").getAsString());
  }

  @Test
  void unknown_filter_values_name_the_parameter_and_list_known_values() throws Exception {
    for (String p : new String[] {"type", "organisation", "theme"}) {
      TestApp.Response r = app().get("/api/search?q=x&" + p + "=nonsense");
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
    TestApp.Response r = app().get("/api/search?q=" + "a".repeat(501));
    assertEquals(400, r.status());
    assertEquals("The parameter 'q' must be at most 500 characters.",
        r.json().getAsJsonObject().get("error").getAsString());
  }

  /**
   * A phone's full-width letters, a pasted zero-width space, soft hyphen or no-break space: the same
   * search as typed plainly (Java reads the escapes below as the characters themselves).
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"s47|\uff53\uff14\uff17", "s47|s4\u200b7", "neglect|ne\u00adglect",
      "was not brought|was\u00a0not brought"})
  void full_width_and_invisible_characters_search_as_the_plain_text(String plain, String typed) throws Exception {
    JsonObject expected = app().get("/api/search?q=" + TestApp.enc(plain)).json().getAsJsonObject();
    JsonObject got = app().get("/api/search?q=" + TestApp.enc(typed)).json().getAsJsonObject();
    if (!expected.equals(got)) {
      // The answer step's reranker may have come into service between the two (it trains in the
      // background after start-up, and reorders results): the plain search again, in the same order.
      expected = app().get("/api/search?q=" + TestApp.enc(plain)).json().getAsJsonObject();
    }
    assertEquals(plain, got.get("query").getAsString());
    assertEquals(expected.get("total"), got.get("total"), typed);
    assertEquals(expected.get("results"), got.get("results"), typed);
  }

  @ParameterizedTest
  @CsvSource({"AND (", "\"unclosed", "*", "~", "\\", "title:(x", "a~2 OR b^3", "[1 TO", "(((", "\"\""})
  void queries_with_lucene_syntax_never_fail(String q) throws Exception {
    TestApp.Response r = app().get("/api/search?q=" + TestApp.enc(q));
    assertEquals(200, r.status(), r.body());
    assertTrue(r.json().getAsJsonObject().has("total"));
  }
}
