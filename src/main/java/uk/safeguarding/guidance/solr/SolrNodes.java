package uk.safeguarding.guidance.solr;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The Solr nodes of one SolrCloud, spoken to over HTTP with the JDK's own client and Solr's JSON
 * APIs. Any node serves any collection (SolrCloud routes a request to live replicas), so a request
 * goes to the next node in turn and, when a node cannot be reached or answers 502/503/504, to the
 * one after it: a stopped node costs a retry, never a failed search. Solr's answers of 4xx/5xx
 * otherwise are errors with Solr's own message. Thread-safe.
 *
 * <p>Why not SolrJ: SolrJ 9 brings Jetty 10's HTTP client, which cannot share a classpath with the
 * Jetty 12 server under Javalin 7 (the same artifacts at two major versions), and SolrJ 10 needs
 * Lucene 10. The JSON APIs used here (select, update, collections, configs) are Solr's documented
 * HTTP interface, so nothing is lost but a dependency.
 */
public final class SolrNodes {

  /** How long a node may take to accept a connection before the next one is tried. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  /** A search or an update batch; collection admin calls get {@link #ADMIN_TIMEOUT}. */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
  /** Creating a collection waits for every replica to come up. */
  public static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(180);

  private final List<URI> nodes;
  private final HttpClient http;
  private final AtomicInteger next = new AtomicInteger();
  /** Requests sent (each counted once, whichever node answered); what a search costs Solr, for tests. */
  private final java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();

  /** {@code nodes}: base URLs such as {@code http://solr1:8983/solr}, or one load balancer's. */
  public SolrNodes(List<URI> nodes) {
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("At least one Solr URL is needed");
    }
    this.nodes = List.copyOf(nodes);
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
  }

  /** Parses "http://a:8983/solr,http://b:8983/solr". */
  public static SolrNodes parse(String urls) {
    List<URI> out = new ArrayList<>();
    for (String u : urls.split(",")) {
      String s = u.strip().replaceAll("/+$", "");
      if (!s.isEmpty()) {
        URI uri = URI.create(s);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
          throw new IllegalArgumentException("A Solr URL must start with http:// or https://, not '" + s + "'");
        }
        out.add(uri);
      }
    }
    return new SolrNodes(out);
  }

  public List<URI> urls() {
    return nodes;
  }

  /** How many nodes answer Solr's health check now, each asked directly (for /health). */
  public int reachable() {
    return getFromEach("/admin/info/health", Map.of("wt", "json"), CONNECT_TIMEOUT).size();
  }

  /** GET {@code path} from every node in turn: each reachable node's answer (unreachable ones left out). */
  public List<JsonObject> getFromEach(String path, Map<String, String> params, Duration timeout) {
    List<JsonObject> out = new ArrayList<>();
    for (URI node : nodes) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(node + path + query(params))).timeout(timeout).GET()
          .build();
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          out.add(parseJson(response.body()));
        }
      } catch (IOException e) {
        // not reachable: left out
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return out;
  }

  /** GET {@code path} (after /solr) with {@code params}; the JSON answer. */
  public JsonObject get(String path, Map<String, String> params, Duration timeout) {
    return send(path + query(params), null, null, timeout);
  }

  /** "?a=1&b=2", encoded; "" for no parameters. */
  private static String query(Map<String, String> params) {
    String query = params.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    return query.isEmpty() ? "" : "?" + query;
  }

  /** POST a JSON body to {@code path}; the JSON answer. */
  public JsonObject postJson(String path, JsonElement body, Duration timeout) {
    return send(path, "application/json", body.toString().getBytes(StandardCharsets.UTF_8), timeout);
  }

  /** POST raw bytes (a configset zip) to {@code path}. */
  public JsonObject postBytes(String path, String contentType, byte[] body, Duration timeout) {
    return send(path, contentType, body, timeout);
  }

  /** How many requests this client has sent so far. */
  public long requestsSent() {
    return sent.get();
  }

  private JsonObject send(String pathAndQuery, String contentType, byte[] body, Duration timeout) {
    sent.incrementAndGet();
    int start = Math.floorMod(next.getAndIncrement(), nodes.size());
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      URI node = nodes.get((start + i) % nodes.size());
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + pathAndQuery)).timeout(timeout);
      request = body == null ? request.GET()
          : request.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
      try {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status == 502 || status == 503 || status == 504) {
          failures.add(node + ": HTTP " + status);
          continue; // a node starting or stopping: another one can serve
        }
        JsonObject json = parseJson(response.body());
        if (status >= 300) {
          throw new SolrException("Solr answered HTTP " + status + " to " + shorten(pathAndQuery) + ": "
              + message(json, response.body()));
        }
        return json;
      } catch (IOException e) {
        failures.add(node + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SolrException("Interrupted while asking Solr " + shorten(pathAndQuery));
      }
    }
    throw new SolrUnavailableException("No Solr node answered " + shorten(pathAndQuery) + ": " + failures);
  }

  private static JsonObject parseJson(String body) {
    try {
      JsonElement json = JsonParser.parseString(body);
      return json.isJsonObject() ? json.getAsJsonObject() : new JsonObject();
    } catch (RuntimeException e) {
      return new JsonObject();
    }
  }

  private static String message(JsonObject json, String body) {
    if (json.has("error") && json.get("error").isJsonObject() && json.getAsJsonObject("error").has("msg")) {
      return json.getAsJsonObject("error").get("msg").getAsString();
    }
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }

  private static String shorten(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Solr answered, with an error. */
  public static class SolrException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SolrException(String message) {
      super(message);
    }
  }

  /** No node could be reached: the search backend is down. */
  public static final class SolrUnavailableException extends SolrException {

    private static final long serialVersionUID = 1L;

    public SolrUnavailableException(String message) {
      super(message);
    }
  }
}
