package uk.safeguarding.guidance.http;

import java.io.Serial;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A request parameter that cannot be used; mapped to a 400 naming the parameter and value. */
final class BadRequest extends RuntimeException {

  @Serial
  private static final long serialVersionUID = 1L;

  /** Where Gson's message says the JSON went wrong ("… at line 1 column 2 path $ …"). */
  private static final Pattern WHERE = Pattern.compile("line (\\d+) column (\\d+)");

  private final String parameter;
  private final String value;
  private final int status;

  BadRequest(String parameter, String value, String message) {
    this(parameter, value, message, 400);
  }

  private BadRequest(String parameter, String value, String message, int status) {
    super(message);
    this.parameter = parameter;
    this.value = value;
    this.status = status;
  }

  /**
   * A body that does not say it is JSON: 415 naming the Content-Type. A browser sends a cross-site form
   * ({@code enctype="text/plain"}) or a {@code no-cors} fetch without asking first only with such a type,
   * so refusing it keeps other sites from posting questions and ratings through their visitors.
   */
  static BadRequest notJson(String contentType) {
    return new BadRequest("Content-Type", contentType, "The request body must be sent as application/json"
        + (contentType == null || contentType.isBlank() ? "; no Content-Type was given."
            : ", not '" + contentType + "'."),
        415);
  }

  /**
   * A body that arrived too slowly and was cut off ({@link WebServer#MIN_REQUEST_BYTES_PER_SECOND}): 408
   * naming the body.
   */
  static BadRequest tooSlow() {
    return new BadRequest("body", null, "The request body arrived too slowly (under "
        + WebServer.MIN_REQUEST_BYTES_PER_SECOND + " bytes a second) and was cut off; send it again.", 408);
  }

  /** Too many bodies in flight from one address ({@link BodySlots}): 429 naming the body. */
  static BadRequest tooManyBodies(int perClient) {
    return new BadRequest("body", null, "Too many requests with a body at once from this address (" + perClient
        + " at most): wait for an answer before sending more.", 429);
  }

  /**
   * The HTTP status: 400, 408 for a body that arrived too slowly, 415 for a body not declared JSON, 429 for
   * too many bodies at once.
   */
  int status() {
    return status;
  }

  /**
   * JSON that does not parse, or does not fit the endpoint: {@code problem} ("The request body is not
   * valid JSON") with the line and column where the parser stopped, never the parser's own advice or links.
   */
  static BadRequest invalidJson(String parameter, String problem, RuntimeException cause) {
    Matcher at = WHERE.matcher(String.valueOf(cause.getMessage()));
    String where = at.find() ? " (at line " + at.group(1) + ", column " + at.group(2) + ")" : "";
    return new BadRequest(parameter, null, problem + where + ".");
  }

  /**
   * A name outside {@code known}, of a {@code kind} ("parameter", "field", "filter"): "Unknown field
   * 'colour'; known fields: a, b.", so a misspelt name is never silently ignored. {@code parameter} is
   * where it was given (the name itself, or "filters.colour").
   */
  static BadRequest unknown(String kind, String name, String parameter, String value, Set<String> known) {
    return new BadRequest(parameter, value, "Unknown " + kind + " '" + name + "'; "
        + (known.isEmpty() ? "this takes no " + kind + "s."
            : "known " + kind + "s: " + String.join(", ", new TreeSet<>(known)) + "."));
  }

  /**
   * Refuses the first of {@code names}, in alphabetical order, outside {@code known} ({@link #unknown}):
   * query parameters, JSON fields and form fields alike. {@code valueOf} gives the value to echo (or null).
   */
  static void refuseUnknown(String kind, java.util.Collection<String> names, Set<String> known,
      java.util.function.UnaryOperator<String> valueOf) {
    for (String name : new TreeSet<>(names)) {
      if (!known.contains(name)) {
        throw unknown(kind, name, name, valueOf.apply(name), known);
      }
    }
  }

  ApiError toError() {
    return new ApiError(getMessage(), parameter, value);
  }
}
