package uk.safeguarding.guidance.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.TestApp;

/**
 * The OpenAPI document at /openapi.json describes the responses the server really sends: each real
 * response is checked against its documented schema (every required field present, no field the
 * document does not name, the types right).
 */
class OpenApiTest {

  @TempDir
  static Path corpus;
  @TempDir
  static Path data;
  static TestApp app;
  static JsonObject spec;

  @BeforeAll
  static void start() throws Exception {
    TestApp.copyMiniCorpus(corpus);
    app = new TestApp(TestApp.sparse(corpus, data));
    TestApp.Response r = app.get("/openapi.json");
    assertEquals(200, r.status());
    assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
    spec = JsonParser.parseString(r.body()).getAsJsonObject();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void every_public_route_is_documented() {
    JsonObject paths = spec.getAsJsonObject("paths");
    for (String p : List.of("/health", "/api/search", "/api/documents", "/api/documents/{id}", "/api/ask",
        "/api/feedback", "/metrics", "/api/admin/documents", "/api/admin/unanswered")) {
      assertTrue(paths.has(p), p);
    }
    assertEquals(AdminRoutes.ROUTES.size(), AdminRoutes.ROUTES.stream()
        .filter(r -> r.path().startsWith("/api/admin"))
        .filter(r -> paths.has(r.path()) && paths.getAsJsonObject(r.path()).has(r.method().name().toLowerCase()))
        .count() + AdminRoutes.ROUTES.stream().filter(r -> !r.path().startsWith("/api/admin")).count(),
        "every admin API route is in the document");
  }

  @Test
  void real_responses_match_their_documented_schemas() throws Exception {
    List<String> problems = new ArrayList<>();
    check("/health", "get", "200", app.get("/health"), problems);
    check("/api/search", "get", "200", app.get("/api/search?q=section+47&limit=2"), problems);
    check("/api/search", "get", "200", app.get("/api/search?q=section+47&limit=2&group=document&facets=none"),
        problems);
    check("/api/search", "get", "400", app.get("/api/search?q=a&limit=abc"), problems);
    check("/api/documents", "get", "200", app.get("/api/documents"), problems);
    check("/api/documents/{id}", "get", "200", app.get("/api/documents/enquiries"), problems);
    check("/api/documents/{id}", "get", "404", app.get("/api/documents/nothing-here"), problems);
    TestApp.Response answer =
        app.post("/api/ask", "{\"question\": \"what did the audit of section 47 enquiries find?\"}");
    check("/api/ask", "post", "200", answer, problems);
    check("/api/ask", "post", "200", app.post("/api/ask", "{\"question\": \"how do I renew my passport\"}"), problems);
    check("/api/ask", "post", "400", app.post("/api/ask", "{\"question\": \"\"}"), problems);
    JsonObject a = answer.json().getAsJsonObject();
    check("/api/feedback", "post", "200", app.post("/api/feedback", "{\"conversationId\": \""
        + a.get("conversationId").getAsString() + "\", \"answerId\": \"" + a.get("answerId").getAsString()
        + "\", \"rating\": \"up\"}"), problems);
    check("/api/feedback", "post", "400", app.post("/api/feedback", "{\"rating\": \"sideways\"}"), problems);
    assertEquals(List.of(), problems);
  }

  private static void check(String path, String method, String status, TestApp.Response r, List<String> problems) {
    assertEquals(Integer.parseInt(status), r.status(), path + " " + r.body());
    JsonObject response = spec.getAsJsonObject("paths").getAsJsonObject(path).getAsJsonObject(method)
        .getAsJsonObject("responses").getAsJsonObject(status);
    JsonObject schema =
        response.getAsJsonObject("content").getAsJsonObject("application/json").getAsJsonObject("schema");
    validate(JsonParser.parseString(r.body()), schema, path + " " + status, problems);
  }

  private static JsonObject resolve(JsonObject schema) {
    if (schema.has("$ref")) {
      String name = schema.get("$ref").getAsString().substring("#/components/schemas/".length());
      return spec.getAsJsonObject("components").getAsJsonObject("schemas").getAsJsonObject(name);
    }
    return schema;
  }

  private static void validate(JsonElement value, JsonObject schemaOrRef, String where, List<String> problems) {
    JsonObject schema = resolve(schemaOrRef);
    String type = schema.has("type") ? schema.get("type").getAsString() : "object";
    switch (type) {
      case "object" -> {
        if (!value.isJsonObject()) {
          problems.add(where + ": not an object");
          return;
        }
        JsonObject o = value.getAsJsonObject();
        JsonObject props = schema.has("properties") ? schema.getAsJsonObject("properties") : new JsonObject();
        if (schema.has("required")) {
          schema.getAsJsonArray("required").forEach(req -> {
            if (!o.has(req.getAsString())) {
              problems.add(where + ": missing " + req.getAsString());
            }
          });
        }
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
          if (props.has(e.getKey())) {
            validate(e.getValue(), props.getAsJsonObject(e.getKey()), where + "." + e.getKey(), problems);
          } else if (schema.has("additionalProperties") && schema.get("additionalProperties").isJsonObject()) {
            validate(e.getValue(), schema.getAsJsonObject("additionalProperties"), where + "." + e.getKey(), problems);
          } else if (schema.has("additionalProperties") && !schema.get("additionalProperties").getAsBoolean()) {
            problems.add(where + ": undocumented field " + e.getKey());
          }
        }
      }
      case "array" -> {
        if (!value.isJsonArray()) {
          problems.add(where + ": not an array");
          return;
        }
        value.getAsJsonArray().forEach(item -> validate(item, schema.getAsJsonObject("items"), where + "[]", problems));
      }
      case "string" -> {
        if (!(value.isJsonPrimitive() && value.getAsJsonPrimitive().isString())) {
          problems.add(where + ": not a string");
        }
      }
      case "integer", "number" -> {
        if (!(value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber())) {
          problems.add(where + ": not a number");
        } else if (type.equals("integer") && value.getAsDouble() != Math.rint(value.getAsDouble())) {
          problems.add(where + ": not an integer");
        }
      }
      case "boolean" -> {
        if (!(value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean())) {
          problems.add(where + ": not a boolean");
        }
      }
      default -> problems.add(where + ": unknown schema type " + type);
    }
  }
}
