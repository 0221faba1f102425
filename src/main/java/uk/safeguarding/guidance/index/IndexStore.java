package uk.safeguarding.guidance.index;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.guidance.corpus.ActionSections;
import uk.safeguarding.guidance.corpus.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.VectorSimilarityFunction;
import uk.safeguarding.guidance.embed.Embedder;
import uk.safeguarding.guidance.ops.Hashes;
import uk.safeguarding.guidance.ops.Progress;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import uk.safeguarding.guidance.corpus.Corpus;
import uk.safeguarding.guidance.corpus.CorpusReader;
import uk.safeguarding.guidance.corpus.DocumentMetadata;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.corpus.PassageSplitter;
import uk.safeguarding.guidance.corpus.SourceDocument;

/**
 * Builds and opens the index for a corpus folder. Each index lives in {@code data/index/<hash>},
 * named by the content hash of the corpus (documents and synonyms): an unchanged corpus reuses its
 * index on restart, a changed one gets a new index built beside the old, committed, then renamed
 * into place, so a crash mid-build never leaves a half index where a whole one is expected.
 * Thread-safe for concurrent {@link #open} calls on different corpora; callers serialise reindexing.
 */
public final class IndexStore {

  private static final Logger LOG = LoggerFactory.getLogger(IndexStore.class);
  /** Bump when analysis or field mapping changes, so old indexes are not reused. */
  static final String FORMAT = "passages-v5";
  public static final String SYNONYMS_FILE = "synonyms.txt";
  public static final String GLOSSARY_FILE = "glossary.txt";

  /**
   * Passages lie in the index in id order, merged into one segment: Lucene's own tie-break for equal
   * scores (the lower document number first) is then the passage-id order search promises, so a
   * search needs no per-hit id comparisons (see {@link Library#idOrdered}).
   */
  public static final Sort ID_ORDER = new Sort(new SortField(Fields.ID, SortField.Type.STRING));

  private final Path indexRoot;
  private final CorpusReader reader;
  private final PassageSplitter splitter = new PassageSplitter();
  private final float k1;
  private final float b;
  private final Embedder embedder;

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
  }

  /** BM25 parameters; tuned on the practitioner questions (see BENCHMARKS.md). */
  public static final float DEFAULT_K1 = 1.2f;
  public static final float DEFAULT_B = 0.75f;

  /** Reads the corpus and opens its index, building it first if the corpus changed. */
  public Library open(Path corpusDir) {
    try {
      Files.createDirectories(indexRoot);
      // A snapshot: the files are hashed before and after they are read, and read again if a trainer's
      // change landed in between, so an index is never named by a hash of files it was not built from.
      for (int attempt = 1; ; attempt++) {
        String before = hash(corpusDir);
        Corpus corpus = reader.read(corpusDir);
        Analysis analysis = Analysis.withSynonyms(readFile(corpusDir, SYNONYMS_FILE));
        String glossary = readFile(corpusDir, GLOSSARY_FILE);
        Map<String, List<Passage>> passages = new LinkedHashMap<>();
        for (SourceDocument doc : corpus.documents()) {
          passages.put(doc.id(), splitter.split(doc));
        }
        if (before.equals(hash(corpusDir))) {
          return open(corpus, passages, analysis, before + (embedder == null ? "" : "-" + embedder.modelId()), glossary);
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

  /** Passages embedded per call: large enough to keep the model's batches full, small enough for progress lines. */
  private static final int EMBED_CHUNK = 64;

  /** How many times a corpus that changes while it is read is read again before the build gives up. */
  static final int SNAPSHOT_ATTEMPTS = 5;

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
      Map<String, float[]> vectors = vectors(corpus, passages);
      if (!reuse) {
        build(dir, corpus, passages, analysis, vectors);
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
        build(dir, corpus, passages, analysis, vectors);
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
  public void removeWhenClosed(Library old, java.util.function.Supplier<String> current) {
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

  private Map<String, float[]> vectors(Corpus corpus, Map<String, List<Passage>> passages) {
    if (embedder == null) {
      return null;
    }
    List<Passage> all = new java.util.ArrayList<>();
    corpus.documents().forEach(d -> all.addAll(passages.get(d.id())));
    List<String> texts = all.stream().map(IndexStore::embeddingText).toList();
    // In chunks, for a progress line on a large corpus; unchanged passages come from the embedding cache.
    List<float[]> vs = new java.util.ArrayList<>(texts.size());
    Progress progress = Progress.logged(LOG, "Embedding passages", "passages", texts.size());
    for (int i = 0; i < texts.size(); i += EMBED_CHUNK) {
      List<String> chunk = texts.subList(i, Math.min(texts.size(), i + EMBED_CHUNK));
      vs.addAll(embedder.embedPassages(chunk));
      progress.advance(chunk.size());
    }
    progress.finish();
    Map<String, float[]> out = new java.util.HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      out.put(all.get(i).id(), vs.get(i));
    }
    return out;
  }

  private void build(Path dir, Corpus corpus, Map<String, List<Passage>> passages, Analysis analysis,
      Map<String, float[]> vectors) throws IOException {
    Path building = indexRoot.resolve(dir.getFileName() + ".building-" + System.nanoTime());
    IndexWriterConfig config = new IndexWriterConfig(analysis.index())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setSimilarity(new BM25Similarity(k1, b))
        .setIndexSort(ID_ORDER);
    Progress progress = Progress.logged(LOG, "Indexing passages", "passages",
        passages.values().stream().mapToLong(List::size).sum());
    try (Directory directory = FSDirectory.open(building);
        IndexWriter writer = new IndexWriter(directory, config)) {
      for (SourceDocument doc : corpus.documents()) {
        List<Passage> ps = passages.get(doc.id());
        progress.advance(ps.size());
        for (int i = 0; i < ps.size(); i++) {
          Document lucene = toLucene(doc.metadata(), ps.get(i));
          if (vectors != null) {
            // Unit-length vectors, so dot product is cosine and cheapest to compute.
            lucene.add(new KnnFloatVectorField(Fields.VECTOR, vectors.get(ps.get(i).id()), VectorSimilarityFunction.DOT_PRODUCT));
          }
          writer.addDocument(lucene);
        }
      }
      writer.forceMerge(1); // one segment: the id order holds across the whole index
      writer.commit();
    }
    progress.finish();
    try {
      Files.move(building, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(building, dir);
    }
  }

  /** What the model embeds for a passage: where it sits (its headings) and what it says. */
  public static String embeddingText(Passage passage) {
    return String.join(" › ", passage.subPath()) + "\n" + passage.text();
  }

  static Document toLucene(DocumentMetadata meta, Passage passage) {
    Document doc = new Document();
    // Exact id, stored to map hits back to passages, and sorted on to break score ties.
    doc.add(new StringField(Fields.ID, passage.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(Fields.ID, new BytesRef(passage.id())));
    doc.add(new StringField(Fields.DOC_ID, meta.id(), Field.Store.YES));
    // Title and heading path are searched separately so they can weigh more than body text.
    doc.add(new TextField(Fields.TITLE, meta.title() + " " + passage.headingPath().get(0), Field.Store.NO));
    doc.add(new TextField(Fields.SECTION, String.join(" ", passage.subPath()), Field.Store.NO));
    doc.add(new TextField(Fields.BODY, passage.text(), Field.Store.YES));
    // Filters match lowercase exact values; the display form comes from the metadata.
    doc.add(new StringField(Fields.TYPE, lower(meta.documentType()), Field.Store.NO));
    doc.add(new StringField(Fields.ORGANISATION, lower(meta.organisation()), Field.Store.NO));
    meta.themes().forEach(t -> doc.add(new StringField(Fields.THEME, lower(t), Field.Store.NO)));
    doc.add(new StringField(Fields.YEAR, meta.year(), Field.Store.NO));
    doc.add(new StringField(Fields.KIND, kind(passage), Field.Store.NO));
    return doc;
  }

  /** Passages that tell a practitioner what to do ({@link ActionSections}), as the index's kind field. */
  public static String kind(Passage passage) {
    return ActionSections.isAction(passage) ? "action" : "other";
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  static String readFile(Path corpusDir, String name) throws IOException {
    Path file = corpusDir.resolve(name);
    return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  /** Editor swap files and version-control folders are not the corpus. */
  static boolean ignored(String relativePath) {
    return relativePath.startsWith(".") || relativePath.contains("/.");
  }

  /** The SHA-256 of every file under the corpus folder (paths and bytes) and the index format. */
  public static String hash(Path corpusDir) throws IOException {
    MessageDigest digest = Hashes.sha256();
    digest.update(FORMAT.getBytes(StandardCharsets.UTF_8));
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpusDir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      String rel = corpusDir.relativize(file).toString().replace('\\', '/');
      if (ignored(rel)) {
        continue;
      }
      digest.update(rel.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(Files.readAllBytes(file));
      digest.update((byte) 0);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

}
