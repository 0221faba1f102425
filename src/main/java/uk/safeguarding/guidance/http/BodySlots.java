package uk.safeguarding.guidance.http;

import io.javalin.http.Context;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts each client's requests with a body in flight, and refuses one over {@link #PER_CLIENT} with a
 * 429 before a byte of its body is read. A request thread waits while its body arrives, so bodies that
 * stop arriving held every thread until the idle timeout: an outsider's probe stalled every route with
 * 250 of them from three addresses, and the minimum data rate cannot cut off a body that sends nothing
 * at all. With this, one address holds at most {@link #PER_CLIENT} threads, and stalling the server takes
 * more addresses than the rate limit lets one caller spend. Requests without a body (searches, pages)
 * are not counted: they hold a thread only while they are worked out. Thread-safe.
 */
final class BodySlots {

  /**
   * Bodies one address may be sending at once. A chat page sends one question at a time and a trainer one
   * upload; a whole office behind one address rarely has more than a few in flight, since a question's body
   * arrives in one packet and is read in milliseconds. Jetty's request threads number 250.
   */
  static final int PER_CLIENT = 16;
  /** The context attribute that marks a request holding a slot, so it is given back exactly once. */
  private static final String HELD = "guidance.bodySlot";

  private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();
  private final int perClient;

  BodySlots(int perClient) {
    this.perClient = perClient;
  }

  /** Before the request is read: takes a slot for a request with a body, or refuses it. */
  void take(Context ctx) {
    if (!hasBody(ctx)) {
      return;
    }
    String client = TrustedProxies.client(ctx);
    boolean[] taken = {false};
    inFlight.compute(client, (k, n) -> {
      int held = n == null ? 0 : n;
      taken[0] = held < perClient;
      return taken[0] ? held + 1 : held;
    });
    if (!taken[0]) {
      throw BadRequest.tooManyBodies(perClient);
    }
    ctx.attribute(HELD, client);
  }

  /** After the request, whatever its outcome: gives its slot back. */
  void giveBack(Context ctx) {
    String client = ctx.attribute(HELD);
    if (client != null) {
      ctx.attribute(HELD, null);
      inFlight.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1); // no entry kept for an idle address
    }
  }

  private static boolean hasBody(Context ctx) {
    return ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
  }
}
