package uk.safeguarding.guidance;

import io.javalin.Javalin;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import uk.safeguarding.guidance.answer.AnswerLog;
import uk.safeguarding.guidance.answer.AskService;
import uk.safeguarding.guidance.answer.Conversations;
import uk.safeguarding.guidance.corpus.CorpusReader;
import uk.safeguarding.guidance.embed.BgeSmallEmbedder;
import uk.safeguarding.guidance.embed.CachedEmbedder;
import uk.safeguarding.guidance.embed.Embedder;
import uk.safeguarding.guidance.http.Services;
import uk.safeguarding.guidance.http.WebServer;
import uk.safeguarding.guidance.index.IndexStore;
import uk.safeguarding.guidance.index.LibraryHolder;
import uk.safeguarding.guidance.index.Reindexer;
import uk.safeguarding.guidance.search.SearchService;

/**
 * The running assistant: the library, the services over it and the HTTP server. The server
 * answers at once; /health says 503 until the first index is ready.
 */
public final class GuidanceApp {

  private final LibraryHolder holder;
  private final Reindexer reindexer;
  private final Javalin server;

  private GuidanceApp(AppConfig config) {
    this.holder = new LibraryHolder();
    Embedder embedder = config.dense() ? new CachedEmbedder(new BgeSmallEmbedder(), config.dataDir()) : null;
    this.reindexer = new Reindexer(new IndexStore(config.dataDir(), CorpusReader.standard(), embedder),
        config.corpusDir(), holder);
    SearchService search = new SearchService(holder, embedder);
    AskService ask = new AskService(search, holder, Conversations.standard(), AnswerLog.NONE);
    Services services = new Services(holder, reindexer, search, ask);
    this.server = WebServer.create(services, config.rateLimitPerMinute());
  }

  public static GuidanceApp start(AppConfig config) {
    GuidanceApp app = new GuidanceApp(config);
    app.server.start(config.host(), config.port());
    app.reindexer.reindex();
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

  public int port() {
    return server.port();
  }

  public Reindexer reindexer() {
    return reindexer;
  }

  public void stop() {
    server.stop();
    reindexer.close();
    holder.close();
  }
}
