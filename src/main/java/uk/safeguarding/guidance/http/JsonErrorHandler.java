package uk.safeguarding.guidance.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error responses (a request line or header it cannot parse, a URI too long, a bad
 * UTF-8 escape: 400, 414, 431, 505 …) in the API's shape, {@code {"error": "…"}}, with the same
 * security headers as every other response. Jetty 12 sends a request it cannot parse through
 * {@link #generateResponse} as well (its {@code badMessageError} hook is deprecated and no longer
 * called). Each body names the part of the request at fault in {@code parameter}, as every other
 * 400 does: the request line or head as a whole ({@code request}), the address ({@code url}, 414:
 * Jetty's limit on the request head, 8 kB, also bounds the address, so a long question belongs in
 * the body of {@code POST /api/ask}), the headers ({@code headers}, 431) or the HTTP version
 * ({@code protocol}, 505). Thread-safe.
 */
final class JsonErrorHandler extends ErrorHandler {

  private static final int URI_TOO_LONG = 414;
  private static final int HEADERS_TOO_LARGE = 431;
  private static final int VERSION_NOT_SUPPORTED = 505;

  /** Every method gets the JSON body (Jetty's default writes one for GET, POST and HEAD only). */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    SecurityHeaders.ALL.forEach((name, value) -> response.getHeaders().put(name, value));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    response.write(true, body(code, message), callback);
  }

  private static ByteBuffer body(int status, String reason) {
    String error = "The request could not be handled (" + status + (reason == null || reason.isBlank() ? ""
        : ": "
            + reason)
        + ")." + advice(status);
    ApiError body = new ApiError(error, atFault(status), null);
    return ByteBuffer.wrap(WebServer.GSON.toJson(body).getBytes(StandardCharsets.UTF_8));
  }

  /** The part of the request Jetty refused, by its status. */
  static String atFault(int status) {
    return switch (status) {
      case URI_TOO_LONG -> "url";
      case HEADERS_TOO_LARGE -> "headers";
      case VERSION_NOT_SUPPORTED -> "protocol";
      default -> "request";
    };
  }

  private static String advice(int status) {
    return switch (status) {
      case URI_TOO_LONG -> " The address must be under 8 kB; send a long question in the body of POST /api/ask.";
      case HEADERS_TOO_LARGE -> " The request's headers must be under 8 kB together.";
      default -> "";
    };
  }
}
