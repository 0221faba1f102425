package uk.safeguarding.guidance.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads a request's JSON body. With a Content-Length, exactly that many bytes and no read after the last:
 * Jetty checks the least data rate ({@link WebServer#MIN_REQUEST_BYTES_PER_SECOND}) before every read, over
 * the time since the body's first byte, and Javalin's {@code bodyAsBytes} reads once more to find the end. A
 * 15-byte body that arrived whole in two parts 300 ms apart was cut off with a 408 on that last read, and a
 * 45-byte question would be whenever its request thread paused 176 ms (a collection, a busy core) between
 * two reads. A chunked body has no length to stop at and is read to its end, as before. Stateless.
 */
final class RequestBodies {

  private RequestBodies() {}

  /** The whole body of {@code ctx}'s request; a body that ends before its declared length is a 400. */
  static byte[] of(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared < 0 || declared > WebServer.MAX_JSON_BODY_BYTES) {
      return ctx.bodyAsBytes(); // chunked, or too large: refused there as before
    }
    byte[] body = new byte[(int) declared];
    int read;
    try {
      read = ctx.req().getInputStream().readNBytes(body, 0, body.length);
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the " + declared + "-byte body of " + ctx.method() + " " + ctx.path(), e);
    }
    if (read < body.length) {
      throw new BadRequest("body", null, "The request body ended early: " + read + " of the " + declared
          + " bytes its Content-Length declares arrived.");
    }
    return body;
  }
}
