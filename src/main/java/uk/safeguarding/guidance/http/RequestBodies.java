package uk.safeguarding.guidance.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Reads a request's JSON body. With a Content-Length, exactly that many bytes and no read after the last:
 * Jetty checks the least data rate ({@link WebServer#MIN_REQUEST_BYTES_PER_SECOND}) before every read, over
 * the time since the body's first byte, and Javalin's {@code bodyAsBytes} reads once more to find the end. A
 * 15-byte body that arrived whole in two parts 300 ms apart was cut off with a 408 on that last read, and a
 * 45-byte question would be whenever its request thread paused about 180 ms (a collection, a busy core)
 * between two reads. A chunked body has no length to stop at and is read to its end, as before. Stateless.
 */
final class RequestBodies {

  /**
   * The buffer a body is first read into; it doubles as bytes arrive, up to the declared length. Not the
   * declared length at once: a request declaring a megabyte and sending nothing would hold a megabyte of heap
   * until its connection timed out, and {@link BodySlots} lets one address hold 16 of them.
   */
  static final int FIRST_BUFFER_BYTES = 8_192;

  private RequestBodies() {}

  /** The whole body of {@code ctx}'s request; a body that ends before its declared length is a 400. */
  static byte[] of(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared < 0 || declared > WebServer.MAX_JSON_BODY_BYTES) {
      return ctx.bodyAsBytes(); // chunked, or too large: refused there as before
    }
    int length = (int) declared;
    byte[] body = new byte[Math.min(length, FIRST_BUFFER_BYTES)];
    int read = 0;
    try {
      InputStream in = ctx.req().getInputStream();
      while (read < length) {
        if (read == body.length) {
          body = Arrays.copyOf(body, (int) Math.min(length, 2L * body.length));
        }
        int n = in.read(body, read, body.length - read);
        if (n < 0) {
          break;
        }
        read += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the " + declared + "-byte body of " + ctx.method() + " " + ctx.path(), e);
    }
    if (read < length) {
      throw new BadRequest("body", null, "The request body ended early: " + read + " of the " + declared
          + " bytes its Content-Length declares arrived.");
    }
    return body;
  }
}
