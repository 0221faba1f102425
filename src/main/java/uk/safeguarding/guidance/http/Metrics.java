package uk.safeguarding.guidance.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import uk.safeguarding.guidance.answer.Answer;
import uk.safeguarding.guidance.index.LibraryHolder;
import uk.safeguarding.guidance.index.LibraryViews;
import uk.safeguarding.guidance.index.Reindexer;

/**
 * What operators scrape at {@code /metrics} (Prometheus text format, Micrometer): requests and their
 * latency by method, route template and status; answers by outcome; the index's generation, size,
 * last build time and failed builds; the search response cache's hits, misses, evictions and bytes
 * ({@code cache_gets_total{cache="search",result="hit"}}). Counts only: no question text or address is ever a label.
 * Thread-safe.
 */
final class Metrics {

  private static final String STARTED = "guidance.metrics.started";
  /** The methods HTTP defines (RFC 9110 and PATCH), tagged by name; any other is {@code OTHER}. */
  private static final Set<String> STANDARD_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  Metrics(LibraryHolder holder, Reindexer reindexer) {
    Gauge.builder("guidance_index_ready", holder, h -> h.isReady() ? 1 : 0)
        .description("1 once the first index is serving").register(registry);
    Gauge.builder("guidance_index_passages", holder, Metrics::passages)
        .description("passages in the serving index").register(registry);
    FunctionCounter.builder("guidance_index_generations", reindexer, Reindexer::generations)
        .description("libraries swapped in since start").register(registry);
    FunctionCounter.builder("guidance_index_build_failures", reindexer, Reindexer::failures)
        .description("builds that failed; the previous library kept serving").register(registry);
    Gauge.builder("guidance_index_last_build_seconds", reindexer, Reindexer::lastBuildSeconds)
        .description("how long the last build or reuse took").register(registry);
  }

  /** The search response cache's gets by result, puts, evictions and size, when it is on. */
  void searchCache(SearchCache cache) {
    if (cache.enabled()) {
      CaffeineCacheMetrics.monitor(registry, cache.responses(), "search");
      Gauge.builder("guidance_search_cache_bytes", cache, SearchCache::bytes)
          .description("bytes of responses and keys the search cache holds").register(registry);
    }
  }

  private static double passages(LibraryHolder holder) {
    return new LibraryViews(holder).overview().map(LibraryViews.Overview::passages).orElse(0);
  }

  void started(Context ctx) {
    ctx.attribute(STARTED, System.nanoTime());
  }

  /** Records the request by its route template ("/api/documents/{id}"), never its raw path. */
  void finished(Context ctx) {
    Long started = ctx.attribute(STARTED);
    if (started == null) {
      return;
    }
    Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
    String route = endpoint == null ? "unmatched" : endpoint.path;
    Timer.builder("http_server_requests").tag("method", methodTag(ctx.method().name())).tag("route", route)
        .tag("status", Integer.toString(ctx.statusCode())).register(registry)
        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
  }

  /**
   * The method as a tag: one of HTTP's own, else "OTHER". A client may send any token as a method
   * ("FOO1", "FOO2", …), and each distinct tag is a new series kept for the life of the process: tagged
   * as sent, 1,900 made-up methods grew {@code /metrics} to 35 MB and ran a 256 MB heap out.
   */
  static String methodTag(String method) {
    return STANDARD_METHODS.contains(method) ? method : "OTHER";
  }

  /** One answer: answered (grounded) or declined, and whether the safety screen found it urgent. */
  void asked(Answer answer) {
    Counter.builder("guidance_answers").tag("outcome", answer.grounded() ? "answered" : "declined")
        .tag("urgent", Boolean.toString(answer.urgent())).register(registry).increment();
  }

  void scrape(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
  }
}
