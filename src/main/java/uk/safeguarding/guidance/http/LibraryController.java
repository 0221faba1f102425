package uk.safeguarding.guidance.http;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Set;
import uk.safeguarding.guidance.corpus.SourceDocument;
import uk.safeguarding.guidance.index.Catalog;
import uk.safeguarding.guidance.index.Library;
import uk.safeguarding.guidance.index.LibraryHolder;
import uk.safeguarding.guidance.index.Reindexer;
import uk.safeguarding.guidance.search.Filters;
import uk.safeguarding.guidance.search.SearchBackend;
import uk.safeguarding.guidance.search.SearchRequest;
import uk.safeguarding.guidance.search.SearchResults;
import uk.safeguarding.guidance.search.SearchService;

/** Health, search and documents: the read-only public API. */
final class LibraryController {

  private final LibraryHolder holder;
  private final Reindexer reindexer;
  private final SearchService search;
  private final uk.safeguarding.guidance.screen.ScreenService screen;

  LibraryController(Services services) {
    this.holder = services.library();
    this.reindexer = services.reindexer();
    this.search = services.search();
    this.screen = services.screen();
  }

  void health(Context ctx) {
    Reindexer.Status status = reindexer.status();
    SearchBackend.Engine e = search.engine();
    Dto.SearchEngine engine = new Dto.SearchEngine(e.name(), e.state(), e.detail());
    if (!holder.isReady()) {
      ctx.status(503).json(new Dto.Health(status.state(), status.message(), 0, 0, 0, "", java.util.List.of(),
          screenState(), screen.skipped(), engine));
      return;
    }
    try (LibraryHolder.Lease lease = holder.acquire()) {
      Library lib = lease.library();
      // A replica whose search engine is away cannot answer: a load balancer should stop sending to it.
      ctx.status("ready".equals(e.state()) ? 200 : 503).json(new Dto.Health(status.state(), status.message(),
          lib.documents().size(), lib.passageCount(), lib.analysis().synonymRules(), lib.analysis().synonymsProblem(),
          lib.corpus().skipped().stream().map(s -> new Dto.Skipped(s.file(), s.reason())).toList(),
          screenState(), screen.skipped(), engine));
    }
  }

  private String screenState() {
    return screen.isReady() ? "ready" : "training";
  }

  static final Set<String> SEARCH_PARAMETERS =
      Set.of("q", "limit", "offset", "type", "organisation", "theme", "year", "facets", "group");

  void search(Context ctx) {
    Params.onlyKnown(ctx, SEARCH_PARAMETERS);
    String q = Params.requiredText(ctx, "q", SearchRequest.MAX_QUERY_CHARS);
    int limit = Params.integer(ctx, "limit", 10, 1, SearchRequest.MAX_LIMIT);
    int offset = Params.integer(ctx, "offset", 0, 0, SearchRequest.MAX_OFFSET);
    Filters filters = filters(ctx);
    boolean facets = Params.oneOf(ctx, "facets", "all", Set.of("all", "none")).equals("all");
    SearchRequest.Group group = Params.oneOf(ctx, "group", "passage", Set.of("passage", "document")).equals("document")
        ? SearchRequest.Group.DOCUMENT : SearchRequest.Group.PASSAGE;
    SearchResults results = search.search(new SearchRequest(q, limit, offset, filters, facets, group));
    ctx.json(new Dto.SearchResponse(results.query(), results.total(), limit, offset,
        results.hits().stream().map(Dto.SearchResult::of).toList(), results.facets()));
  }

  /** Filters from the query string, each value checked against the library's metadata. */
  Filters filters(Context ctx) {
    return filters(holder, name -> ctx.queryParams(name));
  }

  /** Filters from named value lists, each value checked against the library's metadata. */
  static Filters filters(LibraryHolder holder, java.util.function.Function<String, java.util.List<String>> values) {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      // Worked out once per index generation: a request with no filter costs nothing here.
      Catalog known = lease.library().catalog();
      return new Filters(Params.filter("type", values.apply("type"), known.types()),
          Params.filter("organisation", values.apply("organisation"), known.organisations()),
          Params.filter("theme", values.apply("theme"), known.themes()),
          Params.filter("year", values.apply("year"), known.years()));
    }
  }

  void documents(Context ctx) {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      Library lib = lease.library();
      var docs = lib.documents().values().stream()
          .map(d -> Dto.DocumentSummary.of(d.metadata(), lib.passages(d.id()).size())).toList();
      ctx.json(new Dto.DocumentList(docs.size(), docs));
    }
  }

  /** The readable document view; the page itself fetches the passages. 404 for an unknown id. */
  void documentPage(Context ctx, String page) {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      ctx.status(lease.library().documents().containsKey(ctx.pathParam("id")) ? 200 : 404).html(page);
    }
  }

  void document(Context ctx) {
    String id = ctx.pathParam("id");
    try (LibraryHolder.Lease lease = holder.acquire()) {
      Library lib = lease.library();
      SourceDocument doc = lib.documents().get(id);
      if (doc == null) {
        throw new NotFoundResponse("No document with id '" + id + "'.");
      }
      ctx.json(Dto.DocumentDetail.of(doc, lib.passages(id)));
    }
  }
}
