package uk.safeguarding.guidance.http;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Set;
import uk.safeguarding.guidance.index.Catalog;
import uk.safeguarding.guidance.index.LibraryViews;
import uk.safeguarding.guidance.index.Reindexer;
import uk.safeguarding.guidance.search.Filters;
import uk.safeguarding.guidance.search.SearchBackend;
import uk.safeguarding.guidance.search.SearchRequest;
import uk.safeguarding.guidance.search.SearchResults;
import uk.safeguarding.guidance.search.SearchService;

/** Health, search and documents: the read-only public API. */
final class LibraryController {

  private final LibraryViews views;
  private final Reindexer reindexer;
  private final SearchService search;
  private final uk.safeguarding.guidance.screen.ScreenService screen;
  private final uk.safeguarding.guidance.answer.AskService ask;
  private final SearchCache cache;
  private final WorkGate gate;

  LibraryController(Services services, SearchCache cache, WorkGate gate) {
    this.cache = cache;
    this.gate = gate;
    this.views = new LibraryViews(services.library());
    this.reindexer = services.reindexer();
    this.search = services.search();
    this.screen = services.screen();
    this.ask = services.ask();
  }

  void health(Context ctx) {
    Params.onlyKnown(ctx, Set.of());
    Reindexer.Status status = reindexer.status();
    SearchBackend.Engine e = search.engine();
    Dto.SearchEngine engine = new Dto.SearchEngine(e.name(), e.state(), e.detail());
    java.util.Optional<LibraryViews.Overview> serving = views.overview();
    if (serving.isEmpty()) {
      ctx.status(503).json(new Dto.Health(status.state(), status.message(), 0, 0, 0, "", java.util.List.of(),
          screenState(), ask.answerModels(), screen.skipped(), ask.trainerLinesSkipped(), engine));
      return;
    }
    LibraryViews.Overview lib = serving.get();
    // A replica whose search engine is away cannot answer: a load balancer should stop sending to it.
    ctx.status("ready".equals(e.state()) ? 200 : 503).json(new Dto.Health(status.state(), status.message(),
        lib.documents(), lib.passages(), lib.synonymRules(), lib.synonymsProblem(),
        lib.skipped().stream().map(s -> new Dto.Skipped(s.file(), s.reason())).toList(),
        screenState(), ask.answerModels(), screen.skipped(), ask.trainerLinesSkipped(), engine));
  }

  private String screenState() {
    return screen.isReady() ? "ready" : "training";
  }

  /** The filters, by the names the search's query string and the ask's {@code filters} object use. */
  static final Set<String> FILTERS = Params.REPEATABLE;
  static final Set<String> SEARCH_PARAMETERS =
      Set.of("q", "limit", "offset", "type", "organisation", "theme", "year", "facets", "group");

  /** A repeated search is answered from {@link SearchCache} when it is on; a bad parameter is a 400 first. */
  void search(Context ctx) {
    SearchRequest request = searchRequest(ctx);
    cache.send(ctx, request, () -> gate.inTurn(() -> response(request)));
  }

  private SearchRequest searchRequest(Context ctx) {
    Params.onlyKnown(ctx, SEARCH_PARAMETERS);
    String q = Params.requiredText(ctx, "q", SearchRequest.MAX_QUERY_CHARS);
    int limit = Params.integer(ctx, "limit", 10, 1, SearchRequest.MAX_LIMIT);
    int offset = Params.integer(ctx, "offset", 0, 0, SearchRequest.MAX_OFFSET);
    Filters filters = filters(ctx);
    boolean facets = Params.oneOf(ctx, "facets", "all", Set.of("all", "none")).equals("all");
    SearchRequest.Group group = Params.oneOf(ctx, "group", "passage", Set.of("passage", "document")).equals("document")
        ? SearchRequest.Group.DOCUMENT
        : SearchRequest.Group.PASSAGE;
    return new SearchRequest(q, limit, offset, filters, facets, group);
  }

  private Dto.SearchResponse response(SearchRequest request) {
    SearchResults results = ask.search(request);
    return new Dto.SearchResponse(results.query(), results.total(), request.limit(), request.offset(),
        results.hits().stream().map(Dto.SearchResult::of).toList(), results.facets());
  }

  /** Filters from the query string, each value checked against the library's metadata. */
  Filters filters(Context ctx) {
    return filters(views, name -> ctx.queryParams(name));
  }

  /** Filters from named value lists, each value checked against the library's metadata. */
  static Filters filters(LibraryViews views, java.util.function.Function<String, java.util.List<String>> values) {
    // Worked out once per index generation: a request with no filter costs nothing here.
    Catalog known = views.catalog();
    return new Filters(Params.filter("type", values.apply("type"), known.types()),
        Params.filter("organisation", values.apply("organisation"), known.organisations()),
        Params.filter("theme", values.apply("theme"), known.themes()),
        Params.filter("year", values.apply("year"), known.years()));
  }

  /** The library's documents; it takes no parameters (a client's {@code ?limit=5} is refused, not ignored). */
  void documents(Context ctx) {
    Params.onlyKnown(ctx, Set.of());
    var docs = views.documents().stream().map(e -> Dto.DocumentSummary.of(e.document().metadata(), e.passages()))
        .toList();
    ctx.json(new Dto.DocumentList(docs.size(), docs));
  }

  /** The readable document view; the page itself fetches the passages. 404 for an unknown id. */
  void documentPage(Context ctx, String page) {
    ctx.status(views.document(ctx.pathParam("id")).isPresent() ? 200 : 404).contentType(PageFiles.HTML).result(page);
  }

  void document(Context ctx) {
    Params.onlyKnown(ctx, Set.of());
    String id = ctx.pathParam("id");
    LibraryViews.Document doc = views.document(id)
        .orElseThrow(() -> new NotFoundResponse("No document with id '" + id + "'."));
    ctx.json(Dto.DocumentDetail.of(doc.document(), doc.passages()));
  }
}
