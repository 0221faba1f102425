package uk.safeguarding.guidance;

import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.guidance.auth.Accounts;
import uk.safeguarding.guidance.auth.LoginLimiter;
import uk.safeguarding.guidance.auth.Sessions;
import uk.safeguarding.guidance.curate.Curator;
import uk.safeguarding.guidance.store.Database;
import uk.safeguarding.guidance.store.Dialect;
import uk.safeguarding.guidance.store.Quotas;
import uk.safeguarding.guidance.learning.LearningStore;
import uk.safeguarding.guidance.answer.AskService;
import uk.safeguarding.guidance.answer.Conversations;
import uk.safeguarding.guidance.answer.SharedConversations;
import uk.safeguarding.guidance.corpus.CorpusReader;
import uk.safeguarding.guidance.embed.BgeSmallEmbedder;
import uk.safeguarding.guidance.embed.CachedEmbedder;
import uk.safeguarding.guidance.embed.Embedder;
import uk.safeguarding.guidance.embed.OnnxNatives;
import uk.safeguarding.guidance.http.AdminServices;
import uk.safeguarding.guidance.http.RateLimiter;
import uk.safeguarding.guidance.http.Services;
import uk.safeguarding.guidance.http.TrustedProxies;
import uk.safeguarding.guidance.http.WebServer;
import uk.safeguarding.guidance.index.IndexStore;
import uk.safeguarding.guidance.index.LibraryHolder;
import uk.safeguarding.guidance.index.Reindexer;
import uk.safeguarding.guidance.ops.IdleMemory;
import uk.safeguarding.guidance.ops.Periodic;
import uk.safeguarding.guidance.screen.ScreenService;
import uk.safeguarding.guidance.search.SearchService;

/**
 * The running assistant: the library, the services over it and the HTTP server. The server
 * answers at once; /health says 503 until the first index is ready.
 */
public final class GuidanceApp {

  private static final Logger LOG = LoggerFactory.getLogger(GuidanceApp.class);
  /** How often the corpus folder is checked for hand edits (a hash of every file: cheap at this size). */
  static final Duration CORPUS_CHECK = Duration.ofSeconds(10);

  private final LibraryHolder holder;
  private final Reindexer reindexer;
  private final Javalin server;
  private final Database database;
  private final LearningStore learning;
  private final Accounts accounts;
  private final ScheduledExecutorService housekeeping;
  private final java.util.concurrent.ExecutorService training;
  private final ScreenService screen;
  private final AskService ask;
  /** The corpus folder mirrored with the shared database, or null (H2: the folder is the record). */
  private final CorpusSync corpusSync;
  /** Conversations in the shared database, or null when they are kept in memory (one replica). */
  private final SharedConversations sharedConversations;
  /** Conversation rows deleted since the database was last compacted. */
  private final java.util.concurrent.atomic.AtomicInteger forgottenTurns =
      new java.util.concurrent.atomic.AtomicInteger();
  /** How often expired conversations are deleted from the shared database. */
  static final Duration FORGET_CONVERSATIONS = Duration.ofMinutes(5);

  private GuidanceApp(AppConfig config) {
    this.holder = new LibraryHolder();
    // The safety screen always has the embedding model: with --dense off it is loaded for the screen
    // alone, since the lexical-only screen misses more urgent situations (BENCHMARKS.md).
    OnnxNatives.useFolderUnder(config.dataDir()); // not the temp folder, where a crash would leave them
    Embedder model = new CachedEmbedder(new BgeSmallEmbedder(), config.dataDir());
    Embedder embedder = config.dense() ? model : null;
    CorpusReader reader = CorpusReader.forUploadsUpTo(config.maxUploadBytes());
    Clock clock = Clock.systemUTC();
    this.database = Database.open(config.database());
    SearchBackends.Choice backend = SearchBackends.choose(config, database, clock);
    this.reindexer = new Reindexer(new IndexStore(config.dataDir(), reader, embedder), config.corpusDir(), holder,
        backend.publish());
    this.learning = new LearningStore(database, clock, Duration.ofDays(config.retentionDays()));
    this.accounts = new Accounts(database, clock);
    SearchService search = new SearchService(holder, embedder, backend.backend());
    this.training = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "training"); // the safety screen, then the answer step's models
      t.setDaemon(true);
      return t;
    });
    this.screen = new ScreenService(config.corpusDir(), model, training, config.dataDir());
    // Replicas sharing a PostgreSQL share the corpus of record and conversations too.
    this.corpusSync = database.dialect() == Dialect.POSTGRESQL
        ? CorpusSync.of(database, config.corpusDir(), reindexer, clock)
        : null;
    if (corpusSync != null) {
      corpusSync.first();
    }
    this.sharedConversations = database.dialect() == Dialect.POSTGRESQL
        ? new SharedConversations(database, clock, Conversations.MAX_TURNS, Conversations.TIME_TO_LIVE)
        : null;
    this.ask = new AskService(search, holder,
        sharedConversations != null ? sharedConversations : Conversations.standard(), learning, screen, embedder,
        config.corpusDir(), config.dataDir());
    Curator curator = new Curator(config.corpusDir(), config.dataDir(), reader, reindexer::reindex, learning,
        config.maxUploadBytes(), clock);
    AdminServices admin = new AdminServices(curator, learning, accounts, new Sessions(database, clock),
        database.dialect() == Dialect.POSTGRESQL ? LoginLimiter.shared(database, clock) : new LoginLimiter(clock),
        config.secureCookies());
    Services services = new Services(holder, reindexer, search, ask, screen, admin);
    // Replicas sharing a PostgreSQL count each client's requests there, so the limit is one across them.
    RateLimiter limiter = database.dialect() == Dialect.POSTGRESQL
        ? RateLimiter.shared(config.rateLimitPerMinute(), clock, new Quotas(database, "api")::tryTake)
        : RateLimiter.local(config.rateLimitPerMinute(), clock);
    // SolrCloud's alias can lag behind the library this replica serves, so its hash would not name what
    // a cached response searched: no response cache there.
    int searchCacheMb = config.solr() == null ? config.searchCacheMb() : 0;
    this.server = WebServer.create(services, limiter, TrustedProxies.parse(config.trustedProxies()), searchCacheMb);
    this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "retention");
      t.setDaemon(true);
      return t;
    });
  }

  public static GuidanceApp start(AppConfig config) {
    IdleMemory.returnWhenIdle();
    GuidanceApp app = new GuidanceApp(config);
    app.server.start(config.host(), config.port());
    // The answer step's models learn as soon as each library is ready: the first, so the first question
    // does not wait the five seconds or so it takes (an ask arriving earlier waits for the same training),
    // and every later one (a trainer's upload, edit or examples), rather than on the next question, which at
    // a small heap would wait for them. The training thread has trained the safety screen before them; the
    // hook queues the models there before the first build's future completes, so the heap both needed goes
    // back once they are done.
    app.reindexer.afterEachSwap(() -> app.training.execute(app.ask::prepare));
    app.reindexer.reindex().whenCompleteAsync((done, failed) -> IdleMemory.settle(), app.training);
    if (app.corpusSync != null) {
      app.corpusSync.start();
    }
    // Files a trainer saves into the corpus folder by hand are picked up without a restart.
    app.reindexer.watch(CORPUS_CHECK);
    // A trainer's change to the safety screen's examples is learned within seconds, asked about or not.
    long screenCheck = ScreenService.CHECK_EVERY.toSeconds();
    app.housekeeping.scheduleAtFixedRate(Periodic.guarded("Checking the safety screen's examples",
        app.screen::checkForChanges), screenCheck, screenCheck, TimeUnit.SECONDS);
    // Feedback and unanswered questions past the retention go at start and then daily.
    app.housekeeping.scheduleAtFixedRate(Periodic.guarded("The retention purge", app::purge), 0, 1, TimeUnit.DAYS);
    long trim = IdleMemory.TRIM_EVERY.toSeconds();
    app.housekeeping.scheduleAtFixedRate(Periodic.guarded("Trimming native memory", IdleMemory::trimNativeHeap),
        trim, trim, TimeUnit.SECONDS);
    if (app.sharedConversations != null) {
      app.housekeeping.scheduleAtFixedRate(Periodic.guarded("Forgetting expired conversations",
          app::forgetConversations), FORGET_CONVERSATIONS.toMinutes(),
          FORGET_CONVERSATIONS.toMinutes(), TimeUnit.MINUTES);
    }
    return app;
  }

  /** Blocks until the first index is ready; for tests and tools. */
  public GuidanceApp awaitReady(Duration timeout) throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!holder.isReady()) {
      if ("failed".equals(reindexer.status().state())) {
        throw new IllegalStateException(reindexer.status().message());
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("The index was not ready within " + timeout);
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
    return this;
  }

  /**
   * Blocks until the safety screen has trained too (it embeds its examples on a first start); for
   * the benchmark, whose figures should not include that work.
   */
  public GuidanceApp awaitScreen(Duration timeout) throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!screen.isReady()) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("The safety screen was not trained within " + timeout);
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
    return this;
  }

  public int port() {
    return server.port();
  }

  public Reindexer reindexer() {
    return reindexer;
  }

  /** Trainer accounts and API tokens; for tests and tools. */
  public Accounts accounts() {
    return accounts;
  }

  /** Feedback, unanswered questions and the audit log; for tests and tools. */
  public LearningStore learning() {
    return learning;
  }

  private void forgetConversations() {
    try {
      forgottenTurns.addAndGet(sharedConversations.forgetExpired());
    } catch (RuntimeException e) {
      LOG.warn("Could not delete expired conversations; tried again in " + FORGET_CONVERSATIONS, e);
    }
  }

  private void purge() {
    try {
      // Deleted conversation rows leave the table's files with the daily compaction.
      if (sharedConversations != null && forgottenTurns.getAndSet(0) > 0) {
        database.compact(SharedConversations.TABLE);
      }
    } catch (RuntimeException e) {
      LOG.warn("Compacting the conversations table failed; it runs again tomorrow", e);
    }
    try {
      LearningStore.Purged p = learning.purge();
      if (p.feedback() + p.unanswered() > 0) {
        LOG.info("Retention: deleted " + p.feedback() + " feedback and " + p.unanswered() + " unanswered records");
      }
    } catch (RuntimeException e) {
      LOG.warn("Retention purge failed; it runs again tomorrow", e);
    }
  }

  public void stop() {
    server.stop();
    housekeeping.shutdownNow();
    if (corpusSync != null) {
      corpusSync.close();
    }
    training.shutdownNow();
    reindexer.close();
    holder.close();
    database.close();
  }
}
