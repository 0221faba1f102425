package uk.safeguarding.guidance.screen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.guidance.embed.Embedder;
import uk.safeguarding.guidance.ops.BuildFingerprint;
import uk.safeguarding.guidance.ops.Causes;
import uk.safeguarding.guidance.ops.CheckedFile;
import uk.safeguarding.guidance.ops.TrainingMemo;

/**
 * The running safety screen: trained in the background at start-up from the shipped bank plus the
 * trainers' {@value ExampleFiles#TRAINER_FILE}, and trained again (the old screen serving until the
 * new one is ready) when that file changes. Thread-safe.
 */
public final class ScreenService {

  private static final Logger LOG = LoggerFactory.getLogger(ScreenService.class);
  /** How often the server looks at the trainers' file for changes ({@link #checkForChanges}): a stat call. */
  public static final Duration CHECK_EVERY = Duration.ofSeconds(10);
  /**
   * The first ask waits at most this long for the first screen: training takes 15 to 25 s, and about a
   * minute on a first start while the examples are embedded (54 s measured at -Xmx256m, 2026-12-07).
   */
  static final Duration FIRST_TRAINING = Duration.ofMinutes(2);

  /** The trained screen's file in the data folder ({@link CheckedFile}). */
  static final String FILE = "safety-screen.bin";
  /** The file's format and version: a change to {@link SafetyScreen#writeTo} bumps it. */
  static final String FORMAT = "guidance-safety-screen/1";

  /** When no screen could be trained, every question gets the emergency prompt rather than none. */
  static final Verdict UNAVAILABLE = new Verdict(true, 1, 0, List.of("the safety screen is unavailable"), "");
  /** Screens trained in this process, by their settings, embedding model and examples. */
  private static final TrainingMemo<SafetyScreen> MEMO = new TrainingMemo<>();

  private final Path corpusDir;
  /** Where the trained screen is kept between restarts; null: nowhere. */
  private final Path file;
  private final Embedder embedder;
  private final Executor executor;
  private final CompletableFuture<SafetyScreen> first = new CompletableFuture<>();
  private final AtomicReference<SafetyScreen> current = new AtomicReference<>();
  private final AtomicReference<FileTime> trainedOn = new AtomicReference<>(FileTime.fromMillis(0));
  private final AtomicReference<List<String>> skipped = new AtomicReference<>(List.of());
  private final AtomicBoolean retraining = new AtomicBoolean();

  /**
   * Starts training on {@code executor}. {@code embedder} null trains the lexical-only screen.
   */
  public ScreenService(Path corpusDir, Embedder embedder, Executor executor) {
    this(corpusDir, embedder, executor, null);
  }

  /**
   * As above, and the trained screen is kept in {@code dataDir} ({@value #FILE}; null: not kept), so the
   * next start of the same build with the same examples reads it instead of training it again.
   */
  public ScreenService(Path corpusDir, Embedder embedder, Executor executor, Path dataDir) {
    this.corpusDir = corpusDir;
    this.embedder = embedder;
    this.executor = executor;
    this.file = dataDir == null ? null : dataDir.resolve(FILE);
    executor.execute(this::train);
  }

  /** The verdict on a question; waits for the first training if it is still running. */
  public Verdict assess(String question) {
    SafetyScreen s = current.get();
    if (s == null) {
      try {
        s = first.get(FIRST_TRAINING.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return UNAVAILABLE;
      } catch (ExecutionException | TimeoutException e) {
        return UNAVAILABLE; // never stay silent about danger because the screen is missing: show the prompt
      }
    }
    return s.assess(question);
  }

  /** Forgets the screens trained in this process, as a restart would (tests of what a restart reads). */
  static void forgetRemembered() {
    MEMO.forget();
  }

  /** Whether the first screen is trained. */
  public boolean isReady() {
    return current.get() != null;
  }

  /** Lines of the trainers' file that were skipped, with reasons (for /health). */
  public List<String> skipped() {
    return skipped.get();
  }

  /**
   * Retrains in the background when the trainers' file changed since the screen serving was trained
   * (the old one serves meanwhile). The server calls this every {@link #CHECK_EVERY}, so a change takes
   * effect without waiting for a question to notice it.
   */
  public void checkForChanges() {
    if (current.get() != null && !modified().equals(trainedOn.get()) && retraining.compareAndSet(false, true)) {
      executor.execute(this::train);
    }
  }

  private FileTime modified() {
    try {
      Path f = corpusDir.resolve(ExampleFiles.TRAINER_FILE);
      return Files.exists(f) ? Files.getLastModifiedTime(f) : FileTime.fromMillis(0);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  private void train() {
    FileTime stamp = modified();
    ExampleFiles.Loaded trainers = ExampleFiles.trainerFile(corpusDir); // an unreadable file: a skipped line
    List<Example> examples = new ArrayList<>();
    try {
      examples.addAll(ExampleFiles.bank());
      examples.addAll(trainers.examples());
      long start = System.nanoTime();
      SafetyScreen.Settings settings = embedder == null ? SafetyScreen.LEXICAL : SafetyScreen.HYBRID;
      String key = settings + "|" + (embedder == null ? "" : embedder.modelId()) + "|" + TrainingMemo.digest(examples);
      SafetyScreen s = MEMO.get(key, () -> kept(key + "|" + BuildFingerprint.current(), examples, settings),
          () -> true).using(embedder);
      current.set(s);
      trainedOn.set(stamp);
      skipped.set(trainers.skipped());
      first.complete(s);
      LOG.info(String.format("Safety screen ready from %d examples (%d from %s) in %d ms, %s, threshold %.3f",
          examples.size(), trainers.examples().size(), ExampleFiles.TRAINER_FILE,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
          embedder == null ? "lexical" : "embedding + lexical",
          s.threshold()));
      trainers.skipped().forEach(r -> LOG.warn("Safety screen example skipped: " + r));
    } catch (RuntimeException | OutOfMemoryError e) {
      // Out of memory too (a heap set below what the examples' embeddings need): the failed allocation is
      // the training's own, so the server carries on, and no question waits for a screen that never comes.
      if (Thread.currentThread().isInterrupted() || Causes.any(e, InterruptedException.class::isInstance)) {
        LOG.debug("Safety screen training stopped: the server is stopping");
        return;
      }
      LOG.error("The safety screen could not be trained; the previous one (if any) keeps serving", e);
      trainedOn.set(stamp); // tried on this version of the trainers' file: again only when it changes
      if (current.get() == null) {
        SafetyScreen lexical = embedder == null || examples.isEmpty() ? null : lexicalFallback(examples);
        if (lexical == null) {
          first.completeExceptionally(e);
        } else {
          // Said where /health lists what the screen could not use, so an operator sees it without the log.
          List<String> said = new ArrayList<>();
          said.add("the screen with the embedding model could not be trained (" + TrainingMemo.whyFailed(e)
              + "); the lexical-only screen serves");
          said.addAll(trainers.skipped());
          skipped.set(List.copyOf(said));
          current.set(lexical);
          first.complete(lexical);
        }
      }
    } finally {
      retraining.set(false);
    }
  }

  /** The screen in {@link #file} when it was trained from what {@code key} names; else trained now, and kept there. */
  private SafetyScreen kept(String key, List<Example> examples, SafetyScreen.Settings settings) {
    return CheckedFile.kept(file, FORMAT, key, "the safety screen", in -> SafetyScreen.readFrom(in, embedder, settings),
        () -> SafetyScreen.train(examples, embedder, settings), s -> s::writeTo, () -> true);
  }

  /**
   * The lexical-only screen, when the first screen with the embedding model cannot be trained: it
   * needs no model and little memory, and misses fewer urgent questions than it flags calm ones
   * (BENCHMARKS.md §4: recall 0.995, false alarms 0.19), which beats the emergency prompt on every
   * question. Null when it cannot be trained either. {@code examples}: those the failed training read.
   */
  private static SafetyScreen lexicalFallback(List<Example> examples) {
    try {
      SafetyScreen s = SafetyScreen.train(examples, null, SafetyScreen.LEXICAL).using(null);
      LOG.warn(String.format("Safety screen: serving the lexical-only screen (threshold %.3f) until the "
          + "trainers' examples change; give the server more heap (-Xmx) or check the embedding model", s.threshold()));
      return s;
    } catch (RuntimeException | OutOfMemoryError e) {
      LOG.error("The lexical safety screen could not be trained either; every question gets the emergency prompt", e);
      return null;
    }
  }
}
