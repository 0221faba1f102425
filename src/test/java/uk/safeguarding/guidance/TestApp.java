package uk.safeguarding.guidance;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** A real server on a random port over a given corpus, with a small HTTP client for tests. */
public final class TestApp implements AutoCloseable {

  private final GuidanceApp app;
  private final HttpClient client = HttpClient.newHttpClient();

  /** A response: status, headers and the body as text. */
  public record Response(int status, HttpResponse<String> raw) {
    public String body() {
      return raw.body();
    }

    public JsonElement json() {
      return JsonParser.parseString(raw.body());
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  /**
   * A data folder shared by tests over the shipped corpus: the index and embedding cache are built
   * once per build and reused, as a restart would.
   */
  public static final Path SHARED_DATA = Path.of("target/test-data");

  /** The shipped corpus, hybrid retrieval, no rate limit. */
  public static TestApp shipped() throws Exception {
    return new TestApp(Path.of("corpus"), SHARED_DATA);
  }

  public TestApp(Path corpus, Path data) throws Exception {
    this(corpus, data, 0);
  }

  public TestApp(Path corpus, Path data, int rateLimit) throws Exception {
    this(corpus, data, rateLimit, true);
  }

  public TestApp(Path corpus, Path data, int rateLimit, boolean dense) throws Exception {
    app = GuidanceApp.start(new AppConfig("127.0.0.1", 0, corpus, data, rateLimit, dense)).awaitReady(Duration.ofMinutes(3));
  }

  public GuidanceApp app() {
    return app;
  }

  public String base() {
    return "http://127.0.0.1:" + app.port();
  }

  public static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  public Response get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
  }

  public Response post(String path, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  public Response send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), r);
  }

  @Override
  public void close() {
    app.stop();
  }
}
