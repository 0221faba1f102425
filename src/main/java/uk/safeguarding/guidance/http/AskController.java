package uk.safeguarding.guidance.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import uk.safeguarding.guidance.answer.Answer;
import uk.safeguarding.guidance.answer.AskRequest;
import uk.safeguarding.guidance.answer.AskService;
import uk.safeguarding.guidance.index.LibraryViews;
import uk.safeguarding.guidance.search.Filters;

/** The chat API: questions in, cited answers out; and ratings of answers. */
final class AskController {

  static final int MAX_REASON_CHARS = 500;

  private final AskService ask;
  private final LibraryViews views;

  private final Metrics metrics;
  private final WorkGate gate;

  AskController(Services services, Metrics metrics, WorkGate gate) {
    this.ask = services.ask();
    this.views = new LibraryViews(services.library());
    this.metrics = metrics;
    this.gate = gate;
  }

  /** The request body of POST /api/ask. */
  record AskBody(String question, String conversationId, Map<String, List<String>> filters) {}

  /** The request body of POST /api/feedback. */
  record FeedbackBody(String conversationId, String answerId, String rating, String reason) {}

  record Ok(boolean ok) {}

  /** The fields each body may carry: any other is a 400, so a misspelt one is never silently ignored. */
  static final Set<String> ASK_FIELDS = Set.of("question", "conversationId", "filters");
  static final Set<String> FEEDBACK_FIELDS = Set.of("conversationId", "answerId", "rating", "reason");

  /** Refuses a body not declared {@code application/json} ({@link BadRequest#notJson}). */
  static void requireJson(Context ctx) {
    String type = ctx.contentType();
    String media = type == null ? "" : type.split(";", 2)[0].strip();
    if (!media.equalsIgnoreCase("application/json")) {
      throw BadRequest.notJson(type);
    }
  }

  void ask(Context ctx) {
    requireJson(ctx);
    JsonObject root = StrictJson.object(RequestBodies.of(ctx), ctx.characterEncoding(), ASK_FIELDS);
    requireStrings(root, "question", "conversationId");
    requireFilterLists(root.get("filters"));
    AskBody body = body(root, AskBody.class);
    String question = TypedText.normalise(body.question());
    if (question == null || question.isBlank()) {
      throw new BadRequest("question", body.question(), "The parameter 'question' must not be empty.");
    }
    TypedText.check("question", question);
    if (question.length() > AskRequest.MAX_QUESTION_CHARS) {
      throw new BadRequest("question", question.substring(0, 40) + "…",
          "The parameter 'question' must be at most " + AskRequest.MAX_QUESTION_CHARS + " characters.");
    }
    Map<String, List<String>> f = body.filters() == null ? Map.of() : body.filters();
    for (String name : new TreeSet<>(f.keySet())) {
      if (!LibraryController.FILTERS.contains(name)) {
        throw BadRequest.unknown("filter", name, "filters." + name, null, LibraryController.FILTERS);
      }
    }
    Filters filters = LibraryController.filters(views, f::get);
    Answer answer = gate.inTurn(() -> ask.ask(new AskRequest(question, body.conversationId(), filters)));
    metrics.asked(answer);
    ctx.json(Dto.AnswerView.of(answer));
  }

  void feedback(Context ctx) {
    requireJson(ctx);
    JsonObject root = StrictJson.object(RequestBodies.of(ctx), ctx.characterEncoding(), FEEDBACK_FIELDS);
    requireStrings(root, "conversationId", "answerId", "rating", "reason");
    FeedbackBody body = body(root, FeedbackBody.class);
    if (body.rating() == null || !(body.rating().equals("up") || body.rating().equals("down"))) {
      throw new BadRequest("rating", body.rating(), "The parameter 'rating' must be 'up' or 'down'.");
    }
    required("conversationId", body.conversationId());
    required("answerId", body.answerId());
    String reason = body.reason() == null ? "" : body.reason().strip();
    TypedText.check("reason", reason);
    if (reason.length() > MAX_REASON_CHARS) {
      throw new BadRequest("reason", reason.substring(0, 40) + "…",
          "The parameter 'reason' must be at most " + MAX_REASON_CHARS + " characters.");
    }
    if (!ask.rate(body.conversationId(), body.answerId(), body.rating().equals("up"), reason)) {
      throw new BadRequest("answerId", body.answerId(),
          "No recent answer with that 'answerId' in that conversation; answers can be rated for 30 minutes.");
    }
    ctx.json(new Ok(true));
  }

  /** A rating names the answer it rates by both ids, as /api/ask returned them. */
  private static void required(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new BadRequest(name, value, "The parameter '" + name + "' is required: the " + name
          + " of the answer being rated, as /api/ask returned it.");
    }
  }

  /** Gson would turn 42 into "42": insist that these fields, when present, are JSON strings. */
  private static void requireStrings(JsonObject root, String... fields) {
    for (String field : fields) {
      JsonElement value = root.get(field);
      if (value != null && !value.isJsonNull()
          && !(value.isJsonPrimitive() && value.getAsJsonPrimitive().isString())) {
        throw new BadRequest(field, value.toString(), "The parameter '" + field + "' must be a string.");
      }
    }
  }

  /** {@code filters}, when present, is an object of lists ({@code {"type": ["…"]}}); a list's items are checked later. */
  private static void requireFilterLists(JsonElement filters) {
    if (filters == null || filters.isJsonNull()) {
      return;
    }
    String problem = "The parameter 'filters' must be an object whose values are lists of text.";
    if (!filters.isJsonObject()) {
      throw new BadRequest("filters", filters.toString(), problem);
    }
    for (Map.Entry<String, JsonElement> e : filters.getAsJsonObject().entrySet()) {
      if (!e.getValue().isJsonArray()) {
        throw new BadRequest("filters." + e.getKey(), e.getValue().toString(), problem);
      }
    }
  }

  private static <T> T body(JsonObject root, Class<T> type) {
    try {
      return WebServer.GSON.fromJson(root, type);
    } catch (JsonParseException | IllegalStateException | ClassCastException e) {
      throw BadRequest.invalidJson("body", "The request body is not valid JSON for this endpoint", e);
    }
  }
}
