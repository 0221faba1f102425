package uk.safeguarding.guidance.http;

import com.google.gson.JsonParseException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
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

  void ask(Context ctx) {
    requireStrings(ctx, "question", "conversationId");
    AskBody body = body(ctx, AskBody.class);
    if (body.question() == null || body.question().isBlank()) {
      throw new BadRequest("question", body.question(), "The parameter 'question' must not be empty.");
    }
    if (body.question().length() > AskRequest.MAX_QUESTION_CHARS) {
      throw new BadRequest("question", body.question().substring(0, 40) + "…",
          "The parameter 'question' must be at most " + AskRequest.MAX_QUESTION_CHARS + " characters.");
    }
    Map<String, List<String>> f = body.filters() == null ? Map.of() : body.filters();
    Filters filters = LibraryController.filters(views, f::get);
    Answer answer = gate.inTurn(() -> ask.ask(new AskRequest(body.question(), body.conversationId(), filters)));
    metrics.asked(answer);
    ctx.json(Dto.AnswerView.of(answer));
  }

  void feedback(Context ctx) {
    requireStrings(ctx, "conversationId", "answerId", "rating", "reason");
    FeedbackBody body = body(ctx, FeedbackBody.class);
    if (body.rating() == null || !(body.rating().equals("up") || body.rating().equals("down"))) {
      throw new BadRequest("rating", body.rating(), "The parameter 'rating' must be 'up' or 'down'.");
    }
    String reason = body.reason() == null ? "" : body.reason().strip();
    if (reason.length() > MAX_REASON_CHARS) {
      throw new BadRequest("reason", reason.substring(0, 40) + "…",
          "The parameter 'reason' must be at most " + MAX_REASON_CHARS + " characters.");
    }
    if (body.answerId() == null
        || !ask.rate(body.conversationId(), body.answerId(), body.rating().equals("up"), reason)) {
      throw new BadRequest("answerId", body.answerId(),
          "No recent answer with that 'answerId' in that conversation; answers can be rated for 30 minutes.");
    }
    ctx.json(new Ok(true));
  }

  /** Gson would turn 42 into "42": insist that these fields, when present, are JSON strings. */
  private static void requireStrings(Context ctx, String... fields) {
    com.google.gson.JsonElement root;
    try {
      root = com.google.gson.JsonParser.parseString(ctx.body());
    } catch (JsonParseException e) {
      throw BadRequest.invalidJson("body", "The request body is not valid JSON", e);
    }
    if (!root.isJsonObject()) {
      throw new BadRequest("body", null, "The request body must be a JSON object.");
    }
    for (String field : fields) {
      com.google.gson.JsonElement value = root.getAsJsonObject().get(field);
      if (value != null && !value.isJsonNull()
          && !(value.isJsonPrimitive() && value.getAsJsonPrimitive().isString())) {
        throw new BadRequest(field, value.toString(), "The parameter '" + field + "' must be a string.");
      }
    }
  }

  private static <T> T body(Context ctx, Class<T> type) {
    try {
      T body = WebServer.GSON.fromJson(ctx.body(), type);
      if (body == null) {
        throw new BadRequest("body", "", "The request body must be a JSON object.");
      }
      return body;
    } catch (JsonParseException | IllegalStateException | ClassCastException e) {
      throw BadRequest.invalidJson("body", "The request body is not valid JSON for this endpoint", e);
    }
  }
}
