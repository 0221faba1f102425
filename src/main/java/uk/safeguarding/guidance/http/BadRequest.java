package uk.safeguarding.guidance.http;

import java.io.Serial;
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

  ApiError toError() {
    return new ApiError(getMessage(), parameter, value);
  }
}
