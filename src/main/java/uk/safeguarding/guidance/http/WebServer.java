package uk.safeguarding.guidance.http;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.json.JavalinGson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.guidance.curate.Rejected;
import uk.safeguarding.guidance.index.LibraryHolder;
import uk.safeguarding.guidance.ops.Disconnects;
import uk.safeguarding.guidance.solr.SolrNodes;

/** Wires routes, the page's files, errors and security headers into one Javalin server. */
public final class WebServer {

  /** The largest JSON body read whole (an ask, a rating, a trainer's edit): a question is at most 1,000 characters. */
  static final long MAX_JSON_BODY_BYTES = 1_000_000L;
  private static final int TOO_LARGE = 413;
  /**
   * A request body arriving slower than this, on average since the request began, is cut off (408). A
   * request thread waits on its body, so bodies trickled a byte every few seconds held every thread: an
   * outsider's probe stalled every route with 250 of them. A question is a few hundred bytes, and the slowest
   * mobile link sends kilobytes a second; at this rate a 20 MB upload may still take most of a day.
   */
  static final long MIN_REQUEST_BYTES_PER_SECOND = 256;
  /** Javalin's own 413 says only "Content Too Large": this one names what to change. */
  private static final ApiError BODY_TOO_LARGE = new ApiError(
      "The request body must be at most " + MAX_JSON_BODY_BYTES / 1_000 + " kB.", "body", null);

  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

  /** What a caller is told while the search engine is away; the details go to the log only. */
  static final String SEARCH_ENGINE_DOWN = "Search is unavailable for a moment; try again in a few seconds.";
  /** One Gson for the whole server; immutable and thread-safe. HTML-escaping stays on. */
  static final Gson GSON = new GsonBuilder().create();
  /**
   * Every 503's Retry-After (an index still building, the search engine away, no turn for a busy
   * server): a few seconds, the length of a short outage or of the queue behind a short overload.
   */
  static final String RETRY_AFTER_SECONDS = "5";

  static final String CSP = SecurityHeaders.CSP;
  /** MiB of finished search responses kept unless told otherwise. */
  public static final int DEFAULT_SEARCH_CACHE_MB = SearchCache.DEFAULT_MB;

  private WebServer() {}

  public static Javalin create(Services services, int rateLimitPerMinute) {
    return create(services, rateLimitPerMinute, TrustedProxies.NONE);
  }

  public static Javalin create(Services services, int rateLimitPerMinute, TrustedProxies proxies) {
    return create(services, RateLimiter.local(rateLimitPerMinute, java.time.Clock.systemUTC()), proxies);
  }

  /** As below, with the search response cache at its default size, {@value SearchCache#DEFAULT_MB} MiB. */
  public static Javalin create(Services services, RateLimiter limiter, TrustedProxies proxies) {
    return create(services, limiter, proxies, SearchCache.DEFAULT_MB);
  }

  /**
   * A server whose API requests are counted by {@code limiter} (this process's own, or shared by
   * replicas), keeping up to {@code searchCacheMb} MiB of finished search responses (0: none).
   */
  public static Javalin create(Services services, RateLimiter limiter, TrustedProxies proxies, int searchCacheMb) {
    SearchCache cache = new SearchCache(SearchCache.megabytes(searchCacheMb), services.library()::currentHash,
        services.ask()::searchModels);
    WorkGate gate = WorkGate.forEngine(services.search().engine().name(), services.search().embedsQueries());
    LibraryController library = new LibraryController(services, cache, gate);
    Metrics metrics = new Metrics(services.library(), services.reindexer());
    metrics.searchCache(cache);
    AskController ask = new AskController(services, metrics, gate);
    PageFiles pages = PageFiles.fromClassPath();
    BodySlots bodies = new BodySlots(BodySlots.PER_CLIENT);
    String documentPage = pages.text("document.html");
    return Javalin.create(config -> {
      config.jsonMapper(new JavalinGson(GSON, false));
      // Applies to bodies read whole (JSON); uploads are multipart, limited below and per file by the curator.
      config.http.maxRequestSize = MAX_JSON_BODY_BYTES;
      if (services.admin() != null) {
        long uploadLimit = services.admin().curator().maxUploadBytes() + AdminController.MULTIPART_MARGIN;
        config.jetty.multipartConfig.maxFileSize(uploadLimit, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(uploadLimit + AdminController.MULTIPART_MARGIN,
            SizeUnit.BYTES);
        config.jetty.modifyServletContextHandler(h -> h.setMaxFormContentSize(AdminController.FORM_FIELDS_BYTES));
      }
      config.startup.showJavalinBanner = false;
      // A known path asked with a method it does not take (POST /api/search) is 405 with an Allow header, not 404.
      config.http.prefer405over404 = true;
      // Jetty's own errors (unparseable request lines, headers, escapes) answer JSON with the security headers.
      config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
      config.jetty.modifyHttpConfiguration(http -> http.setMinRequestDataRate(MIN_REQUEST_BYTES_PER_SECOND));
      config.routes.before(metrics::started);
      config.routes.after(metrics::finished);
      config.routes.before(ctx -> securityHeaders(ctx));
      config.routes.before(proxies::identify);
      config.routes.before(WebServer::noMethodOverride);
      config.routes.before(WebServer::refuseDeclaredTooLarge);
      config.routes.before(bodies::take);
      config.routes.after(bodies::giveBack);
      config.routes.before("/api/*", ctx -> rateLimit(ctx, limiter));
      pages.install(config);
      config.routes.get("/health", library::health);
      config.routes.get("/metrics", metrics::scrape);
      config.routes.get("/api/search", library::search);
      config.routes.get("/api/documents", library::documents);
      config.routes.get("/api/documents/{id}", library::document);
      config.routes.post("/api/ask", ask::ask);
      config.routes.post("/api/feedback", ask::feedback);
      config.routes.get("/documents/{id}", ctx -> library.documentPage(ctx, documentPage));
      if (services.admin() != null) {
        AdminRoutes.install(config, services, pages.text("admin/login.html"), pages.text("admin/index.html"));
      }

      config.routes.exception(BadRequest.class, (e, ctx) -> ctx.status(e.status()).json(e.toError()));
      config.routes.exception(Rejected.class, (e, ctx) -> ctx.status(status(e.kind()))
          .json(new AdminDto.Problem(e.getMessage(), e.parameter(), e.value(), e.currentVersion())));
      config.routes.exception(LibraryHolder.NotReadyException.class,
          (e, ctx) -> ctx.status(503).header("Retry-After", RETRY_AFTER_SECONDS).json(ApiError.of(e.getMessage())));
      // The search engine (SolrCloud) could not be reached or refused: a moment's outage, not a bug here.
      config.routes.exception(SolrNodes.SolrException.class, (e, ctx) -> {
        LOG.warn("Search engine error on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
        ctx.status(503).header("Retry-After", RETRY_AFTER_SECONDS).json(ApiError.of(SEARCH_ENGINE_DOWN));
      });
      config.routes.exception(WorkGate.Busy.class, (e, ctx) -> ctx.status(503)
          .header("Retry-After", RETRY_AFTER_SECONDS).json(ApiError.of(e.getMessage())));
      config.routes.exception(MethodNotAllowedResponse.class, WebServer::methodNotAllowed);
      config.routes.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus())
          .json(e.getStatus() == TOO_LARGE && !ctx.isMultipart() ? BODY_TOO_LARGE : ApiError.of(e.getMessage())));
      config.routes.exception(Exception.class, (e, ctx) -> {
        java.util.Optional<BadRequest> fault = ClientFaults.of(e);
        if (Disconnects.isClientGone(e) && (fault.isEmpty() || ctx.res().isCommitted())) {
          // The client left (mid-answer, or mid-request with no 400 to give): nobody to tell, nothing wrong here.
          LOG.debug("Client went away during {} {}: {}", ctx.method(), ctx.path(), e.toString());
          return;
        }
        if (fault.isPresent()) {
          LOG.debug("Malformed request {} {}: {}", ctx.method(), ctx.path(), e.toString());
          ctx.status(fault.get().status()).json(fault.get().toError());
          return;
        }
        LOG.error("Unexpected error on " + ctx.method() + " " + ctx.path(), e);
        ctx.status(500).json(ApiError.of("Something went wrong on the server; it has been logged."));
      });
      config.routes.error(404, ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty()) {
          ctx.json(ApiError.of("Nothing at " + ctx.method() + " " + ctx.path() + "."));
        }
      });
    });
  }

  private static int status(Rejected.Kind kind) {
    return switch (kind) {
      case BAD_INPUT -> 400;
      case TOO_LARGE -> 413;
      case DUPLICATE, CONFLICT -> 409;
      case NOT_FOUND -> 404;
    };
  }

  /**
   * 405 in the API's shape. Javalin lists the path's methods, comma-separated, as the exception's one
   * detail (under a key that depends on whether the caller accepts HTML); they become the
   * {@code Allow} header, with HEAD beside GET since Javalin answers HEAD for every GET route.
   */
  private static void methodNotAllowed(MethodNotAllowedResponse e, Context ctx) {
    List<String> methods = e.getDetails().values().stream().flatMap(v -> Arrays.stream(v.split(",")))
        .map(String::strip).filter(m -> !m.isEmpty()).collect(Collectors.toCollection(ArrayList::new));
    if (methods.contains("GET") && !methods.contains("HEAD")) {
      methods.add(methods.indexOf("GET") + 1, "HEAD");
    }
    String allowed = String.join(", ", methods);
    if (!allowed.isEmpty()) {
      ctx.header("Allow", allowed);
    }
    ctx.status(405).json(ApiError.of("Method " + ctx.method() + " is not allowed on " + ctx.path()
        + (allowed.isEmpty() ? "." : "; it takes " + allowed + ".")));
  }

  private static void securityHeaders(Context ctx) {
    SecurityHeaders.ALL.forEach(ctx::header);
  }

  private static void rateLimit(Context ctx, RateLimiter limiter) {
    long wait = limiter.retryAfter(TrustedProxies.client(ctx));
    if (wait > 0) {
      ctx.header("Retry-After", Long.toString(wait));
      throw new HttpResponseException(429, "Too many requests from this address; try again in " + wait + " seconds.");
    }
  }

  /**
   * Headers some frameworks read as the request's real method. Javalin reads the first: "POST /api/search"
   * with it set to GET was answered as a search, where the README promises a 405.
   */
  static final java.util.List<String> METHOD_OVERRIDES = java.util.List.of("X-HTTP-Method-Override",
      "X-HTTP-Method", "X-Method-Override");

  /** A request names its method in its request line only: one carrying a method-override header is a 400. */
  private static void noMethodOverride(io.javalin.http.Context ctx) {
    for (String header : METHOD_OVERRIDES) {
      if (ctx.header(header) != null) {
        throw new BadRequest(header, ctx.header(header), "The header '" + header + "' is not accepted: send the "
            + "request with the method it means.");
      }
    }
  }

  /**
   * A JSON body whose declared length is over {@link #MAX_JSON_BODY_BYTES} is a 413 before a byte of it is
   * read: the server had waited for a body announced as 99,999,999,999,999 bytes, and answered
   * "100 Continue" to an over-size one. Uploads (multipart) are checked against their own limit where they
   * are read.
   */
  private static void refuseDeclaredTooLarge(io.javalin.http.Context ctx) {
    if (!ctx.isMultipart() && ctx.req().getContentLengthLong() > MAX_JSON_BODY_BYTES) {
      throw new io.javalin.http.ContentTooLargeResponse();
    }
  }
}
