package uk.safeguarding.guidance.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import uk.safeguarding.guidance.auth.Accounts;
import uk.safeguarding.guidance.auth.Passwords;
import uk.safeguarding.guidance.auth.Sessions;
import uk.safeguarding.guidance.ops.Html;

/** Signing trainers in and out, the dashboard page, and API tokens. */
final class AuthController {

  private final AdminServices admin;
  private final AuthGuard guard;
  private final String loginPage;
  private final String dashboardPage;

  AuthController(AdminServices admin, AuthGuard guard, String loginPage, String dashboardPage) {
    this.admin = admin;
    this.guard = guard;
    this.loginPage = loginPage;
    this.dashboardPage = dashboardPage;
  }

  /** The login form, with a fresh login CSRF token both in a cookie and in the form (double submit). */
  void loginPage(Context ctx) {
    if (guard.session(ctx).isPresent()) {
      ctx.redirect("/admin", HttpStatus.SEE_OTHER);
      return;
    }
    renderLogin(ctx, 200, "");
  }

  void login(Context ctx) {
    String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
    String password = ctx.formParam("password");
    if (!AuthGuard.sameToken(ctx.cookie(AuthGuard.LOGIN_COOKIE), ctx.formParam("csrf"))) {
      renderLogin(ctx, 403, "The form had expired. Please sign in again.");
      return;
    }
    long wait = admin.loginLimiter().retryAfter(TrustedProxies.client(ctx), name);
    if (wait > 0) {
      ctx.header("Retry-After", Long.toString(wait));
      renderLogin(ctx, 429, "Too many failed attempts. Try again in " + (wait + 59) / 60 + " minutes.");
      return;
    }
    if (password == null || !admin.accounts().verify(name, password.toCharArray())) {
      admin.loginLimiter().failed(TrustedProxies.client(ctx), name);
      renderLogin(ctx, 401, "That name and password do not match a trainer account.");
      return;
    }
    admin.loginLimiter().succeeded(TrustedProxies.client(ctx), name);
    Sessions.Session session = admin.sessions().create(name);
    guard.setCookie(ctx, AuthGuard.LOGIN_COOKIE, "", true);
    guard.setCookie(ctx, AuthGuard.SESSION_COOKIE, session.id(), false);
    admin.learning().audit(name, "login", name, "signed in from " + TrustedProxies.client(ctx));
    ctx.redirect("/admin", HttpStatus.SEE_OTHER);
  }

  void logout(Context ctx) {
    Sessions.Session session = ctx.attribute(AuthGuard.SESSION);
    if (session != null) {
      admin.sessions().end(session.id());
    }
    guard.setCookie(ctx, AuthGuard.SESSION_COOKIE, "", true);
    ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
  }

  void dashboard(Context ctx) {
    ctx.header("Cache-Control", "no-store").contentType(PageFiles.HTML).result(dashboardPage);
  }

  void session(Context ctx) {
    Sessions.Session session = ctx.attribute(AuthGuard.SESSION);
    ctx.json(new AdminDto.SessionView(AuthGuard.trainer(ctx),
        session == null ? null : session.csrf(), (int) (admin.curator().maxUploadBytes() >> 20)));
  }

  void tokens(Context ctx) {
    ctx.json(new AdminDto.TokenList(admin.accounts().tokens()));
  }

  void createToken(Context ctx) {
    String name = AdminController.jsonString(ctx, "name");
    try {
      Accounts.NewToken t = admin.accounts().createToken(AuthGuard.trainer(ctx), name);
      admin.learning().audit(AuthGuard.trainer(ctx), "token.create", t.id(), "'" + name.strip() + "'");
      ctx.status(201).json(new AdminDto.TokenCreated(t.id(), name.strip(), t.token()));
    } catch (IllegalArgumentException e) {
      throw new BadRequest("name", name, e.getMessage());
    }
  }

  void revokeToken(Context ctx) {
    String id = ctx.pathParam("tokenId");
    if (!admin.accounts().revoke(id)) {
      throw new HttpResponseException(404, "No live token with id '" + id + "'.");
    }
    admin.learning().audit(AuthGuard.trainer(ctx), "token.revoke", id, "");
    ctx.json(new AdminDto.Revoked(id, true));
  }

  private void renderLogin(Context ctx, int status, String message) {
    String token = Passwords.randomToken(32);
    guard.setCookie(ctx, AuthGuard.LOGIN_COOKIE, token, false);
    ctx.status(status).header("Cache-Control", "no-store")
        .contentType(PageFiles.HTML)
        .result(loginPage.replace("{{csrf}}", token).replace("{{message}}", Html.escape(message))
            .replace("{{messageHidden}}", message.isEmpty() ? "hidden" : ""));
  }
}
