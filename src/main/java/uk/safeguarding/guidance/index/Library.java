package uk.safeguarding.guidance.index;

import java.io.IOException;
import java.io.Serial;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import uk.safeguarding.guidance.corpus.Corpus;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.corpus.SourceDocument;

/**
 * One immutable version of the library: the documents, their passages and the open index over
 * them. A reindex builds a new Library and swaps it in; searches hold the one they started with.
 * Thread-safe. Reference-counted through its reader: see {@link LibraryHolder}.
 */
public final class Library {

  private final Corpus corpus;
  private final Map<String, SourceDocument> documents;
  private final Map<String, List<Passage>> passagesByDoc;
  private final Map<String, Passage> passagesById;
  private final Passage[] passageByLuceneDoc;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Analysis analysis;
  private final String hash;
  private final boolean reused;
  private final String glossarySource;
  private final Map<String, float[]> vectors;
  /** A scan of every vector, when the library is small enough for it to beat the graph; else null. */
  private final ExactNearest exactNearest;
  private final Catalog catalog;
  private final FacetOrdinals facetOrdinals;
  private final boolean idOrdered;
  /** The ordinal (in {@link Catalog#facets}) of the document each Lucene document's passage belongs to. */
  private final int[] documentOrdinalByLuceneDoc;
  /** The same ordinals by document id, for rankings that come back as ids (SolrCloud). */
  private final Map<String, Integer> documentOrdinals;

  Library(Corpus corpus, Map<String, List<Passage>> passagesByDoc, DirectoryReader reader,
      Analysis analysis, String hash, boolean reused, float k1, float b, String glossarySource,
      Map<String, float[]> vectors) {
    this.vectors = vectors == null ? null : Map.copyOf(vectors);
    this.glossarySource = glossarySource == null ? "" : glossarySource;
    this.corpus = corpus;
    Map<String, SourceDocument> docs = new LinkedHashMap<>();
    corpus.documents().forEach(d -> docs.put(d.id(), d));
    this.documents = Collections.unmodifiableMap(docs);
    this.passagesByDoc = Collections.unmodifiableMap(new LinkedHashMap<>(passagesByDoc));
    Map<String, Passage> byId = new LinkedHashMap<>();
    passagesByDoc.values().forEach(ps -> ps.forEach(p -> byId.put(p.id(), p)));
    this.passagesById = Collections.unmodifiableMap(byId);
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    this.searcher.setSimilarity(new BM25Similarity(k1, b));
    this.analysis = analysis;
    this.hash = hash;
    this.reused = reused;
    this.passageByLuceneDoc = new Passage[reader.maxDoc()];
    int unknown = 0;
    try {
      var stored = reader.storedFields();
      for (int i = 0; i < reader.maxDoc(); i++) {
        passageByLuceneDoc[i] = byId.get(stored.document(i).get(Fields.ID));
        unknown += passageByLuceneDoc[i] == null ? 1 : 0;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read passage ids from the index", e);
    }
    // Never serve an index built from other files: every indexed passage must be one of these, and all of them.
    if (unknown > 0 || reader.numDocs() != byId.size()) {
      throw new MismatchException(hash, reader.numDocs(), byId.size(), unknown);
    }
    this.catalog = Catalog.of(new ArrayList<>(docs.values()));
    this.facetOrdinals = new FacetOrdinals(catalog.facets());
    this.idOrdered = reader.leaves().size() <= 1 && reader.leaves().stream()
        .allMatch(leaf -> IndexBuilder.ID_ORDER.equals(leaf.reader().getMetaData().getSort()));
    Map<String, Integer> ordinals = new LinkedHashMap<>();
    docs.keySet().forEach(id -> ordinals.put(id, ordinals.size()));
    this.documentOrdinals = Collections.unmodifiableMap(ordinals);
    this.documentOrdinalByLuceneDoc = new int[passageByLuceneDoc.length];
    for (int i = 0; i < passageByLuceneDoc.length; i++) {
      documentOrdinalByLuceneDoc[i] = ordinals.get(passageByLuceneDoc[i].docId());
    }
    // A scan reads every document number, so only an index without deletions (every one of them live).
    this.exactNearest =
        this.vectors != null && !reader.hasDeletions() && ExactNearest.worthIt(passageByLuceneDoc.length)
            ? new ExactNearest(
                Arrays.stream(passageByLuceneDoc).map(p -> this.vectors.get(p.id())).toArray(float[][]::new))
            : null;
  }

  /** The index on disk does not hold exactly the passages read from the corpus. */
  public static final class MismatchException extends IllegalStateException {

    @Serial
    private static final long serialVersionUID = 1L;

    MismatchException(String hash, int indexed, int read, int unknown) {
      super(
          "The index " + hash + " holds " + indexed + " passages (" + unknown + " unknown) but the corpus has " + read);
    }
  }

  /** Runs {@code listener} once the last search has released this library and its reader is closed. */
  void onClosed(Runnable listener) {
    reader.getReaderCacheHelper().addClosedListener(key -> listener.run());
  }

  public Corpus corpus() {
    return corpus;
  }

  public Map<String, SourceDocument> documents() {
    return documents;
  }

  public List<Passage> passages(String docId) {
    return passagesByDoc.getOrDefault(docId, List.of());
  }

  public Passage passage(String id) {
    return passagesById.get(id);
  }

  public List<Passage> allPassages() {
    return new ArrayList<>(passagesById.values());
  }

  public int passageCount() {
    return passagesById.size();
  }

  /** Filter values and facet values, worked out once for this generation. */
  public Catalog catalog() {
    return catalog;
  }

  /**
   * Whether Lucene document numbers follow passage ids (one segment sorted by id), so ranking by
   * score alone already breaks ties by id. False for an index built before that layout.
   */
  public boolean idOrdered() {
    return idOrdered;
  }

  /** The facet values as ordinals, for counting; same document ordinals as {@link Catalog#facets}. */
  public FacetOrdinals facetOrdinals() {
    return facetOrdinals;
  }

  /** The ordinal in {@link Catalog#facets} of the document a Lucene document's passage belongs to. */
  public int documentOrdinalAt(int luceneDoc) {
    return documentOrdinalByLuceneDoc[luceneDoc];
  }

  /** The ordinal in {@link Catalog#facets} of a document, or -1 when this library does not hold it. */
  public int documentOrdinal(String docId) {
    return documentOrdinals.getOrDefault(docId, -1);
  }

  /**
   * The Lucene document number of a passage, or -1 when this index does not hold it or is not
   * sorted by passage id (then only a scan could find it, and callers have a way round).
   */
  public int luceneDoc(String passageId) {
    if (!idOrdered) {
      return -1;
    }
    // Ids are slugs, so String order is the UTF-8 byte order the index is sorted in; a miss is -1 either way.
    int lo = 0;
    int hi = passageByLuceneDoc.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = passageByLuceneDoc[mid].id().compareTo(passageId);
      if (c == 0) {
        return mid;
      }
      if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return -1;
  }

  /** The passage a Lucene document id stands for (ids are stable for this reader). */
  public Passage passageAt(int luceneDoc) {
    return passageByLuceneDoc[luceneDoc];
  }

  public IndexSearcher searcher() {
    return searcher;
  }

  /** Whether passages carry dense vectors in {@link Fields#VECTOR}. */
  public boolean dense() {
    return vectors != null;
  }

  /** A passage's unit-length embedding, or null when dense retrieval is off. */
  public float[] vector(String passageId) {
    return vectors == null ? null : vectors.get(passageId);
  }

  /**
   * The {@code k} passages whose vectors are nearest {@code queryVector} (unit length), nearest
   * first: dense retrieval alone, without BM25 or fusion, for measuring it on its own.
   *
   * @throws IllegalStateException when this library has no vectors
   */
  public List<Passage> nearest(float[] queryVector, int k) {
    if (!dense()) {
      throw new IllegalStateException("The index " + hash + " holds no vectors: it was built with dense retrieval off");
    }
    try {
      return Arrays.stream(nearestDocs(queryVector, k, null).scoreDocs).map(d -> passageAt(d.doc)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Nearest-vector search failed in the index " + hash, e);
    }
  }

  /**
   * The {@code k} Lucene documents nearest {@code queryVector} among those {@code filter} lets through
   * (all when null), best first. Unfiltered, a library small enough for it
   * ({@link ExactNearest#MAX_PASSAGES}, no deletions) is scanned with Lucene's own score: the same
   * scores, never an approximation. A filter or a larger library goes to Lucene's graph, which itself
   * scans when few passages pass the filter.
   */
  public TopDocs nearestDocs(float[] queryVector, int k, Query filter) throws IOException {
    return filter == null && exactNearest != null ? exactNearest.nearest(queryVector, k)
        : searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, queryVector, k, filter), k);
  }

  /** The trainers' glossary file as given; may be empty. */
  public String glossarySource() {
    return glossarySource;
  }

  public Analysis analysis() {
    return analysis;
  }

  /** How the index ranks by words ("BM25(k1=…,b=…)"), for keys of what depends on that ranking. */
  public String similarity() {
    return searcher.getSimilarity().toString();
  }

  /** The content hash of the corpus this library was built from. */
  public String hash() {
    return hash;
  }

  /** Whether the index was reused from disk rather than built on opening. */
  public boolean reused() {
    return reused;
  }

  boolean tryIncRef() {
    return reader.tryIncRef();
  }

  void decRef() {
    try {
      reader.decRef();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close an old index reader", e);
    }
  }
}
