package uk.safeguarding.guidance.http;

/**
 * The JSON body of every error response.
 *
 * @param error     what went wrong and how to fix it
 * @param parameter the request parameter at fault, or null
 * @param value     the value given for it, or null
 */
record ApiError(String error, String parameter, String value) {

  static ApiError of(String error) {
    return new ApiError(error, null, null);
  }
}
