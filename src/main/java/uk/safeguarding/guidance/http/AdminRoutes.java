package uk.safeguarding.guidance.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * Every trainers' route in one table, so registration and the test that each refuses strangers
 * read the same list. Pages live under /admin, the API under /api/admin.
 */
final class AdminRoutes {

  /** One route: method, path (with an example for path parameters) and handler. */
  record Route(HandlerType method, String path, Handler handler) {}

  private AdminRoutes() {}

  static List<Route> routes(Services services, AuthGuard guard, String loginPage, String dashboardPage) {
    AdminServices admin = services.admin();
    AuthController auth = new AuthController(admin, guard, loginPage, dashboardPage);
    AdminController docs = new AdminController(services);
    AdminLearningController learning = new AdminLearningController(admin);
    return List.of(
        new Route(HandlerType.GET, "/admin/login", auth::loginPage),
        new Route(HandlerType.POST, "/admin/login", auth::login),
        new Route(HandlerType.POST, "/admin/logout", auth::logout),
        new Route(HandlerType.GET, "/admin", auth::dashboard),
        new Route(HandlerType.GET, "/api/admin/session", auth::session),
        new Route(HandlerType.GET, "/api/admin/tokens", auth::tokens),
        new Route(HandlerType.POST, "/api/admin/tokens", auth::createToken),
        new Route(HandlerType.DELETE, "/api/admin/tokens/{tokenId}", auth::revokeToken),
        new Route(HandlerType.GET, "/api/admin/documents", docs::documents),
        new Route(HandlerType.POST, "/api/admin/documents", docs::upload),
        new Route(HandlerType.GET, "/api/admin/documents/{id}", docs::document),
        new Route(HandlerType.PUT, "/api/admin/documents/{id}", docs::edit),
        new Route(HandlerType.DELETE, "/api/admin/documents/{id}", docs::delete),
        new Route(HandlerType.PUT, "/api/admin/documents/{id}/file", docs::replace),
        new Route(HandlerType.POST, "/api/admin/preview", docs::preview),
        new Route(HandlerType.GET, "/api/admin/synonyms", docs::synonyms),
        new Route(HandlerType.PUT, "/api/admin/synonyms", docs::saveSynonyms),
        new Route(HandlerType.GET, "/api/admin/glossary", docs::glossary),
        new Route(HandlerType.PUT, "/api/admin/glossary", docs::saveGlossary),
        new Route(HandlerType.GET, "/api/admin/reindex", docs::reindexStatus),
        new Route(HandlerType.POST, "/api/admin/reindex", docs::reindex),
        new Route(HandlerType.GET, "/api/admin/unanswered", learning::unanswered),
        new Route(HandlerType.GET, "/api/admin/unanswered.csv", learning::unansweredCsv),
        new Route(HandlerType.GET, "/api/admin/feedback", learning::poorlyRated),
        new Route(HandlerType.GET, "/api/admin/feedback.csv", learning::poorlyRatedCsv),
        new Route(HandlerType.GET, "/api/admin/audit", learning::audit));
  }

  /** Guards and routes for the trainers' pages and API. */
  static void install(JavalinConfig config, Services services, String loginPage, String dashboardPage) {
    AuthGuard guard = new AuthGuard(services.admin());
    config.routes.before("/api/admin/*", guard::api);
    config.routes.before("/admin", guard::page);
    config.routes.before("/admin/*", guard::page);
    for (Route r : routes(services, guard, loginPage, dashboardPage)) {
      config.routes.addHttpHandler(r.method(), r.path(), r.handler());
    }
  }
}
