package uk.safeguarding.guidance.ops;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.Locale;

/**
 * Tells an exception raised because the client went away (closed the tab, lost its network, timed
 * out) from a fault of the server's. Such exceptions are routine and say nothing about the server,
 * so they are logged at DEBUG, never as a warning with a stack trace. Stateless.
 */
public final class Disconnects {

  /** Jetty's end-of-stream exception, named rather than imported: only {@code http} sees Jetty. */
  private static final String JETTY_EOF = "org.eclipse.jetty.io.EofException";

  /** What the operating system and Jetty say when the other end has gone. */
  private static final List<String> GONE = List.of("broken pipe", "connection reset", "stream is closed",
      "closed stream", "connection closed", "output closed");

  private Disconnects() {}

  /** Whether {@code e}, or anything in its chain of causes, says the client has gone. */
  public static boolean isClientGone(Throwable e) {
    return Causes.any(e, Disconnects::saysGone);
  }

  private static boolean saysGone(Throwable t) {
    if (t instanceof ClosedChannelException || t.getClass().getName().equals(JETTY_EOF)) {
      return true;
    }
    String message = t instanceof IOException && t.getMessage() != null ? t.getMessage().toLowerCase(Locale.ROOT) : "";
    return GONE.stream().anyMatch(message::contains);
  }
}
