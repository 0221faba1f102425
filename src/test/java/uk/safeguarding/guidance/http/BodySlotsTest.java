package uk.safeguarding.guidance.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.TestApp;

/** One address may have {@link BodySlots#PER_CLIENT} bodies in flight; each is given back however it ends. */
class BodySlotsTest {

  /** Longest wait for the server to see closed connections and give their slots back. */
  private static final long RELEASE_WAIT_MS = 15_000;
  /**
   * What each stalled request sends of its body before it stops. The server cuts off a body arriving under
   * {@link WebServer#MIN_REQUEST_BYTES_PER_SECOND} on average since its first byte, and checks at each read:
   * with only 16 bytes sent, a request thread paused for about 67 ms between its first read and the next (a busy
   * 2-core CI machine, a collection) was cut off with a 408 and gave its slot back before the probe came, so
   * the probe was answered 400, not 429. 8 KiB keeps a stalled request's slot for 32 s, beyond both waits.
   */
  private static final int STALLED_BODY_BYTES = 8_192;

  @TempDir
  static Path corpus;
  @TempDir
  static Path data;
  static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    TestApp.copyMiniCorpus(corpus);
    app = new TestApp(TestApp.sparse(corpus, data));
    assertEquals(200, ask(), "the first answer loads what answers need");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static FuzzTest.Reply send(String method, String path, String type, String body) throws Exception {
    return FuzzTest.send(app.app().port(), FuzzTest.request(method, path, type, body.getBytes(StandardCharsets.UTF_8),
        null, 5, app.app().port()));
  }

  /** A question's status, through a client that waits for the answer however long it takes. */
  private static int ask() throws Exception {
    return app.post("/api/ask", "{\"question\":\"who to contact about neglect\"}").status();
  }

  @Test
  void stalled_bodies_past_the_limit_are_refused_at_once_and_their_slots_come_back_when_they_close() throws Exception {
    int port = app.app().port();
    String sent = "{\"question\":\"" + "neglect ".repeat(STALLED_BODY_BYTES / 8);
    String head = "POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + (2 * STALLED_BODY_BYTES) + "\r\n\r\n" + sent;
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < BodySlots.PER_CLIENT; i++) {
        stalled.add(stall(port, head));
      }
      FuzzTest.Reply refused = null;
      for (long end = System.currentTimeMillis() + RELEASE_WAIT_MS; System.currentTimeMillis() < end;) {
        // The stalled requests reach the server in their own time, and one that came while a probe held a slot
        // was itself refused: stalled again in its place, so that all of them end up holding a slot.
        for (int i = 0; i < stalled.size(); i++) {
          if (stalled.get(i).getInputStream().available() > 0) {
            stalled.get(i).close();
            stalled.set(i, stall(port, head));
          }
        }
        refused = send("POST", "/api/feedback", "application/json", "{\"rating\":\"up\"}");
        if (refused.status() == 429) {
          break;
        }
        Thread.sleep(100);
      }
      assertEquals(429, refused.status(), refused.head() + refused.body());
      assertEquals("{\"error\":\"Too many requests with a body at once from this address (16 at most): wait for an "
          + "answer before sending more.\",\"parameter\":\"body\"}", refused.body());
      assertEquals(200, send("GET", "/api/search?q=neglect", null, "").status(), "a search has no body to wait on");
    } finally {
      for (Socket socket : stalled) {
        socket.close();
      }
    }
    int status = 0;
    for (long end = System.currentTimeMillis() + RELEASE_WAIT_MS; status != 200
        && System.currentTimeMillis() < end;) {
      Thread.sleep(100);
      status = ask();
    }
    assertEquals(200, status, "the closed requests' slots are given back");
  }

  /** A request that sends {@code head} (its headers and the start of its body) and then nothing more. */
  private static Socket stall(int port, String head) throws java.io.IOException {
    Socket socket = new Socket("127.0.0.1", port);
    OutputStream out = socket.getOutputStream();
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return socket;
  }

  @Test
  void a_slot_is_given_back_however_the_request_ends() throws Exception {
    List<String> outcomes = new ArrayList<>();
    for (int i = 0; i < 3 * BodySlots.PER_CLIENT; i++) {
      FuzzTest.Reply r = switch (i % 6) {
        case 0 -> send("POST", "/api/ask", "application/json", "{\"question\":");
        case 1 -> send("POST", "/api/ask", "text/plain", "{\"question\":\"neglect\"}");
        case 2 -> send("POST", "/api/ask", "application/json", "{\"colour\":\"red\"}");
        case 3 -> send("POST", "/api/search", "application/json", "{\"q\":\"neglect\"}");
        case 4 -> send("POST", "/api/nothing", "application/json", "{}");
        default -> send("POST", "/api/feedback", "application/json", "{\"rating\":\"up\"}");
      };
      outcomes.add(r.status() + "");
    }
    assertTrue(outcomes.stream().noneMatch("429"::equals), outcomes.toString());
    assertEquals(List.of("400", "415", "400", "405", "404", "400"), outcomes.subList(0, 6));
    assertEquals(200, ask(), "no slot kept by any of " + outcomes.size() + " failed requests");
  }
}
