package uk.safeguarding.guidance.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import uk.safeguarding.guidance.auth.Sessions;

/**
 * Who is calling the trainers' routes. An API token (Authorization: Bearer …) or a session cookie
 * identifies a trainer; a cookie-authenticated request that changes anything must also carry the
 * session's CSRF token. An Authorization header of another scheme (Basic …) is ignored, so it
 * neither signs anyone in nor hides the session cookie. Unauthenticated API calls get 401 JSON;
 * pages redirect to the login page. Thread-safe.
 */
final class AuthGuard {

  static final String SESSION_COOKIE = "guidance_session";
  static final String LOGIN_COOKIE = "guidance_login";
  static final String CSRF_HEADER = "X-CSRF-Token";
  /** The one Authorization scheme that carries an API token; other schemes are ignored. */
  static final String BEARER_SCHEME = "Bearer";
  static final String TRAINER = "trainer";
  static final String SESSION = "session";
  /** Pages under /admin anyone may load: the login form and its style sheet. */
  static final Set<String> PUBLIC_PAGES = Set.of("/admin/login", "/admin/admin.css");
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  /** The challenge of a 401 from the trainers' API. */
  private static final String BEARER = "Bearer realm=\"guidance-admin\"";

  private final AdminServices admin;

  AuthGuard(AdminServices admin) {
    this.admin = admin;
  }

  /** Before every /api/admin/* request. */
  void api(Context ctx) {
    Optional<String> bearer = bearerToken(ctx.header("Authorization"));
    if (bearer.isPresent()) {
      String token = bearer.get();
      String trainer = admin.accounts().tokenOwner(token).orElseThrow(() -> unauthorised(ctx,
          BEARER + ", error=\"invalid_token\"", "The API token is not valid or has been revoked."));
      ctx.attribute(TRAINER, trainer);
      return; // a bearer token is not sent by browsers on their own, so it needs no CSRF token
    }
    Sessions.Session session = session(ctx).orElseThrow(() -> unauthorised(ctx, BEARER,
        "Sign in as a trainer (at /admin/login) or send 'Authorization: Bearer <token>'."));
    if (!SAFE_METHODS.contains(ctx.method().name()) && !sameToken(session.csrf(), ctx.header(CSRF_HEADER))) {
      throw new HttpResponseException(403, "Missing or wrong CSRF token: send the '" + CSRF_HEADER
          + "' header with the token from GET /api/admin/session.");
    }
    ctx.attribute(TRAINER, session.trainer());
    ctx.attribute(SESSION, session);
  }

  /**
   * The token of an {@code Authorization: Bearer …} header ("" when the scheme has no token), or
   * empty for no header or another scheme: credentials a browser or a proxy in front adds on its own
   * (Basic, Negotiate) are not a token attempt and leave the session cookie in charge.
   */
  static Optional<String> bearerToken(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    String[] schemeAndToken = authorization.strip().split("\\s+", 2);
    if (!schemeAndToken[0].equalsIgnoreCase(BEARER_SCHEME)) {
      return Optional.empty();
    }
    return Optional.of(schemeAndToken.length < 2 ? "" : schemeAndToken[1].strip());
  }

  /** Before every /admin page: the login page is public, the rest need a session. */
  void page(Context ctx) {
    String path = ctx.path();
    if (path.endsWith(".html")) {
      throw new HttpResponseException(404, "Nothing at " + path + ".");
    }
    if (PUBLIC_PAGES.contains(path)) {
      return;
    }
    Optional<Sessions.Session> session = session(ctx);
    if (session.isEmpty()) {
      ctx.redirect("/admin/login", io.javalin.http.HttpStatus.FOUND);
      ctx.skipRemainingHandlers();
      return;
    }
    if (!SAFE_METHODS.contains(ctx.method().name()) && !sameToken(session.get().csrf(), ctx.formParam("csrf"))) {
      throw new HttpResponseException(403, "Missing or wrong CSRF token; reload the page and try again.");
    }
    ctx.attribute(TRAINER, session.get().trainer());
    ctx.attribute(SESSION, session.get());
  }

  /** A 401 naming the scheme it wants (RFC 6750); the header stays on the response the error handler writes. */
  private static HttpResponseException unauthorised(Context ctx, String challenge, String message) {
    ctx.header("WWW-Authenticate", challenge);
    return new HttpResponseException(401, message);
  }

  Optional<Sessions.Session> session(Context ctx) {
    return admin.sessions().find(ctx.cookie(SESSION_COOKIE));
  }

  static String trainer(Context ctx) {
    String t = ctx.attribute(TRAINER);
    if (t == null) {
      throw new HttpResponseException(401, "Sign in as a trainer first.");
    }
    return t;
  }

  /**
   * Constant-time comparison, so the token cannot be guessed a character at a time. A missing or
   * empty token never matches: an empty cookie and an empty form field are no proof of anything.
   */
  static boolean sameToken(String expected, String given) {
    if (expected == null || expected.isBlank() || given == null) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        given.strip().getBytes(StandardCharsets.UTF_8));
  }

  /** Over TLS, directly or behind a trusted proxy that says so; or when told always. */
  boolean secure(Context ctx) {
    return admin.secureCookies() || TrustedProxies.https(ctx);
  }

  /** Sets a session-scoped cookie: HttpOnly, SameSite=Strict, Path=/, Secure over TLS. */
  void setCookie(Context ctx, String name, String value, boolean expire) {
    ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict"
        + (secure(ctx) ? "; Secure" : "") + (expire ? "; Max-Age=0" : ""));
  }
}
