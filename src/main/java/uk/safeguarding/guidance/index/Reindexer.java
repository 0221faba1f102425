package uk.safeguarding.guidance.index;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.guidance.ops.Periodic;

/**
 * Builds a new library from the corpus folder on one background thread and swaps it in when it is
 * whole. Searches keep answering from the current library meanwhile; a failed build leaves it
 * serving and records why. Thread-safe; builds run one at a time, in the order asked.
 */
public final class Reindexer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Reindexer.class);

  /** Where indexing stands, for /health and the trainers' page. */
  public record Status(String state, String message, Instant at) {}

  private final IndexStore store;
  private final Path corpusDir;
  private final LibraryHolder holder;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "reindexer");
    t.setDaemon(true);
    return t;
  });
  private final java.util.concurrent.ScheduledExecutorService watcher =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "corpus-watcher");
        t.setDaemon(true);
        return t;
      });
  private final java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong generations = new java.util.concurrent.atomic.AtomicLong();
  private volatile double lastBuildSeconds;

  /** Builds that failed since start (the library before them kept serving). */
  public long failures() {
    return failures.get();
  }

  /** Libraries swapped in since start. */
  public long generations() {
    return generations.get();
  }

  /** How long the last successful build (or reuse) took, in seconds. */
  public double lastBuildSeconds() {
    return lastBuildSeconds;
  }

  /** The corpus hash of the last build started, so an unchanged folder is not rebuilt. */
  private volatile String lastHash;
  private final AtomicReference<Status> status =
      new AtomicReference<>(new Status("starting", "The library has not been indexed yet.", Instant.now()));

  /**
   * Runs on each new library before it serves here: in SolrCloud mode it waits until the shared
   * collection holds the library (building it, or waiting for the replica that does); a no-op embedded.
   */
  private final java.util.function.Predicate<Library> publish;
  /** Run after each library swapped in, on the indexing thread: each must only hand its work on. */
  private final List<Runnable> afterSwap = new java.util.concurrent.CopyOnWriteArrayList<>();

  public Reindexer(IndexStore store, Path corpusDir, LibraryHolder holder) {
    this(store, corpusDir, holder, library -> true);
  }

  public Reindexer(IndexStore store, Path corpusDir, LibraryHolder holder,
      java.util.function.Predicate<Library> publish) {
    this.store = store;
    this.corpusDir = corpusDir;
    this.holder = holder;
    this.publish = publish;
  }

  /** After a build failed because the search engine could not be reached, it is tried again this much later. */
  static final java.time.Duration ENGINE_RETRY = java.time.Duration.ofSeconds(10);

  /**
   * Runs {@code hook} after every library this reindexer swaps in (the first included), on the indexing
   * thread before that build's future completes: it must hand any slow work to another thread.
   */
  public void afterEachSwap(Runnable hook) {
    afterSwap.add(hook);
  }

  /** Starts a build; the future completes with the new library, or exceptionally with the reason. */
  public CompletableFuture<Library> reindex() {
    return CompletableFuture.supplyAsync(this::rebuild, worker);
  }

  public Status status() {
    return status.get();
  }

  /** The corpus files' sizes and times when last hashed; the watcher hashes again only when they move. */
  private volatile CorpusStamps lastStamps;

  /**
   * Checks the corpus folder every {@code interval} and reindexes when its content changed, so a
   * file a trainer saves into the folder by hand is picked up without a restart. Each check lists
   * sizes and modification times only; the files are read and hashed only when one of those moved
   * (a file added, removed, resized or saved), so an idle server reads no corpus bytes.
   */
  public void watch(java.time.Duration interval) {
    watcher.scheduleWithFixedDelay(Periodic.guarded("Checking the corpus folder", () -> {
      try {
        CorpusStamps stamps = CorpusStamps.of(corpusDir);
        if (stamps.equals(lastStamps) || "indexing".equals(status.get().state())) {
          return; // unchanged, or looked at again once the running build is done
        }
        String hash = CorpusHash.of(corpusDir);
        lastStamps = stamps;
        if (lastHash != null && !hash.equals(lastHash)) {
          LOG.info("The corpus folder changed; reindexing");
          reindex();
        }
      } catch (java.io.IOException | RuntimeException e) {
        LOG.warn("Cannot check the corpus folder for changes: " + e.getMessage());
      }
    }), interval.toMillis(), interval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  private Library rebuild() {
    status.set(new Status("indexing", "Reading the corpus and building the index.", Instant.now()));
    try {
      // Stamps first: a change landing between the two reads is then seen (and hashed) by the watcher.
      lastStamps = CorpusStamps.of(corpusDir);
      lastHash = CorpusHash.of(corpusDir);
    } catch (java.io.IOException e) {
      lastStamps = null;
      lastHash = null;
    }
    long started = System.nanoTime();
    try {
      Library library = store.open(corpusDir);
      boolean published;
      try {
        published = publish.test(library);
      } catch (RuntimeException e) {
        library.decRef(); // never served: its reader closes now
        throw e;
      }
      if (!published) {
        // Another replica is putting this library into the search engine: serve now, look again soon.
        republishLater(library.hash());
      }
      boolean first = !holder.isReady();
      if (!first) {
        try (LibraryHolder.Lease old = holder.acquire()) {
          // The generation being replaced goes from disk once the last search on it finishes.
          store.removeWhenClosed(old.library(), holder::currentHash);
        }
      }
      holder.swap(library);
      generations.incrementAndGet();
      lastBuildSeconds = (System.nanoTime() - started) / 1e9;
      if (first) {
        store.removeStale(library.hash()); // no reader can be on an old index before the first swap
      }
      status.set(new Status("ready", library.documents().size() + " documents, " + library.passageCount()
          + " passages" + (library.corpus().skipped().isEmpty() ? ""
              : ", " + library.corpus().skipped().size()
                  + " files skipped"),
          Instant.now()));
      afterSwap.forEach(Runnable::run);
      return library;
    } catch (RuntimeException e) {
      failures.incrementAndGet();
      LOG.error("Indexing failed; the current library keeps serving", e);
      status.set(new Status("failed", "Indexing failed: " + e.getMessage(), Instant.now()));
      if (e instanceof uk.safeguarding.guidance.solr.SolrNodes.SolrException) {
        lastHash = null; // the corpus did not change; the engine was away: try again soon
        watcher.schedule(this::reindex, ENGINE_RETRY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      }
      throw e;
    }
  }

  /** Asks the engine again to serve the current library, if it is still the one built as {@code hash}. */
  private void republish(String hash) {
    if (!hash.equals(holder.currentHash())) {
      return; // replaced since: its own build published it
    }
    try (LibraryHolder.Lease lease = holder.acquire()) {
      if (!publish.test(lease.library())) {
        republishLater(hash);
      }
    } catch (RuntimeException e) {
      LOG.warn("Cannot make the search engine serve library {}; trying again in {}: {}", hash, ENGINE_RETRY,
          e.getMessage());
      republishLater(hash);
    }
  }

  private void republishLater(String hash) {
    watcher.schedule(() -> republish(hash), ENGINE_RETRY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /**
   * Stops watching and lets builds already asked for finish (up to {@link #CLOSE_WAIT}), so a stop
   * never leaves a half-written index folder behind or deletes one under a running build.
   */
  @Override
  public void close() {
    watcher.shutdownNow();
    worker.shutdown();
    try {
      if (!worker.awaitTermination(CLOSE_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        LOG.warn("A reindex was still running after " + CLOSE_WAIT + "; interrupting it");
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  static final java.time.Duration CLOSE_WAIT = java.time.Duration.ofSeconds(60);
}
