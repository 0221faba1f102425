package uk.safeguarding.guidance.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import org.eclipse.jetty.io.EofException;
import org.junit.jupiter.api.Test;

class DisconnectsTest {

  @Test
  void a_client_that_went_away_is_recognised_through_its_causes() {
    assertTrue(Disconnects.isClientGone(new EofException("reset")));
    assertTrue(Disconnects.isClientGone(new ClosedChannelException()));
    assertTrue(Disconnects.isClientGone(new UncheckedIOException(new IOException("Broken pipe"))));
    assertTrue(Disconnects.isClientGone(new RuntimeException(new IOException("Connection reset by peer"))));
  }

  @Test
  void a_fault_of_the_server_is_not_a_disconnect() {
    assertFalse(Disconnects.isClientGone(new IllegalStateException("index closed")));
    assertFalse(Disconnects.isClientGone(new IOException("No space left on device")));
    assertFalse(Disconnects.isClientGone(new IOException((String) null)));
  }

  @Test
  void the_log_filter_drops_disconnect_warnings_but_keeps_other_warnings_and_debug_lines() {
    QuietDisconnects filter = new QuietDisconnects();
    assertEquals(FilterReply.DENY, filter.decide(event(Level.WARN, new EofException("gone"))));
    assertEquals(FilterReply.NEUTRAL, filter.decide(event(Level.DEBUG, new EofException("gone"))));
    assertEquals(FilterReply.NEUTRAL, filter.decide(event(Level.WARN, new IllegalStateException("real"))));
    assertEquals(FilterReply.NEUTRAL, filter.decide(event(Level.ERROR, null)));
  }

  private static LoggingEvent event(Level level, Throwable thrown) {
    LoggerContext context = new LoggerContext();
    return new LoggingEvent("test", context.getLogger("org.eclipse.jetty.server"), level, "message", thrown, null);
  }
}
