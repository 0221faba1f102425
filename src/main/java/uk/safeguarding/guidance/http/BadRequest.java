package uk.safeguarding.guidance.http;

import java.io.Serial;

/** A request parameter that cannot be used; mapped to a 400 naming the parameter and value. */
final class BadRequest extends RuntimeException {

  @Serial
  private static final long serialVersionUID = 1L;

  private final String parameter;
  private final String value;

  BadRequest(String parameter, String value, String message) {
    super(message);
    this.parameter = parameter;
    this.value = value;
  }

  ApiError toError() {
    return new ApiError(getMessage(), parameter, value);
  }
}
