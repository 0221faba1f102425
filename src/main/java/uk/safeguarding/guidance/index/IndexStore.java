package uk.safeguarding.guidance.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.guidance.corpus.Corpus;
import uk.safeguarding.guidance.corpus.CorpusReader;
import uk.safeguarding.guidance.corpus.Folders;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.corpus.PassageSplitter;
import uk.safeguarding.guidance.corpus.SourceDocument;
import uk.safeguarding.guidance.embed.Embedder;

/**
 * The index lifecycle for a corpus folder. Each index lives in {@code data/index/<hash>}, named by
 * the content hash of the corpus ({@link CorpusHash}): an unchanged corpus reuses its index on
 * restart, a changed one gets a new index built beside the old ({@link IndexBuilder}), and old
 * folders go once their last search is done. Thread-safe for concurrent {@link #open} calls on
 * different corpora; callers serialise reindexing.
 */
public final class IndexStore {

  private static final Logger LOG = LoggerFactory.getLogger(IndexStore.class);

  /** BM25 parameters; tuned on the practitioner questions (see BENCHMARKS.md). */
  public static final float DEFAULT_K1 = 1.2f;
  public static final float DEFAULT_B = 0.75f;

  /** How many times a corpus that changes while it is read is read again before the build gives up. */
  static final int SNAPSHOT_ATTEMPTS = 5;

  private final Path indexRoot;
  private final CorpusReader reader;
  private final PassageSplitter splitter = new PassageSplitter();
  private final float k1;
  private final float b;
  private final Embedder embedder;
  private final IndexBuilder builder;

  /** BM25 only. */
  public IndexStore(Path dataDir, CorpusReader reader) {
    this(dataDir, reader, null);
  }

  /** With dense vectors when {@code embedder} is not null. */
  public IndexStore(Path dataDir, CorpusReader reader, Embedder embedder) {
    this(dataDir, reader, embedder, DEFAULT_K1, DEFAULT_B);
  }

  public IndexStore(Path dataDir, CorpusReader reader, Embedder embedder, float k1, float b) {
    this.indexRoot = dataDir.resolve("index");
    this.reader = reader;
    this.embedder = embedder;
    this.k1 = k1;
    this.b = b;
    this.builder = new IndexBuilder(k1, b);
  }

  /** Reads the corpus and opens its index, building it first if the corpus changed. */
  public Library open(Path corpusDir) {
    try {
      Files.createDirectories(indexRoot);
      // A snapshot: the files are hashed before and after they are read, and read again if a trainer's
      // change landed in between, so an index is never named by a hash of files it was not built from.
      for (int attempt = 1;; attempt++) {
        String before = CorpusHash.of(corpusDir);
        Corpus corpus = reader.read(corpusDir);
        Analysis analysis = Analysis.withSynonyms(readFile(corpusDir, CorpusReader.SYNONYMS_FILE));
        String glossary = readFile(corpusDir, CorpusReader.GLOSSARY_FILE);
        Map<String, List<Passage>> passages = new LinkedHashMap<>();
        for (SourceDocument doc : corpus.documents()) {
          passages.put(doc.id(), splitter.split(doc));
        }
        if (before.equals(CorpusHash.of(corpusDir))) {
          return open(corpus, passages, analysis, before + (embedder == null ? "" : "-" + embedder.modelId()),
              glossary);
        }
        if (attempt == SNAPSHOT_ATTEMPTS) {
          throw new IllegalStateException("The corpus folder kept changing while it was read (" + SNAPSHOT_ATTEMPTS
              + " tries); the current library keeps serving and the next change starts another build");
        }
        LOG.info("The corpus folder changed while it was read; reading it again");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the index under " + indexRoot + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens (building if needed) an index over given passages; {@code hash} names it. Used for the
   * corpus folder and for evaluation collections that arrive already split.
   */
  public Library open(Corpus corpus, Map<String, List<Passage>> passages, Analysis analysis, String hash,
      String glossary) {
    try {
      Files.createDirectories(indexRoot);
      Path dir = indexRoot.resolve(hash);
      boolean reuse;
      try (Directory existing = FSDirectory.open(dir)) {
        reuse = Files.isDirectory(dir) && DirectoryReader.indexExists(existing);
      }
      // Vectors come from the embedding cache when unchanged, so reopening costs no model runs.
      Map<String, float[]> vectors = PassageVectors.of(embedder, corpus, passages);
      if (!reuse) {
        builder.build(dir, corpus, passages, analysis, vectors);
      }
      LOG.info((reuse ? "Reused" : "Built") + " index " + hash.substring(0, 12) + ": "
          + corpus.documents().size() + " documents, "
          + passages.values().stream().mapToInt(List::size).sum() + " passages, "
          + corpus.skipped().size() + " skipped");
      try {
        return library(dir, corpus, passages, analysis, hash, reuse, glossary, vectors);
      } catch (Library.MismatchException e) {
        if (!reuse) {
          throw e;
        }
        // A folder left by an older build that does not hold these passages: never reused, rebuilt.
        LOG.warn(e.getMessage() + "; rebuilding it");
        Folders.deleteTree(dir);
        builder.build(dir, corpus, passages, analysis, vectors);
        return library(dir, corpus, passages, analysis, hash, false, glossary, vectors);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the index under " + indexRoot + ": " + e.getMessage(), e);
    }
  }

  private Library library(Path dir, Corpus corpus, Map<String, List<Passage>> passages, Analysis analysis, String hash,
      boolean reused, String glossary, Map<String, float[]> vectors) throws IOException {
    DirectoryReader directoryReader = DirectoryReader.open(FSDirectory.open(dir));
    try {
      return new Library(corpus, passages, directoryReader, analysis, hash, reused, k1, b, glossary, vectors);
    } catch (RuntimeException e) {
      directoryReader.close();
      throw e;
    }
  }

  /** Deletes {@code hash}'s folder once its library is closed, unless it has become current again. */
  public void removeWhenClosed(Library old, Supplier<String> current) {
    old.onClosed(() -> {
      if (!old.hash().equals(current.get())) {
        try {
          Folders.deleteTree(indexRoot.resolve(old.hash()));
        } catch (IOException e) {
          LOG.warn("Could not remove the old index " + old.hash() + "; it goes at the next start: " + e.getMessage());
        }
      }
    });
  }

  /** Deletes index folders other than {@code keep}, and builds a crash left half done. */
  public void removeStale(String keep) {
    try (Stream<Path> dirs = Files.list(indexRoot)) {
      for (Path dir : dirs.filter(d -> !d.getFileName().toString().equals(keep)).toList()) {
        Folders.deleteTree(dir);
      }
    } catch (IOException e) {
      LOG.warn("Could not remove old indexes under " + indexRoot + ": " + e.getMessage());
    }
  }

  private static String readFile(Path corpusDir, String name) throws IOException {
    Path file = corpusDir.resolve(name);
    return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
