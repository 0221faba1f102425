package uk.safeguarding.guidance.http;

import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.EofException;
import uk.safeguarding.guidance.ops.Causes;

/**
 * Recognises exceptions that Jetty and Javalin raise for a malformed request — a character set
 * nobody supports, a path that is not URL encoding, a multipart body without a boundary, a body that
 * ends early, arrives too slowly (408) or a client that went away — so they become a 400 naming the part at
 * fault instead of a logged 500. Stateless.
 */
final class ClientFaults {

  private ClientFaults() {}

  /** The 400 for {@code e}, or empty when the fault is the server's. */
  static Optional<BadRequest> of(Throwable e) {
    for (Throwable t : Causes.of(e)) {
      if (t instanceof UnsupportedCharsetException || t instanceof IllegalCharsetNameException) {
        return Optional.of(new BadRequest("Content-Type", charset(t),
            "The request's character set is not supported; send the body as UTF-8."));
      }
      if (t instanceof IllegalArgumentException && String.valueOf(t.getMessage()).startsWith("URLDecoder")) {
        return Optional.of(new BadRequest("path", null, "The path is not valid URL encoding (use %XX escapes)."));
      }
      // Jetty's client errors (its BadMessageException, deprecated, is one): a body it could not read, or one
      // that arrived under the least data rate (408).
      if (t instanceof HttpException h && HttpStatus.isClientError(h.getCode())) {
        return Optional.of(h.getCode() == HttpStatus.REQUEST_TIMEOUT_408 ? BadRequest.tooSlow()
            : new BadRequest("body", null, "The request body could not be read: " + t.getMessage()
                + ". Send JSON, or multipart/form-data with a boundary, as the API describes."));
      }
      if (t instanceof EofException || t.getClass().getName().endsWith("HttpEofException")) {
        return Optional.of(new BadRequest("body", null, "The request body ended early or was malformed."));
      }
    }
    return Optional.empty();
  }

  private static String charset(Throwable t) {
    return t instanceof UnsupportedCharsetException u ? u.getCharsetName()
        : ((IllegalCharsetNameException) t).getCharsetName();
  }
}
