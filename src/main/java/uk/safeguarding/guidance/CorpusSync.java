package uk.safeguarding.guidance;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.guidance.curate.CorpusMirror;
import uk.safeguarding.guidance.index.Reindexer;
import uk.safeguarding.guidance.ops.Periodic;

/**
 * With replicas sharing a PostgreSQL, the corpus of record is in the database: this replica's corpus
 * folder is mirrored to and from it ({@link CorpusMirror}) once before the first index and then every
 * {@link #PERIOD}; a change taken from another replica is indexed at once, so a trainer's upload on
 * one replica serves on every replica within seconds. Not used with H2 (one replica, the folder is
 * the record).
 */
final class CorpusSync implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CorpusSync.class);
  /** How often the folder and the database are compared: a few reads of SHA-256s, cheap. */
  static final Duration PERIOD = Duration.ofSeconds(2);

  private final CorpusMirror mirror;
  private final Reindexer reindexer;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "corpus-mirror");
    t.setDaemon(true);
    return t;
  });

  CorpusSync(CorpusMirror mirror, Reindexer reindexer) {
    this.mirror = mirror;
    this.reindexer = reindexer;
  }

  /** The first sync, now: the first index is then built from the shared corpus. */
  void first() {
    try {
      mirror.sync();
    } catch (RuntimeException e) {
      LOG.warn("Cannot mirror the corpus with the shared database; serving this folder as it is: {}", e.getMessage());
    }
  }

  void start() {
    timer.scheduleWithFixedDelay(Periodic.guarded("Mirroring the corpus", () -> {
      try {
        if (mirror.sync().pulled() > 0) {
          reindexer.reindex();
        }
      } catch (RuntimeException e) {
        LOG.warn("Corpus mirror failed; tried again in {}: {}", PERIOD, e.getMessage());
      }
    }), PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
  }

  static CorpusSync of(uk.safeguarding.guidance.store.Database database, java.nio.file.Path corpusDir,
      Reindexer reindexer, Clock clock) {
    return new CorpusSync(new CorpusMirror(database, corpusDir, clock), reindexer);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
