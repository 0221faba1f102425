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

  BadRequest(String parameter, String value, String message) {
    super(message);
    this.parameter = parameter;
    this.value = value;
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

  ApiError toError() {
    return new ApiError(getMessage(), parameter, value);
  }
}
