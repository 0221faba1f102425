package uk.safeguarding.guidance.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.AppConfig;
import uk.safeguarding.guidance.TestApp;

class TrustedProxiesTest {

  /** Time the three allowed requests and the refused one need left in the minute, on a slow machine. */
  private static final java.time.Duration ROOM_IN_THE_MINUTE = java.time.Duration.ofSeconds(10);

  @TempDir
  Path corpus;
  @TempDir
  Path data;

  @Test
  void behind_a_trusted_proxy_the_client_is_the_rightmost_untrusted_hop() {
    TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 127.0.0.1, ::1/128");
    assertEquals("203.0.113.7", proxies.client("10.1.2.3", "198.51.100.1, 203.0.113.7, 10.9.9.9"));
    assertEquals("203.0.113.7", proxies.client("127.0.0.1", "203.0.113.7"));
    assertEquals("192.0.2.1", proxies.client("192.0.2.1", "203.0.113.7"), "an untrusted peer's header is ignored");
    assertEquals("10.1.2.3", proxies.client("10.1.2.3", "not-an-address"), "a garbled header keys on the proxy");
    assertEquals("10.1.2.3", proxies.client("10.1.2.3", null));
    assertTrue(proxies.trusts("::1"));
    assertFalse(TrustedProxies.NONE.trusts("127.0.0.1"));
  }

  @Test
  void a_bad_entry_is_refused_at_start_up_with_its_name() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
    assertEquals("The trusted-proxies setting has '10.0.0.0/33', whose prefix length must be 0 to 32.", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("proxy.example.org"));
    assertEquals("The trusted-proxies setting has 'proxy.example.org', which is not an IP address or CIDR block "
        + "(like 10.0.0.0/8).", e.getMessage());
  }

  private static TestApp.Response get(TestApp app, String path, String forwardedFor, String proto) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.base() + path));
    if (forwardedFor != null) {
      b.header("X-Forwarded-For", forwardedFor);
    }
    if (proto != null) {
      b.header("X-Forwarded-Proto", proto);
    }
    return app.send(b.GET().build());
  }

  @Test
  void without_trusted_proxies_a_client_cannot_pick_its_own_rate_limit_key_or_claim_tls() throws Exception {
    TestApp.copyMiniCorpus(corpus);
    AppConfig config = new AppConfig("127.0.0.1", 0, corpus, data, 3, false);
    try (TestApp app = new TestApp(config)) {
      TestApp.roomInTheMinute(ROOM_IN_THE_MINUTE);
      for (int i = 0; i < 3; i++) {
        assertEquals(200, get(app, "/api/documents", "198.51.100." + i, null).status());
      }
      assertEquals(429, get(app, "/api/documents", "198.51.100.99", null).status());
      String cookie = get(app, "/admin/login", null, "https").header("Set-Cookie");
      assertFalse(cookie.contains("Secure"), cookie);
    }
  }

  @Test
  void behind_a_trusted_proxy_each_practitioner_has_their_own_budget_and_tls_is_believed() throws Exception {
    TestApp.copyMiniCorpus(corpus);
    AppConfig config = new AppConfig("127.0.0.1", 0, corpus, data, 3, false).withTrustedProxies("127.0.0.1, ::1");
    try (TestApp app = new TestApp(config)) {
      TestApp.roomInTheMinute(ROOM_IN_THE_MINUTE);
      for (int i = 0; i < 3; i++) {
        assertEquals(200, get(app, "/api/documents", "198.51.100.1", null).status());
      }
      assertEquals(429, get(app, "/api/documents", "198.51.100.1", null).status());
      assertEquals(200, get(app, "/api/documents", "198.51.100.2", null).status(),
          "another practitioner is not held up");
      String cookie = get(app, "/admin/login", "198.51.100.3", "https").header("Set-Cookie");
      assertTrue(cookie.contains("; Secure"), cookie);
    }
  }

  @Test
  void a_client_cannot_dodge_its_budget_with_its_own_line_before_the_one_the_proxy_appends() throws Exception {
    TestApp.copyMiniCorpus(corpus);
    AppConfig config = new AppConfig("127.0.0.1", 0, corpus, data, 3, false).withTrustedProxies("127.0.0.1, ::1");
    try (TestApp app = new TestApp(config)) {
      TestApp.roomInTheMinute(ROOM_IN_THE_MINUTE);
      // The client writes a new first line each time; the proxy (HAProxy's way) adds a line of its own.
      for (int i = 0; i < 3; i++) {
        assertEquals(200, app.send(HttpRequest.newBuilder(URI.create(app.base() + "/api/documents"))
            .header("X-Forwarded-For", "198.51.100." + i).header("X-Forwarded-For", "203.0.113.9").GET().build())
            .status());
      }
      assertEquals(429, app.send(HttpRequest.newBuilder(URI.create(app.base() + "/api/documents"))
          .header("X-Forwarded-For", "198.51.100.99").header("X-Forwarded-For", "203.0.113.9").GET().build())
          .status(), "the client is the address the trusted proxy appended, not the first line");
      assertEquals(200, get(app, "/api/documents", "198.51.100.99", null).status(),
          "the client's own line alone is believed from the trusted proxy, as before");
    }
  }
}
