package uk.safeguarding.guidance.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.TestApp;

/**
 * Malformed requests over every route and method, written byte by byte on a raw socket (loopback
 * only): bad path segments, query values, content types, bodies and chunk sizes, with and without
 * a trainer's token. Whatever arrives, the answer is never 5xx, and every error carries a JSON body
 * and the security headers. Bounded: {@value #REQUESTS} requests, a fixed seed, 5 s each at most.
 */
class FuzzTest {

  static final int REQUESTS = 2_100;
  private static final int TIMEOUT_MS = 5_000;

  private static final String[][] ROUTES = {
      {"GET", "/health"}, {"GET", "/api/search"}, {"GET", "/api/documents"}, {"GET", "/api/documents/{id}"},
      {"POST", "/api/ask"}, {"POST", "/api/feedback"}, {"GET", "/documents/{id}"}, {"GET", "/"},
      {"GET", "/admin/login"}, {"POST", "/admin/login"}, {"POST", "/admin/logout"}, {"GET", "/admin"},
      {"GET", "/api/admin/session"}, {"GET", "/api/admin/tokens"}, {"POST", "/api/admin/tokens"},
      {"DELETE", "/api/admin/tokens/{id}"}, {"GET", "/api/admin/documents"}, {"POST", "/api/admin/documents"},
      {"GET", "/api/admin/documents/{id}"}, {"PUT", "/api/admin/documents/{id}"},
      {"DELETE", "/api/admin/documents/{id}"},
      {"PUT", "/api/admin/documents/{id}/file"}, {"POST", "/api/admin/preview"}, {"GET", "/api/admin/synonyms"},
      {"PUT", "/api/admin/synonyms"}, {"GET", "/api/admin/glossary"}, {"PUT", "/api/admin/glossary"},
      {"GET", "/api/admin/answer-examples"}, {"PUT", "/api/admin/urgency-examples"},
      {"GET", "/api/admin/reindex"}, {"POST", "/api/admin/reindex"}, {"GET", "/api/admin/unanswered"},
      {"GET", "/api/admin/unanswered.csv"}, {"GET", "/api/admin/feedback"}, {"GET", "/api/admin/feedback.csv"},
      {"GET", "/api/admin/audit"}, {"PATCH", "/api/search"}, {"OPTIONS", "/api/ask"}, {"TRACE", "/"},
      {"FOO", "/api/ask"}};
  private static final String[] IDS = {"enquiries", "%u0041", "%00", "%ff", "..%2f..%2fetc%2fpasswd", "%E2%80%AE",
      "a%20b", "%25", "%C0%AF", "readme", "CON", "x".repeat(3_000), "%", "%zz", "id;jsessionid=1", "."};
  private static final String[] QUERIES = {"", "?q=neglect", "?q=", "?q=%ff%fe", "?q=%u0041", "?limit=abc",
      "?limit=99999999999999999999", "?offset=-1", "?q=a&limit=0", "?q=a&type=&type=", "?q=a&year=20x1",
      "?q=" + "x".repeat(600), "?version=%00", "?q=a&theme=%E2%80%AE", "?limit=1e3", "?q=(((((", "?q=\"\"\"",
      "?%=%", "?q=a&&&&", "?q=a&limit=1&limit=2", "?years=2021"};
  private static final String[] CONTENT_TYPES = {null, "application/json", "application/json; charset=utf-7",
      "application/json; charset=bogus", "multipart/form-data", "multipart/form-data; boundary=",
      "multipart/form-data; boundary=xyz", "application/x-www-form-urlencoded", "text/plain", "*/*",
      "application/json; charset=\"", "image/png"};
  private static final String[] BODIES = {"", "{", "null", "[]", "{}", "\"x\"", "{\"question\": null}",
      "{\"question\": \"a\", \"filters\": {\"type\": [null]}}", "{\"question\": \"a\", \"filters\": 5}",
      "{\"question\": \"a\", \"filters\": {\"type\": \"x\"}}", "{\"question\": 1e999}", "{\"question\": [\"a\"]}",
      "{\"rating\": [\"up\"], \"answerId\": {}}", "{\"version\": null, \"title\": 5}", "{\"text\": null}",
      "{\"name\": \"" + "n".repeat(5_000) + "\"}", "[".repeat(20_000) + "]".repeat(20_000),
      "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000), "\u0000\u0001\u0002",
      "--xyz\r\nContent-Disposition: form-data; "
          + "name=\"file\"; filename=\"a.md\"\r\n\r\n# T\r\n--xyz--\r\n",
      "--xyz\r\n\r\n", "csrf=&name=&password=",
      "q=%ff%fe&x", "{\"question\": \"\\ud800\"}"};

  @TempDir
  Path corpus;
  @TempDir
  Path data;

  @Test
  void thousands_of_malformed_requests_never_get_a_5xx_and_errors_are_json_with_security_headers() throws Exception {
    TestApp.copyMiniCorpus(corpus);
    try (TestApp app = new TestApp(TestApp.sparse(corpus, data))) {
      app.app().accounts().setPassword("fuzz", "fuzz-password-123".toCharArray());
      String token = app.app().accounts().createToken("fuzz", "fuzz").token();
      // An ask waits for the first safety screen (seconds, longer on a loaded machine) rather than go
      // unscreened; the fuzzing is about malformed requests, so it starts once the screen is ready.
      for (int i = 0; i < 600 && !app.get("/health").body().contains("\"safetyScreen\":\"ready\""); i++) {
        Thread.sleep(100);
      }
      Random random = new Random(20261125);
      List<String> problems = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        String[] route = ROUTES[random.nextInt(ROUTES.length)];
        String path =
            route[1].replace("{id}", IDS[random.nextInt(IDS.length)]) + QUERIES[random.nextInt(QUERIES.length)];
        String type = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
        byte[] body = (random.nextInt(4) == 0 ? randomBytes(random)
            : BODIES[random.nextInt(BODIES.length)]
                .getBytes(StandardCharsets.UTF_8));
        boolean authorised = random.nextBoolean();
        int framing = random.nextInt(6); // 0: a malformed chunk size, 1: chunked, else Content-Length
        byte[] request = request(route[0], path, type, body, authorised ? token : null, framing, app.app().port());
        Reply r = send(app.app().port(), request);
        if (r.status >= 500 || r.status == 0) {
          problems.add(r.status + " " + route[0] + " " + abbreviate(path) + " [" + type + ", framing " + framing + "] "
              + abbreviate(r.body));
        } else if (r.status >= 400 && !r.isJsonError() && (path.startsWith("/api") || path.startsWith("/health")
            || r.head.contains("application/json") || !r.head.contains("text/html"))) {
          problems.add(
              "not a JSON error: " + r.status + " " + route[0] + " " + abbreviate(path) + " " + abbreviate(r.body));
        } else if (!r.head.contains("content-security-policy:")) {
          problems.add("no security headers: " + r.status + " " + route[0] + " " + abbreviate(path));
        }
      }
      assertEquals(List.of(), problems.subList(0, Math.min(40, problems.size())), problems.size() + " problems");
      assertEquals(200, app.get("/health").status(), "the server still answers");
    }
  }

  static byte[] request(String method, String path, String type, byte[] body, String token, int framing,
      int port) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
        + "\r\nConnection: close\r\n");
    if (type != null) {
      head.append("Content-Type: ").append(type).append("\r\n");
    }
    if (token != null) {
      head.append("Authorization: Bearer ").append(token).append("\r\n");
    }
    if (framing <= 1) {
      head.append("Transfer-Encoding: chunked\r\n\r\n");
      out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      String size = framing == 0 ? "zz" + Integer.toHexString(body.length) : Integer.toHexString(body.length);
      out.writeBytes((size + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(body);
      out.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    } else {
      head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
      out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(body);
    }
    return out.toByteArray();
  }

  record Reply(int status, String head, String body) {

    boolean isJsonError() {
      try {
        return JsonParser.parseString(body).getAsJsonObject().has("error");
      } catch (RuntimeException e) {
        return false;
      }
    }
  }

  static Reply send(int port, byte[] request) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
      socket.setSoTimeout(TIMEOUT_MS);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (IOException e) {
        // The server may answer and close before reading a malformed request whole.
      }
      InputStream in = socket.getInputStream();
      byte[] all;
      try {
        all = in.readAllBytes();
      } catch (IOException e) {
        all = new byte[0];
      }
      String text = new String(all, StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      String head = end < 0 ? text : text.substring(0, end);
      String body = end < 0 ? "" : text.substring(end + 4);
      if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
        body = unchunk(body);
      }
      int status = head.startsWith("HTTP/1.1 ") && head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : 0;
      return new Reply(status, head.toLowerCase(Locale.ROOT), body);
    }
  }

  private static String unchunk(String body) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < body.length()) {
      int eol = body.indexOf("\r\n", at);
      if (eol < 0) {
        break;
      }
      int size;
      try {
        size = Integer.parseInt(body.substring(at, eol).trim(), 16);
      } catch (NumberFormatException e) {
        break;
      }
      if (size == 0) {
        break;
      }
      out.append(body, eol + 2, Math.min(body.length(), eol + 2 + size));
      at = eol + 2 + size + 2;
    }
    return out.toString();
  }

  private static byte[] randomBytes(Random random) {
    byte[] b = new byte[random.nextInt(300)];
    random.nextBytes(b);
    return b;
  }

  private static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() <= 160 ? one : one.substring(0, 160) + "…";
  }
}
