package uk.safeguarding.guidance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.auth.Accounts;
import uk.safeguarding.guidance.auth.LoginLimiter;
import uk.safeguarding.guidance.store.Database;
import uk.safeguarding.guidance.store.DatabaseConfig;
import uk.safeguarding.guidance.store.TestPostgres;

/**
 * Two replicas of the server, each with its own data folder and index, sharing one real PostgreSQL:
 * what one records, and who signs in at one, the other knows.
 */
class SharedDatabaseIT {

  @TempDir
  static Path corpus;
  @TempDir
  static Path dataA;
  @TempDir
  static Path dataB;
  static TestApp a;
  static TestApp b;
  /**
   * API requests per minute per client on both replicas: room for the other tests' requests from
   * 127.0.0.1, while the rate-limit test poses as clients of its own behind a trusted proxy.
   */
  static final int RATE_LIMIT = 30;
  /** Time the rate-limit test needs left in the minute, so the window does not turn over under it. */
  static final java.time.Duration ROOM_IN_THE_MINUTE = java.time.Duration.ofSeconds(20);

  @BeforeAll
  static void start() throws Exception {
    TestApp.copyMiniCorpus(corpus);
    DatabaseConfig shared = TestPostgres.freshDatabase();
    a = new TestApp(TestApp.sparse(corpus, dataA).withDatabase(shared).withRateLimit(RATE_LIMIT)
        .withTrustedProxies("127.0.0.1"));
    b = new TestApp(TestApp.sparse(corpus, dataB).withDatabase(shared).withRateLimit(RATE_LIMIT)
        .withTrustedProxies("127.0.0.1"));
  }

  @AfterAll
  static void stop() {
    if (a != null) {
      a.close();
    }
    if (b != null) {
      b.close();
    }
  }

  @Test
  void a_trainer_signed_in_on_one_replica_is_signed_in_on_the_other_until_signing_out() throws Exception {
    TestApp.Trainer alice = a.signIn("alice", "correct horse battery");

    TestApp.Response session = b.as(alice, "GET", "/api/admin/session", null, null);
    assertEquals(200, session.status(), session.body());
    assertEquals(alice.csrf(), session.json().getAsJsonObject().get("csrfToken").getAsString());
    JsonObject token = new JsonObject();
    token.addProperty("name", "made on replica B");
    assertEquals(201, b.asJson(alice, "POST", "/api/admin/tokens", token.toString()).status(),
        "a change on B with A's session cookie and CSRF token");

    TestApp.Response out = b.as(alice, "POST", "/admin/logout",
        HttpRequest.BodyPublishers.ofString("csrf=" + alice.csrf()), "application/x-www-form-urlencoded");
    assertEquals(303, out.status(), out.body());
    assertEquals(401, a.as(alice, "GET", "/api/admin/session", null, null).status(), "signed out on A too");
  }

  @Test
  void the_shipped_jar_carries_what_postgresql_needs_driver_pool_and_migrations() throws Exception {
    // add-trainer opens the database as the server does, without loading the embedding model.
    DatabaseConfig db = TestPostgres.freshDatabase();
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        "target/guidance-assistant.jar", "add-trainer", "carol", "--database", db.url()).redirectErrorStream(true);
    pb.environment().put("GUIDANCE_DATABASE_USER", db.user());
    pb.environment().put("GUIDANCE_TRAINER_PASSWORD", "correct horse battery");
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), output);
    assertTrue(output.contains("Created trainer 'carol'."), output);
    try (Database opened = Database.open(db)) {
      assertTrue(new Accounts(opened, Clock.systemUTC()).verify("carol", "correct horse battery".toCharArray()));
    }
  }

  @Test
  void an_answer_from_one_replica_rated_on_the_other_reaches_the_trainers_queue_on_either() throws Exception {
    JsonObject question = new JsonObject();
    question.addProperty("question", "what if a baby has a bruise");
    TestApp.Response asked = a.post("/api/ask", question.toString());
    assertEquals(200, asked.status(), asked.body());
    JsonObject answer = asked.json().getAsJsonObject();
    JsonObject feedback = new JsonObject();
    // Rated on B: the conversation is in the shared database, not in A's memory.
    feedback.addProperty("conversationId", answer.get("conversationId").getAsString());
    feedback.addProperty("answerId", answer.get("answerId").getAsString());
    feedback.addProperty("rating", "down");
    feedback.addProperty("reason", "too long for a duty worker");
    assertEquals(200, b.post("/api/feedback", feedback.toString()).status());

    TestApp.Trainer bob = b.signIn("bob", "another long password");
    JsonArray groups = b.as(bob, "GET", "/api/admin/feedback", null, null).json().getAsJsonObject()
        .getAsJsonArray("groups");
    assertEquals(1, groups.size(), groups.toString());
    assertEquals("what if a baby has a bruise", groups.get(0).getAsJsonObject().get("question").getAsString());
    assertTrue(groups.toString().contains("too long for a duty worker"), groups.toString());
  }

  @Test
  void a_client_s_rate_limit_is_one_allowance_across_both_replicas() throws Exception {
    TestApp.roomInTheMinute(ROOM_IN_THE_MINUTE);
    for (int i = 0; i < RATE_LIMIT; i++) {
      TestApp replica = i % 2 == 0 ? a : b;
      TestApp.Response r = replica.send(asClient(replica, "203.0.113.9"));
      assertEquals(200, r.status(), "request " + (i + 1) + " of " + RATE_LIMIT + ": " + r.body());
    }
    // Each replica has served only half the allowance, yet both refuse: they count in the one database.
    for (TestApp replica : new TestApp[] {a, b}) {
      TestApp.Response refused = replica.send(asClient(replica, "203.0.113.9"));
      assertEquals(429, refused.status(), refused.body());
      long wait = Long.parseLong(refused.header("Retry-After"));
      assertTrue(wait >= 1 && wait <= 60, "Retry-After " + wait);
    }
    assertEquals(200, b.send(asClient(b, "203.0.113.10")).status(), "another client has its own allowance");
  }

  /** A cheap API request to {@code replica} from {@code address}, as the trusted proxy in front would send it. */
  static HttpRequest asClient(TestApp replica, String address) {
    return HttpRequest.newBuilder(java.net.URI.create(replica.base() + "/api/documents"))
        .header("X-Forwarded-For", address)
        .GET().build();
  }

  @Test
  void failed_sign_ins_on_one_replica_lock_the_name_out_on_the_other() throws Exception {
    long window = LoginLimiter.WINDOW.toMillis();
    long intoWindow = System.currentTimeMillis() % window;
    if (window - intoWindow < ROOM_IN_THE_MINUTE.toMillis()) {
      Thread.sleep(window - intoWindow + 100); // the shared count starts afresh each 15 minutes of the clock
    }
    for (int i = 0; i < LoginLimiter.MAX_FAILURES; i++) {
      TestApp replica = i % 2 == 0 ? a : b;
      assertEquals(401, signIn(replica, "erin", "wrong password " + i).status(), "attempt " + (i + 1));
    }
    // Attempts alternated, so each replica saw fewer than five; the count they share says five.
    for (TestApp replica : new TestApp[] {a, b}) {
      TestApp.Response locked = signIn(replica, "erin", "another guess");
      assertEquals(429, locked.status(), locked.body());
      assertTrue(Long.parseLong(locked.header("Retry-After")) > 0);
    }
  }

  /** One attempt through the login form, as a browser makes it. */
  static TestApp.Response signIn(TestApp replica, String name, String password) throws Exception {
    TestApp.Response form = replica.get("/admin/login");
    String csrf = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(form.body())
        .results().findFirst().orElseThrow().group(1);
    return replica.send(HttpRequest.newBuilder(java.net.URI.create(replica.base() + "/admin/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", "guidance_login=" + TestApp.cookieValue(form, "guidance_login"))
        .POST(HttpRequest.BodyPublishers.ofString("name=" + TestApp.enc(name) + "&password=" + TestApp.enc(password)
            + "&csrf=" + csrf))
        .build());
  }
}
