package uk.safeguarding.guidance.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.safeguarding.guidance.TestApp;

/** Who may call the trainers' routes: every route and method, signed in or not, with CSRF or not. */
class AdminAuthTest {

  static final String PASSWORD = "correct horse battery";
  @TempDir
  static Path corpus;
  @TempDir
  static Path data;
  static TestApp app;
  static TestApp.Trainer alice;

  @BeforeAll
  static void start() throws Exception {
    TestApp.copyMiniCorpus(corpus);
    app = new TestApp(TestApp.sparse(corpus, data));
    alice = app.signIn("alice", PASSWORD);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static Stream<AdminRoutes.Route> protectedRoutes() {
    return AdminRoutes.ROUTES.stream().filter(r -> !r.isPublic());
  }

  static Stream<AdminRoutes.Route> stateChangingApiRoutes() {
    return AdminRoutes.ROUTES.stream().filter(r -> !r.isPage() && !r.method().equals(HandlerType.GET));
  }

  static String concrete(String path) {
    return path.replace("{id}", "enquiries").replace("{tokenId}", "0123456789ab");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protectedRoutes")
  void a_caller_without_credentials_is_refused(AdminRoutes.Route route) throws Exception {
    TestApp.Response r = app.as(null, route.method().name(), concrete(route.path()),
        HttpRequest.BodyPublishers.ofString("{}"), "application/json");
    if (route.isPage()) {
      assertEquals(302, r.status(), route + ": " + r.body());
      assertEquals("/admin/login", r.header("Location"));
    } else {
      assertEquals(401, r.status(), route + ": " + r.body());
      assertEquals("Sign in as a trainer (at /admin/login) or send 'Authorization: Bearer <token>'.",
          r.json().getAsJsonObject().get("error").getAsString());
      assertEquals("Bearer realm=\"guidance-admin\"", r.header("WWW-Authenticate"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protectedRoutes")
  void a_wrong_api_token_is_refused(AdminRoutes.Route route) throws Exception {
    if (route.isPage()) {
      return; // pages take the session cookie only
    }
    TestApp.Response r = app.as(TestApp.Trainer.token("gt_not-a-token"), route.method().name(), concrete(route.path()),
        HttpRequest.BodyPublishers.ofString("{}"), "application/json");
    assertEquals(401, r.status(), route + ": " + r.body());
    assertEquals("The API token is not valid or has been revoked.",
        r.json().getAsJsonObject().get("error").getAsString());
    assertEquals("Bearer realm=\"guidance-admin\", error=\"invalid_token\"", r.header("WWW-Authenticate"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stateChangingApiRoutes")
  void a_signed_in_change_without_the_csrf_token_is_refused(AdminRoutes.Route route) throws Exception {
    TestApp.Trainer noCsrf = new TestApp.Trainer(alice.cookie(), null, null);
    TestApp.Response r = app.as(noCsrf, route.method().name(), concrete(route.path()),
        HttpRequest.BodyPublishers.ofString("{}"), "application/json");
    assertEquals(403, r.status(), route + ": " + r.body());
    assertEquals(
        "Missing or wrong CSRF token: send the 'X-CSRF-Token' header with the token from GET /api/admin/session.",
        r.json().getAsJsonObject().get("error").getAsString());
    TestApp.Trainer wrong = new TestApp.Trainer(alice.cookie(), "f".repeat(64), null);
    assertEquals(403, app.as(wrong, route.method().name(), concrete(route.path()),
        HttpRequest.BodyPublishers.ofString("{}"), "application/json").status());
  }

  static Stream<AdminRoutes.Route> apiReads() {
    return AdminRoutes.ROUTES.stream().filter(r -> !r.isPage() && r.method().equals(HandlerType.GET));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("apiReads")
  void no_trainers_api_response_may_be_stored_by_a_cache(AdminRoutes.Route route) throws Exception {
    TestApp.Response signedIn = app.as(alice, "GET", concrete(route.path()), null, null);
    assertEquals("no-store", signedIn.header("Cache-Control"), route + ": " + signedIn.status());
    TestApp.Response refused = app.as(null, "GET", concrete(route.path()), null, null);
    assertEquals(401, refused.status());
    assertEquals("no-store", refused.header("Cache-Control"), route + " refused");
  }

  @Test
  void the_token_and_document_lists_are_not_stored_by_a_cache() throws Exception {
    TestApp.Response tokens = app.as(alice, "GET", "/api/admin/tokens", null, null);
    assertEquals(200, tokens.status());
    assertEquals("no-store", tokens.header("Cache-Control"));
    TestApp.Response documents = app.as(alice, "GET", "/api/admin/documents", null, null);
    assertEquals(200, documents.status());
    assertEquals("no-store", documents.header("Cache-Control"));
  }

  @Test
  void sign_out_needs_the_csrf_token_of_the_session() throws Exception {
    TestApp.Trainer bob = app.signIn("bob", PASSWORD);
    TestApp.Response refused = app.send(HttpRequest.newBuilder(URI.create(app.base() + "/admin/logout"))
        .header("Cookie", bob.cookie()).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("csrf=nope")).build());
    assertEquals(403, refused.status());
    TestApp.Response out = app.send(HttpRequest.newBuilder(URI.create(app.base() + "/admin/logout"))
        .header("Cookie", bob.cookie()).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("csrf=" + bob.csrf())).build());
    assertEquals(303, out.status());
    assertEquals("/admin/login", out.header("Location"));
    assertEquals(401, app.as(bob, "GET", "/api/admin/documents", null, null).status(), "the session has ended");
  }

  @Test
  void signing_in_sets_an_http_only_strict_session_cookie_not_secure_on_an_untrusted_clients_word() throws Exception {
    TestApp.Response form = app.get("/admin/login");
    assertEquals(200, form.status());
    String loginCookie = TestApp.setCookie(form, "guidance_login");
    assertEquals("; Path=/; HttpOnly; SameSite=Strict", loginCookie.substring(loginCookie.indexOf(';')));
    String csrf = TestApp.cookieValue(form, "guidance_login");
    assertTrue(form.body().contains("name=\"csrf\" value=\"" + csrf + "\""));

    TestApp.Response ok = app.send(HttpRequest.newBuilder(URI.create(app.base() + "/admin/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "guidance_login=" + csrf)
        .header("X-Forwarded-Proto", "https")
        .POST(HttpRequest.BodyPublishers.ofString("name=alice&password=" + TestApp.enc(PASSWORD) + "&csrf=" + csrf))
        .build());
    assertEquals(303, ok.status());
    assertEquals("/admin", ok.header("Location"));
    String session = TestApp.setCookie(ok, "guidance_session");
    // X-Forwarded-Proto from a peer that is not a trusted proxy is ignored (TrustedProxiesTest has the trusted case).
    assertTrue(session.matches("guidance_session=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Strict"), session);

    TestApp.Response page = app.send(HttpRequest.newBuilder(URI.create(app.base() + "/admin"))
        .header("Cookie", session.substring(0, session.indexOf(';'))).GET().build());
    assertEquals(200, page.status());
    assertTrue(page.body().contains("<script src=\"/admin/admin.js\" defer></script>"));
  }

  @Test
  void a_login_without_the_form_token_is_refused() throws Exception {
    TestApp.Response r = app.send(HttpRequest.newBuilder(URI.create(app.base() + "/admin/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("name=alice&password=" + TestApp.enc(PASSWORD))).build());
    assertEquals(403, r.status());
    assertTrue(r.body().contains("The form had expired. Please sign in again."));
    assertNull(TestApp.cookieValue(r, "guidance_session"));
  }

  @Test
  void a_login_with_an_empty_form_token_and_an_empty_login_cookie_is_refused() throws Exception {
    TestApp.Response r = app.send(HttpRequest.newBuilder(URI.create(app.base() + "/admin/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "guidance_login=")
        .POST(HttpRequest.BodyPublishers.ofString("name=mallory&password=guess&csrf=")).build());
    assertEquals(403, r.status(), "an empty token matches nothing, not another empty token");
    assertTrue(r.body().contains("The form had expired. Please sign in again."));
    assertNull(TestApp.cookieValue(r, "guidance_session"));
  }

  @Test
  void five_failed_logins_lock_the_account_for_fifteen_minutes(@TempDir Path otherData) throws Exception {
    // A server of its own: the lock also holds this test's address, which the other tests share.
    try (TestApp other = new TestApp(TestApp.sparse(corpus, otherData))) {
      other.app().accounts().setPassword("carol", PASSWORD.toCharArray());
      for (int i = 0; i < 5; i++) {
        TestApp.Response bad = login(other, "carol", "wrong password " + i);
        assertEquals(401, bad.status());
        assertTrue(bad.body().contains("That name and password do not match a trainer account."));
        assertNull(TestApp.cookieValue(bad, "guidance_session"));
      }
      TestApp.Response locked = login(other, "carol", PASSWORD);
      assertEquals(429, locked.status());
      assertTrue(locked.body().contains("Too many failed attempts. Try again in 15 minutes."), locked.body());
      assertNotNull(locked.header("Retry-After"));
      assertNull(TestApp.cookieValue(locked, "guidance_session"));
    }
  }

  private static TestApp.Response login(TestApp app, String name, String password) throws Exception {
    TestApp.Response form = app.get("/admin/login");
    String csrf = TestApp.cookieValue(form, "guidance_login");
    return app.send(HttpRequest.newBuilder(URI.create(app.base() + "/admin/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "guidance_login=" + csrf)
        .POST(HttpRequest.BodyPublishers
            .ofString("name=" + name + "&password=" + TestApp.enc(password) + "&csrf=" + csrf))
        .build());
  }

  @Test
  void an_api_token_works_without_csrf_until_it_is_revoked() throws Exception {
    TestApp.Response created = app.asJson(alice, "POST", "/api/admin/tokens", "{\"name\": \"sync script\"}");
    assertEquals(201, created.status(), created.body());
    JsonObject t = created.json().getAsJsonObject();
    String token = t.get("token").getAsString();
    assertTrue(token.matches("gt_[0-9a-f]{64}"), token);
    TestApp.Trainer tool = TestApp.Trainer.token(token);

    TestApp.Response list = app.as(tool, "GET", "/api/admin/documents", null, null);
    assertEquals(200, list.status());
    assertEquals(2, list.json().getAsJsonObject().get("total").getAsInt());
    TestApp.Response reindex = app.as(tool, "POST", "/api/admin/reindex", null, null);
    assertEquals(202, reindex.status(), "no CSRF token needed with a bearer token");
    JsonObject session = app.as(tool, "GET", "/api/admin/session", null, null).json().getAsJsonObject();
    assertEquals("alice", session.get("trainer").getAsString());
    assertFalse(session.has("csrfToken"), "a token needs no CSRF token");

    TestApp.Response revoked = app.as(alice, "DELETE", "/api/admin/tokens/" + t.get("id").getAsString(), null, null);
    assertEquals(200, revoked.status(), revoked.body());
    assertEquals(401, app.as(tool, "GET", "/api/admin/documents", null, null).status());
    assertEquals(404, app.as(alice, "DELETE", "/api/admin/tokens/" + t.get("id").getAsString(), null, null).status());
    String tokens = app.as(alice, "GET", "/api/admin/tokens", null, null).body();
    assertFalse(tokens.contains(token), "the secret is never listed");
  }

  @Test
  void an_authorization_header_of_another_scheme_leaves_the_session_cookie_in_charge() throws Exception {
    String basic = "Basic Zm9vOmJhcg==";
    TestApp.Response session = app.send(HttpRequest.newBuilder(URI.create(app.base() + "/api/admin/session"))
        .header("Authorization", basic).header("Cookie", alice.cookie()).GET().build());
    assertEquals(200, session.status(), session.body());
    assertEquals("alice", session.json().getAsJsonObject().get("trainer").getAsString());
    assertEquals(alice.csrf(), session.json().getAsJsonObject().get("csrfToken").getAsString());

    TestApp.Response noCsrf = app.send(HttpRequest.newBuilder(URI.create(app.base() + "/api/admin/reindex"))
        .header("Authorization", basic).header("Cookie", alice.cookie()).POST(HttpRequest.BodyPublishers.noBody())
        .build());
    assertEquals(403, noCsrf.status(), "a Basic header is no bearer token: the cookie still needs its CSRF token");
    TestApp.Response alone = app.send(HttpRequest.newBuilder(URI.create(app.base() + "/api/admin/session"))
        .header("Authorization", basic).GET().build());
    assertEquals(401, alone.status());
    assertEquals("Sign in as a trainer (at /admin/login) or send 'Authorization: Bearer <token>'.",
        alone.json().getAsJsonObject().get("error").getAsString());
    TestApp.Response emptyBearer = app.send(HttpRequest.newBuilder(URI.create(app.base() + "/api/admin/session"))
        .header("Authorization", "bearer").header("Cookie", alice.cookie()).GET().build());
    assertEquals(401, emptyBearer.status(), "a bearer header without a token is a failed token attempt");
    assertEquals("The API token is not valid or has been revoked.",
        emptyBearer.json().getAsJsonObject().get("error").getAsString());
  }

  @Test
  void admin_files_need_a_session_except_the_style_sheet() throws Exception {
    assertEquals(302, app.get("/admin/admin.js").status());
    assertEquals(200, app.get("/admin/admin.css").status());
    assertEquals(404, app.as(alice, "GET", "/admin/index.html", null, null).status());
    TestApp.Response js = app.as(alice, "GET", "/admin/admin.js", null, null);
    assertEquals(200, js.status());
    assertFalse(js.body().contains("innerHTML"), "untrusted text never goes in as HTML");
  }

  @Test
  void every_admin_response_carries_the_strict_content_security_policy() throws Exception {
    assertEquals(WebServer.CSP, app.get("/admin/login").header("Content-Security-Policy"));
    assertEquals(WebServer.CSP, app.as(alice, "GET", "/admin", null, null).header("Content-Security-Policy"));
  }
}
