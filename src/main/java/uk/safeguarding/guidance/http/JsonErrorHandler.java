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
 * called). Thread-safe.
 */
final class JsonErrorHandler extends ErrorHandler {

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
        + ").";
    return ByteBuffer.wrap(WebServer.GSON.toJson(ApiError.of(error)).getBytes(StandardCharsets.UTF_8));
  }
}
