package uk.safeguarding.guidance.index;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.guidance.corpus.Corpus;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.corpus.SourceDocument;
import uk.safeguarding.guidance.ops.Progress;

/**
 * Writes one index folder: every passage as a Lucene document ({@link PassageDocuments}), in id
 * order, merged into one segment, written beside its final name and renamed into place once
 * committed, so a crash mid-build never leaves a half index under a name that looks whole.
 * Immutable; thread-safe for builds into different folders.
 */
final class IndexBuilder {

  private static final Logger LOG = LoggerFactory.getLogger(IndexBuilder.class);

  /**
   * Passages lie in the index in id order, merged into one segment: Lucene's own tie-break for equal
   * scores (the lower document number first) is then the passage-id order search promises, so a
   * search needs no per-hit id comparisons (see {@link Library#idOrdered}).
   */
  static final Sort ID_ORDER = new Sort(new SortField(Fields.ID, SortField.Type.STRING));

  private final float k1;
  private final float b;

  /** Builds with BM25 parameters {@code k1} and {@code b} (the norms Lucene stores depend on them). */
  IndexBuilder(float k1, float b) {
    this.k1 = k1;
    this.b = b;
  }

  /**
   * Builds the index of {@code passages} into {@code dir}, which must not exist yet; {@code vectors}
   * (by passage id) may be null for BM25 only.
   */
  void build(Path dir, Corpus corpus, Map<String, List<Passage>> passages, Analysis analysis,
      Map<String, float[]> vectors) throws IOException {
    Path building = dir.resolveSibling(dir.getFileName() + ".building-" + System.nanoTime());
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
        for (Passage p : ps) {
          writer.addDocument(PassageDocuments.of(doc.metadata(), p, vectors == null ? null : vectors.get(p.id())));
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
}
