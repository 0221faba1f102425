package uk.safeguarding.guidance.http;

/** A request parameter that cannot be used; mapped to a 400 naming the parameter and value. */
final class BadRequest extends RuntimeException {

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
