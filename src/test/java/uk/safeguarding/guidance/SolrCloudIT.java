package uk.safeguarding.guidance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.answer.AnswerLog;
import uk.safeguarding.guidance.answer.AskService;
import uk.safeguarding.guidance.answer.Conversations;
import uk.safeguarding.guidance.corpus.CorpusReader;
import uk.safeguarding.guidance.embed.BgeSmallEmbedder;
import uk.safeguarding.guidance.embed.CachedEmbedder;
import uk.safeguarding.guidance.embed.Embedder;
import uk.safeguarding.guidance.eval.AskEval;
import uk.safeguarding.guidance.eval.Question;
import uk.safeguarding.guidance.eval.QuestionEval;
import uk.safeguarding.guidance.index.Analysis;
import uk.safeguarding.guidance.index.IndexStore;
import uk.safeguarding.guidance.index.Library;
import uk.safeguarding.guidance.index.LibraryHolder;
import uk.safeguarding.guidance.index.SolrPublisher;
import uk.safeguarding.guidance.http.AskApiContract;
import uk.safeguarding.guidance.http.SearchApiContract;
import uk.safeguarding.guidance.search.Filters;
import uk.safeguarding.guidance.search.SearchRequest;
import uk.safeguarding.guidance.search.SearchResults;
import uk.safeguarding.guidance.search.SearchService;
import uk.safeguarding.guidance.screen.ScreenService;
import uk.safeguarding.guidance.search.SolrBackend;
import uk.safeguarding.guidance.solr.SolrCollections;
import uk.safeguarding.guidance.solr.SolrConfigset;
import uk.safeguarding.guidance.solr.SolrNodes;
import uk.safeguarding.guidance.solr.SolrSettings;
import uk.safeguarding.guidance.solr.TestSolrCloud;
import uk.safeguarding.guidance.store.Database;
import uk.safeguarding.guidance.store.DatabaseConfig;
import uk.safeguarding.guidance.store.Leases;
import uk.safeguarding.guidance.store.TestPostgres;

/**
 * The scale-out mode end to end, on a real 2-node SolrCloud (2 shards × 2 replicas) and a real
 * PostgreSQL: search ranks there as in the embedded index; two app replicas share the collection, the
 * database and a trainer's sign-in; a stopped Solr node fails no search. In order: each step leaves
 * the alias where the next expects it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrCloudIT {

  @TempDir
  static Path solrDir;
  @TempDir
  static Path corpus;
  @TempDir
  static Path corpusB;
  @TempDir
  static Path dataA;
  @TempDir
  static Path dataB;
  static TestSolrCloud cloud;
  static SolrNodes nodes;
  /** The server over the shipped corpus searching in the cluster, for the API contracts; started on first use. */
  static TestApp shippedOnSolr;
  /** Why {@link #shippedOnSolr} could not start, once it has failed to. */
  static Exception shippedOnSolrFailure;

  /** Bounds the searches run in the background while the alias switches (they stop sooner when it is seen). */
  static final int MAX_BACKGROUND_SEARCHES = 2_000;
  /**
   * A trainer's change, seen on another replica: the target is 10 s (the mirror looks every 2 s),
   * measured and printed here; the test allows 45 s, so that only a change never seen fails it, not a busy
   * 2-core CI machine that builds the collection slowly.
   */
  static final double MAX_SECONDS_TO_SEE_A_CHANGE = 45;

  /** One replica, so the lease is always this one's. */
  static final SolrPublisher.Lease ONLY_ME = new SolrPublisher.Lease() {

    @Override
    public boolean tryAcquire(String name, Duration length) {
      return true;
    }

    @Override
    public void release(String name) {}
  };

  @BeforeAll
  static void start() throws Exception {
    cloud = TestSolrCloud.start(2, solrDir);
    nodes = SolrNodes.parse(cloud.urlList());
  }

  @AfterAll
  static void stop() {
    if (shippedOnSolr != null) {
      shippedOnSolr.close();
    }
    if (cloud != null) {
      cloud.close();
    }
  }

  /**
   * The shipped corpus, hybrid, no rate limit, as the embedded API tests run it, but ranked in
   * SolrCloud. Its own data folder's H2 database (the lease and records of one replica), with the
   * shared embedding cache copied in so no passage is embedded again.
   */
  static synchronized TestApp shippedOnSolr() throws Exception {
    if (shippedOnSolrFailure != null) {
      // Every contract test asks for the server: one that did not start fails them all at once, instead of
      // each waiting its own three minutes for an index that will not come (70 tests: hours, past CI's limit).
      throw new IllegalStateException("The server on SolrCloud did not start (first attempt)", shippedOnSolrFailure);
    }
    if (shippedOnSolr == null) {
      try {
        Path data = Files.createTempDirectory(solrDir, "shipped-data");
        TestApp.seedData(data);
        shippedOnSolr = new TestApp(new AppConfig("127.0.0.1", 0, Path.of("corpus"), data, 0, true)
            .withSolr(new SolrSettings(cloud.urlList(), 2, 2)));
      } catch (Exception e) {
        shippedOnSolrFailure = e;
        throw e;
      }
    }
    return shippedOnSolr;
  }

  /** Every search API test of the embedded index, on SolrCloud (after the ordered steps above). */
  @Nested
  class SearchApi extends SearchApiContract {

    @Test
    void these_searches_rank_in_solrcloud_not_in_the_embedded_index() throws Exception {
      JsonObject engine = app().get("/health").json().getAsJsonObject().getAsJsonObject("searchEngine");
      assertEquals("solrcloud", engine.get("name").getAsString(), engine.toString());
      assertEquals("ready", engine.get("state").getAsString(), engine.toString());
    }

    @Override
    protected TestApp app() {
      return shippedOnSolrOrFail();
    }
  }

  /** Every ask API test of the embedded index, on SolrCloud. */
  @Nested
  class AskApi extends AskApiContract {

    @Override
    protected TestApp app() {
      return shippedOnSolrOrFail();
    }
  }

  /** The shipped corpus served on SolrCloud, for the API contracts (which cannot throw checked exceptions). */
  static TestApp shippedOnSolrOrFail() {
    try {
      return shippedOnSolr();
    } catch (Exception e) {
      throw new IllegalStateException("The server on SolrCloud did not start", e);
    }
  }

  static List<Question> questions(String file) throws Exception {
    return Question.read(Path.of("src/test/resources/eval", file));
  }

  static QuestionEval.Report run(SearchService search, List<Question> questions) {
    return QuestionEval.run(questions, q -> search.search(SearchRequest.of(q, 10)).hits().stream()
        .map(h -> h.passage().text()).toList());
  }

  static List<String> ids(SearchResults r) {
    return r.hits().stream().map(h -> h.passage().id()).toList();
  }

  @Test
  @Order(1)
  void the_shipped_corpus_ranks_in_solrcloud_as_in_the_embedded_index_bm25_and_hybrid() throws Exception {
    Embedder embedder = new CachedEmbedder(new BgeSmallEmbedder(), TestApp.SHARED_DATA);
    LibraryHolder holder = new LibraryHolder();
    holder.swap(new IndexStore(TestApp.SHARED_DATA, CorpusReader.standard(), embedder).open(Path.of("corpus")));
    try (LibraryHolder.Lease lease = holder.acquire()) {
      Library library = lease.library();
      new SolrPublisher(new SolrCollections(nodes), SolrConfigset.of(Analysis.stopWords(), IndexStore.DEFAULT_K1,
          IndexStore.DEFAULT_B), 2, 2, ONLY_ME).publish(library);
      assertEquals(library.passageCount(), new SolrCollections(nodes).count(SolrCollections.ALIAS));
    }
    SolrBackend solr = new SolrBackend(nodes);
    SearchService embeddedWords = new SearchService(holder, null);
    SearchService solrWords = new SearchService(holder, null, solr);
    SearchService embeddedHybrid = new SearchService(holder, embedder);
    SearchService solrHybrid = new SearchService(holder, embedder, solr);

    List<Question> questions = new ArrayList<>(questions("practitioner.jsonl"));
    questions.addAll(questions("bank-inscope-test.jsonl"));
    int sameWords = 0;
    int sameHybrid = 0;
    for (Question q : questions) {
      SearchRequest request = SearchRequest.of(q.text(), 10);
      sameWords += ids(embeddedWords.search(request)).equals(ids(solrWords.search(request))) ? 1 : 0;
      sameHybrid += ids(embeddedHybrid.search(request)).equals(ids(solrHybrid.search(request))) ? 1 : 0;
    }
    // BM25 over the whole collection's statistics (ExactStatsCache): the same top 10, question for question.
    assertEquals(questions.size(), sameWords, "BM25 top 10 identical for every question");
    // Nearest neighbours come from two HNSW graphs built apart: an exact tie may fall otherwise.
    assertTrue(sameHybrid >= questions.size() * 0.95, sameHybrid + " of " + questions.size());

    for (SearchService[] pair : new SearchService[][] {{embeddedWords, solrWords}, {embeddedHybrid, solrHybrid}}) {
      QuestionEval.Report embedded = run(pair[0], questions);
      QuestionEval.Report cloudReport = run(pair[1], questions);
      assertEquals(embedded.recallAt5(), cloudReport.recallAt5(), 0.01, embedded + " vs " + cloudReport);
      assertEquals(embedded.mrrAt10(), cloudReport.mrrAt10(), 0.01, embedded + " vs " + cloudReport);
    }

    // Answers: the same questions answered, declined and pointed at, on either engine.
    // The screen and answer models the unit tests' servers kept in the shared data folder, read back as a
    // restart would (trained here only when this class runs alone).
    ScreenService screen = new ScreenService(Path.of("corpus"), embedder, Runnable::run, TestApp.SHARED_DATA);
    AskService embeddedAsk = new AskService(embeddedHybrid, holder, Conversations.standard(), AnswerLog.NONE, screen,
        embedder, Path.of("corpus"), TestApp.SHARED_DATA);
    AskService solrAsk = new AskService(solrHybrid, holder, Conversations.standard(), AnswerLog.NONE, screen, embedder,
        Path.of("corpus"), TestApp.SHARED_DATA);
    for (String file : List.of("bank-inscope-test.jsonl", "bank-oos-test.jsonl")) {
      AskEval.Report a = AskEval.run(questions(file), embeddedAsk::ask);
      AskEval.Report b = AskEval.run(questions(file), solrAsk::ask);
      System.out.println("Answers, " + file + ": embedded " + a + "; SolrCloud " + b);
      assertEquals(a.answeredRate(), b.answeredRate(), 0.0125, file + ": " + a + " vs " + b); // one question of 83
      assertEquals(a.declinedRate(), b.declinedRate(), 0.0125, file + ": " + a + " vs " + b);
      assertEquals(a.pointPrecision(), b.pointPrecision(), 0.01, file + ": " + a + " vs " + b);
    }

    // What one search costs Solr: the nearest neighbours, then the words with their counts and facets.
    SearchRequest withFacets = new SearchRequest("neglect", 10, 0, Filters.NONE, true, SearchRequest.Group.PASSAGE);
    long sent = nodes.requestsSent();
    solrHybrid.search(withFacets);
    assertEquals(2, nodes.requestsSent() - sent, "requests for a hybrid search with facets");
    sent = nodes.requestsSent();
    solrWords.search(withFacets);
    assertEquals(1, nodes.requestsSent() - sent, "requests for a words-only search with facets");

    // Totals, facets, documents and filters: the same numbers from either engine.
    for (String q : List.of("neglect", "bruising in a baby who is not mobile", "\"was not brought\"", "dad")) {
      for (SearchRequest.Group group : SearchRequest.Group.values()) {
        SearchRequest request = new SearchRequest(q, 10, 0, Filters.NONE, true, group);
        for (SearchService[] pair : new SearchService[][] {{embeddedWords, solrWords}, {embeddedHybrid, solrHybrid}}) {
          SearchResults a = pair[0].search(request);
          SearchResults b = pair[1].search(request);
          assertEquals(a.total(), b.total(), q + " " + group);
          assertEquals(a.facets(), b.facets(), q + " " + group);
        }
      }
    }
    holder.close();
  }

  @Test
  @Order(2)
  void two_replicas_share_the_collection_the_database_and_a_sign_in_and_a_stopped_node_fails_no_search()
      throws Exception {
    TestApp.copyMiniCorpus(corpus);
    DatabaseConfig shared = TestPostgres.freshDatabase();
    SolrSettings solr = new SolrSettings(cloud.urlList(), 2, 2);
    try (TestApp a = new TestApp(TestApp.sparse(corpus, dataA).withDatabase(shared).withSolr(solr));
        TestApp b = new TestApp(TestApp.sparse(corpusB, dataB).withDatabase(shared).withSolr(solr))) {
      // B started with an empty corpus folder: the corpus of record is in the shared database.
      assertTrue(Files.isRegularFile(corpusB.resolve("injuries.md")), "B's folder filled from the database");
      TestApp.Response before = b.get("/api/search?q=passports");
      assertEquals(200, before.status(), before.body());
      assertEquals(0, before.json().getAsJsonObject().get("total").getAsInt(), before.body());

      // Searches run on B all through the upload, the rebuild and the alias switch: none may fail.
      java.util.concurrent.atomic.AtomicInteger searched = new java.util.concurrent.atomic.AtomicInteger();
      java.util.concurrent.atomic.AtomicInteger failedDuringSwitch = new java.util.concurrent.atomic.AtomicInteger();
      java.util.concurrent.atomic.AtomicBoolean searching = new java.util.concurrent.atomic.AtomicBoolean(true);
      Thread searcher = new Thread(() -> {
        while (searching.get() && searched.get() < MAX_BACKGROUND_SEARCHES) {
          try {
            TestApp.Response r = b.get("/api/search?q=bruise");
            failedDuringSwitch.addAndGet(r.status() == 200 ? 0 : 1);
          } catch (Exception e) {
            failedDuringSwitch.incrementAndGet();
          }
          searched.incrementAndGet();
        }
      });
      searcher.start();

      // A trainer signs in on A and publishes a document there; it reaches B through the database.
      TestApp.Trainer alice = a.signIn("alice", "correct horse battery");
      String text = "# Travel abroad with a baby\n\n## What you should do\n\nCheck the passports when a family "
          + "plans to travel abroad with a baby subject to a child protection plan.\n";
      TestApp.Response published = a.multipart(alice, "POST", "/api/admin/documents", TestApp.Multipart.of(
          Map.of("title", "Travel abroad with a baby", "organisation", "Test Partnership", "type",
              "Procedure", "date", "2024-05"),
          "travel.md", text.getBytes(StandardCharsets.UTF_8)));
      assertEquals(201, published.status(), published.body());
      long uploaded = System.nanoTime();

      // B finds it and answers from it: A's mirror writes it to the database, B's takes it (every 2 s) and reindexes.
      // The collection is shared, so B's total counts the passage as soon as A switches the alias; B shows it
      // (and answers from it) once its own library, which holds the text, has it too: wait for the result.
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      int found = 0;
      while (found == 0 && System.nanoTime() < deadline) {
        Thread.sleep(500);
        found = b.get("/api/search?q=passports").json().getAsJsonObject()
            .getAsJsonArray("results").size();
      }
      double seconds = (System.nanoTime() - uploaded) / 1e9;
      searching.set(false);
      searcher.join(30_000);
      assertEquals(1, found, "the new document's one passage, found on replica B");
      System.out.printf(java.util.Locale.ROOT, "Upload on A to found on B: %.1f s; %d searches on B meanwhile%n",
          seconds, searched.get());
      // The watcher looks every 10 s; B's reload of the mini corpus takes well under a second more.
      assertTrue(seconds <= MAX_SECONDS_TO_SEE_A_CHANGE, "seen on B after " + seconds + " s");
      assertTrue(searched.get() > 0);
      assertEquals(0, failedDuringSwitch.get(), "searches that failed while the alias switched");
      JsonObject question = new JsonObject();
      question.addProperty("question", "what should I check when a family plans to travel abroad with a baby?");
      TestApp.Response answer = b.post("/api/ask", question.toString());
      assertEquals(200, answer.status(), answer.body());
      assertTrue(answer.body().contains("passports"), answer.body());
      assertEquals(200, b.as(alice, "GET", "/api/admin/session", null, null).status(), "A's sign-in honoured on B");

      JsonObject engine = engineOnceItSays(b, "2 of 2 nodes answer; serving guidance_");
      assertEquals("solrcloud", engine.get("name").getAsString());
      assertEquals("ready", engine.get("state").getAsString());

      // One Solr node stops: every search on both replicas still answers.
      cloud.stop(1);
      try {
        engineOnceItSays(a, "1 of 2 nodes answer");
        int failed = 0;
        for (int i = 0; i < 40; i++) {
          TestApp.Response r =
              (i % 2 == 0 ? a : b).get("/api/search?q=" + TestApp.enc(i % 4 < 2 ? "bruise" : "passports"));
          failed += r.status() == 200 && r.json().getAsJsonObject().get("total").getAsInt() > 0 ? 0 : 1;
        }
        assertEquals(0, failed, "searches that failed with a Solr node down");
      } finally {
        cloud.start(1); // for the tests after this one, whatever happened here
      }
    }
  }

  /**
   * The search engine's part of {@code app}'s {@code /health}, once its detail starts with {@code detail}: each
   * node is given two seconds (the connect timeout) to answer a health check, which a node of a busy 2-core
   * machine may take longer than once, so one look could count a running node as down.
   */
  private static JsonObject engineOnceItSays(TestApp app, String detail) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      // A look that counted no node (all missed their two seconds) is a 503: looked at again, as a miscount is.
      TestApp.Response health = app.get("/health");
      JsonObject engine = health.json().getAsJsonObject().getAsJsonObject("searchEngine");
      boolean says = health.status() == 200 && engine != null && engine.get("detail").getAsString().startsWith(detail);
      if (says || System.nanoTime() > deadline) {
        assertEquals(200, health.status(), health.body());
        assertTrue(says, health.body());
        return engine;
      }
      Thread.sleep(500);
    }
  }

  @Test
  @Order(3)
  void a_rebuild_left_half_done_by_a_replica_that_stopped_is_done_again_by_another_once_its_lease_lapses()
      throws Exception {
    LibraryHolder holder = miniCorpusWith("late.md", "# Late arrival\n\n## What you should do\n\nA late entry.\n");
    SolrCollections collections = new SolrCollections(nodes);
    SolrConfigset configset = configset();
    try (Database db = Database.open(TestPostgres.freshDatabase()); LibraryHolder.Lease lease = holder.acquire()) {
      Library library = lease.library();
      String name = SolrPublisher.collectionName(library);
      Leases leases = new Leases(db, Clock.systemUTC());
      // Replica A took the lease, created the collection, wrote one passage of several, and stopped. The
      // lease is taken last here, so that it is still held when B comes however long Solr took to create
      // the collection (2 to 3 s on a busy 2-core machine, near the lease's whole length).
      collections.ensureConfigset(configset);
      collections.create(name, configset.name(), 2, 2);
      var first = library.documents().values().iterator().next();
      collections.add(name,
          List.of(SolrPublisher.document(first.metadata(), library.passages(first.id()).get(0), null)));
      collections.commit(name);
      String servingBefore = collections.aliased().orElseThrow();
      assertTrue(leases.tryAcquire(SolrPublisher.LEASE, "replica-a", Duration.ofSeconds(3)));

      // Replica B publishes the same library: it does not wait on A's build (the older collection serves
      // meanwhile), and once A's lease has lapsed it builds the library again, in a collection of its own.
      long started = System.nanoTime();
      SolrPublisher replicaB = new SolrPublisher(collections, configset, 2, 2, new SolrPublisher.Lease() {

        @Override
        public boolean tryAcquire(String lease, Duration length) {
          return leases.tryAcquire(lease, "replica-b", length);
        }

        @Override
        public void release(String lease) {
          leases.release(lease, "replica-b");
        }
      });
      assertFalse(replicaB.publish(library), "B serves at once rather than wait on A's build");
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!replicaB.publish(library) && System.nanoTime() < deadline) {
        Thread.sleep(200); // as the reindexer asks again later
      }
      assertTrue((System.nanoTime() - started) / 1e9 >= 1.0, "waited for A's lease to lapse");
      String serving = collections.aliased().orElseThrow();
      assertTrue(SolrPublisher.holds(serving, library), serving);
      assertNotEquals(name, serving, "built under a name of its own, not on A's half-built collection");
      assertEquals(library.passageCount(), collections.count(SolrCollections.ALIAS), "every passage, not A's one");
      assertTrue(collections.collections().contains(servingBefore),
          "the collection before is kept for searches under way");
      assertFalse(collections.collections().contains(name), "A's half-built collection is deleted");
    }
    holder.close();
  }

  @Test
  @Order(4)
  void a_build_solr_refuses_leaves_no_collection_and_fails_with_solrs_error_so_the_reindexer_tries_again()
      throws Exception {
    LibraryHolder holder = miniCorpusWith("refused.md", "# Refused\n\n## What you should do\n\nNothing yet.\n");
    SolrCollections collections = new SolrCollections(nodes);
    SolrConfigset configset = configset();
    try (LibraryHolder.Lease lease = holder.acquire()) {
      Library library = lease.library();
      String servingBefore = collections.aliased().orElseThrow();
      // No shards: Solr refuses to create the collection, as it did once after a node restart.
      SolrPublisher refused = new SolrPublisher(collections, configset, 0, 2, ONLY_ME);
      assertThrows(SolrNodes.SolrException.class, () -> refused.publish(library));
      assertEquals(servingBefore, collections.aliased().orElseThrow(), "the collection before still serves");
      assertTrue(collections.collections().stream().noneMatch(c -> SolrPublisher.holds(c, library)),
          collections.collections().toString());
      // Asked again, with shards, it builds under a new name.
      assertTrue(new SolrPublisher(collections, configset, 2, 2, ONLY_ME).publish(library));
      assertTrue(SolrPublisher.holds(collections.aliased().orElseThrow(), library));
    }
    holder.close();
  }

  /** The mini corpus and one more file, indexed (BM25 only) into a holder of its own. */
  static LibraryHolder miniCorpusWith(String file, String text) throws Exception {
    Path dir = Files.createTempDirectory("corpus");
    TestApp.copyMiniCorpus(dir);
    Files.writeString(dir.resolve(file), text);
    LibraryHolder holder = new LibraryHolder();
    holder.swap(new IndexStore(Files.createTempDirectory("data"), CorpusReader.standard()).open(dir));
    return holder;
  }

  /** The configset the server uploads: its stop words and BM25 parameters. */
  static SolrConfigset configset() {
    return SolrConfigset.of(Analysis.stopWords(), IndexStore.DEFAULT_K1, IndexStore.DEFAULT_B);
  }
}
