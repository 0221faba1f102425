package uk.safeguarding.guidance.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * A Logback filter (see {@code logback.xml}) that keeps warnings with a stack trace out of the log
 * when the libraries (Jetty, Javalin) report a client that went away: such a line is routine, not a
 * fault. The same event at DEBUG passes, so turning the library's logger to DEBUG still shows it.
 * Thread-safe: it keeps no state.
 */
public final class QuietDisconnects extends Filter<ILoggingEvent> {

  @Override
  public FilterReply decide(ILoggingEvent event) {
    if (!event.getLevel().isGreaterOrEqual(Level.WARN)) {
      return FilterReply.NEUTRAL;
    }
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown instanceof ThrowableProxy proxy && Disconnects.isClientGone(proxy.getThrowable())) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }
}
