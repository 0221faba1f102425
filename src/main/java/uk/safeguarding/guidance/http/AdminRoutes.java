package uk.safeguarding.guidance.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.function.Function;

/**
 * Every trainers' route in one table, so registration and the test that each refuses strangers
 * read the same list. Pages live under /admin, the API under /api/admin.
 */
final class AdminRoutes {

  static final String CACHE_CONTROL = "Cache-Control";
  /**
   * Every trainers' API response: accounts, tokens, drafts and the questions practitioners asked are
   * for the signed-in trainer alone, never to be kept by a shared proxy or the browser's cache.
   */
  static final String NO_STORE = "no-store";

  /** The controllers the routes call. */
  record Controllers(AuthController auth, AdminController docs, AdminLearningController learning) {}

  /** One route: method, path and which controller method handles it. */
  record Route(HandlerType method, String path, Function<Controllers, Handler> handler) {

    /** Whether anyone may call it: the login form alone. */
    boolean isPublic() {
      return path.equals("/admin/login");
    }

    boolean isPage() {
      return !path.startsWith("/api/");
    }
  }

  static final List<Route> ROUTES = List.of(
      new Route(HandlerType.GET, "/admin/login", c -> c.auth()::loginPage),
      new Route(HandlerType.POST, "/admin/login", c -> c.auth()::login),
      new Route(HandlerType.POST, "/admin/logout", c -> c.auth()::logout),
      new Route(HandlerType.GET, "/admin", c -> c.auth()::dashboard),
      new Route(HandlerType.GET, "/api/admin/session", c -> c.auth()::session),
      new Route(HandlerType.GET, "/api/admin/tokens", c -> c.auth()::tokens),
      new Route(HandlerType.POST, "/api/admin/tokens", c -> c.auth()::createToken),
      new Route(HandlerType.DELETE, "/api/admin/tokens/{tokenId}", c -> c.auth()::revokeToken),
      new Route(HandlerType.GET, "/api/admin/documents", c -> c.docs()::documents),
      new Route(HandlerType.POST, "/api/admin/documents", c -> c.docs()::upload),
      new Route(HandlerType.GET, "/api/admin/documents/{id}", c -> c.docs()::document),
      new Route(HandlerType.PUT, "/api/admin/documents/{id}", c -> c.docs()::edit),
      new Route(HandlerType.DELETE, "/api/admin/documents/{id}", c -> c.docs()::delete),
      new Route(HandlerType.PUT, "/api/admin/documents/{id}/file", c -> c.docs()::replace),
      new Route(HandlerType.POST, "/api/admin/preview", c -> c.docs()::preview),
      new Route(HandlerType.GET, "/api/admin/synonyms", c -> c.docs()::synonyms),
      new Route(HandlerType.PUT, "/api/admin/synonyms", c -> c.docs()::saveSynonyms),
      new Route(HandlerType.GET, "/api/admin/glossary", c -> c.docs()::glossary),
      new Route(HandlerType.PUT, "/api/admin/glossary", c -> c.docs()::saveGlossary),
      new Route(HandlerType.GET, "/api/admin/urgency-examples", c -> ctx -> c.docs().textFile(ctx, "urgency-examples")),
      new Route(HandlerType.PUT, "/api/admin/urgency-examples", c -> ctx -> c.docs().saveText(ctx, "urgency-examples")),
      new Route(HandlerType.GET, "/api/admin/answer-examples", c -> ctx -> c.docs().textFile(ctx, "answer-examples")),
      new Route(HandlerType.PUT, "/api/admin/answer-examples", c -> ctx -> c.docs().saveText(ctx, "answer-examples")),
      new Route(HandlerType.GET, "/api/admin/reindex", c -> c.docs()::reindexStatus),
      new Route(HandlerType.POST, "/api/admin/reindex", c -> c.docs()::reindex),
      new Route(HandlerType.GET, "/api/admin/unanswered", c -> c.learning()::unanswered),
      new Route(HandlerType.GET, "/api/admin/unanswered.csv", c -> c.learning()::unansweredCsv),
      new Route(HandlerType.GET, "/api/admin/feedback", c -> c.learning()::poorlyRated),
      new Route(HandlerType.GET, "/api/admin/feedback.csv", c -> c.learning()::poorlyRatedCsv),
      new Route(HandlerType.GET, "/api/admin/audit", c -> c.learning()::audit));

  private AdminRoutes() {}

  /** Guards and routes for the trainers' pages and API. */
  static void install(JavalinConfig config, Services services, String loginPage, String dashboardPage) {
    AuthGuard guard = new AuthGuard(services.admin());
    Controllers controllers = new Controllers(new AuthController(services.admin(), guard, loginPage, dashboardPage),
        new AdminController(services), new AdminLearningController(services.admin()));
    // One rule for the whole trainers' API, refusals included: none of it is for a browser's or a proxy's cache.
    config.routes.before("/api/admin/*", ctx -> ctx.header(CACHE_CONTROL, NO_STORE));
    config.routes.before("/api/admin/*", guard::api);
    // A query parameter a route does not read is refused, as on the public API ("?limit=-5" on a list that
    // takes none had been ignored). The audit log is the only admin list that takes one.
    config.routes.before("/api/admin/*", ctx -> {
      if (ctx.method() == HandlerType.GET) {
        Params.onlyKnown(ctx, ctx.path().equals("/api/admin/audit") ? java.util.Set.of("limit") : java.util.Set.of());
      }
    });
    config.routes.before("/admin", guard::page);
    config.routes.before("/admin/*", guard::page);
    for (Route r : ROUTES) {
      config.routes.addHttpHandler(r.method(), r.path(), r.handler().apply(controllers));
    }
  }
}
