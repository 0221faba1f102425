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

  /**
   * Returns once at least {@code room} is left in the clock's current minute, sleeping into the next minute if
   * not: the rate limiter's allowance refills on the minute ({@code RateLimiter}), so a test that spends it and
   * expects a 429 would be given a fresh allowance if the minute turned over under it.
   */
  public static void roomInTheMinute(java.time.Duration room) throws InterruptedException {
    long intoMinute = System.currentTimeMillis() % 60_000;
    if (60_000 - intoMinute < room.toMillis()) {
      Thread.sleep(60_000 - intoMinute + 100); // start in a fresh minute
    }
  }

  /** Copies the small fixture corpus (two documents, five passages, a synonyms file) into {@code dir}. */
  public static void copyMiniCorpus(Path dir) throws IOException {
    try (var files = java.nio.file.Files.list(Path.of("src/test/resources/fixtures/mini"))) {
      for (Path f : files.toList()) {
        java.nio.file.Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
  }

  /**
   * Copies into the data folder {@code data} what the embedded tests left under {@link #SHARED_DATA}
   * (nothing when they have not run): the embedding cache, so a server started on it embeds no passage
   * or example again, and the safety screen and answer models they trained, which a server over the
   * same corpus, examples and build reads back as a restart would (any other server trains its own).
   * The same vectors and models, computed once per build instead of once per test server.
   */
  public static void seedData(Path data) throws IOException {
    Path cache = SHARED_DATA.resolve("embeddings");
    if (!java.nio.file.Files.isDirectory(cache)) {
      return;
    }
    java.nio.file.Files.createDirectories(data.resolve("embeddings"));
    try (var files = java.nio.file.Files.list(cache)) {
      for (Path f : files.toList()) {
        java.nio.file.Files.copy(f, data.resolve("embeddings").resolve(f.getFileName()));
      }
    }
    for (String kept : new String[] {"answer-models.bin", "safety-screen.bin"}) {
      if (java.nio.file.Files.isRegularFile(SHARED_DATA.resolve(kept))) {
        java.nio.file.Files.copy(SHARED_DATA.resolve(kept), data.resolve(kept));
      }
    }
  }

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
    this(new AppConfig("127.0.0.1", 0, corpus, data, rateLimit, dense));
  }

  public TestApp(AppConfig config) throws Exception {
    app = GuidanceApp.start(config).awaitReady(Duration.ofMinutes(3));
  }

  /** BM25 only, no rate limit: quick to reindex, for tests that change the corpus. */
  public static AppConfig sparse(Path corpus, Path data) {
    return new AppConfig("127.0.0.1", 0, corpus, data, 0, false);
  }

  // ---- trainers ----

  /** A signed-in trainer: the session cookie and its CSRF token; or an API token. */
  public record Trainer(String cookie, String csrf, String bearer) {

    public static Trainer token(String bearer) {
      return new Trainer(null, null, bearer);
    }

    HttpRequest.Builder sign(HttpRequest.Builder b, boolean withCsrf) {
      if (bearer != null) {
        b.header("Authorization", "Bearer " + bearer);
      }
      if (cookie != null) {
        b.header("Cookie", cookie);
      }
      if (withCsrf && csrf != null) {
        b.header("X-CSRF-Token", csrf);
      }
      return b;
    }
  }

  /** Creates the account (when new) and signs in through the login form, as a browser would. */
  public Trainer signIn(String name, String password) throws IOException, InterruptedException {
    if (!app.accounts().exists(name)) {
      app.accounts().setPassword(name, password.toCharArray());
    }
    Response form = get("/admin/login");
    String csrf = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(form.body())
        .results().findFirst().orElseThrow().group(1);
    Response login = send(HttpRequest.newBuilder(URI.create(base() + "/admin/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", "guidance_login=" + cookieValue(form, "guidance_login"))
        .POST(HttpRequest.BodyPublishers.ofString("name=" + enc(name) + "&password=" + enc(password) + "&csrf=" + csrf))
        .build());
    if (login.status() != 303) {
      throw new IllegalStateException("Login failed: " + login.status() + " " + login.body());
    }
    String cookie = "guidance_session=" + cookieValue(login, "guidance_session");
    Response session = send(HttpRequest.newBuilder(URI.create(base() + "/api/admin/session")).header("Cookie", cookie)
        .GET().build());
    return new Trainer(cookie, session.json().getAsJsonObject().get("csrfToken").getAsString(), null);
  }

  /** The value a response's Set-Cookie gives {@code name}, or null. */
  public static String cookieValue(Response r, String name) {
    for (String c : r.raw().headers().allValues("Set-Cookie")) {
      if (c.startsWith(name + "=")) {
        return c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
      }
    }
    return null;
  }

  /** The full Set-Cookie header for {@code name}, or null. */
  public static String setCookie(Response r, String name) {
    return r.raw().headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
        .orElse(null);
  }

  /** A request as {@code trainer} (null: anonymous), with the CSRF header when it has one. */
  public Response as(Trainer trainer, String method, String path, HttpRequest.BodyPublisher body, String contentType)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(trainer == null ? b.build() : trainer.sign(b, true).build());
  }

  public Response asJson(Trainer trainer, String method, String path, String json)
      throws IOException, InterruptedException {
    return as(trainer, method, path, HttpRequest.BodyPublishers.ofString(json), "application/json");
  }

  /** A multipart/form-data body: text fields, then one file part named "file" (when filename is not null). */
  public record Multipart(String contentType, HttpRequest.BodyPublisher body) {

    public static Multipart of(java.util.Map<String, String> fields, String filename, byte[] content) {
      String boundary = "----guidance" + Long.toHexString(System.nanoTime());
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      java.nio.charset.Charset utf8 = StandardCharsets.UTF_8;
      fields.forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
          + "\"\r\n\r\n" + v + "\r\n").getBytes(utf8)));
      if (filename != null) {
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + filename.replace("\"", "%22") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(utf8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(utf8));
      }
      out.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
      return new Multipart("multipart/form-data; boundary=" + boundary,
          HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
    }
  }

  public Response multipart(Trainer trainer, String method, String path, Multipart m)
      throws IOException, InterruptedException {
    return as(trainer, method, path, m.body(), m.contentType());
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
