package uk.safeguarding.guidance.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.safeguarding.guidance.corpus.Block;
import uk.safeguarding.guidance.corpus.Corpus;
import uk.safeguarding.guidance.corpus.CorpusReader;
import uk.safeguarding.guidance.corpus.DocumentMetadata;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.corpus.SourceDocument;
import uk.safeguarding.guidance.embed.Embedder;
import uk.safeguarding.guidance.index.Analysis;
import uk.safeguarding.guidance.index.IndexStore;
import uk.safeguarding.guidance.index.Library;
import uk.safeguarding.guidance.index.LibraryHolder;
import uk.safeguarding.guidance.ops.Hashes;
import uk.safeguarding.guidance.ops.Progress;
import uk.safeguarding.guidance.search.Filters;
import uk.safeguarding.guidance.search.SearchRequest;
import uk.safeguarding.guidance.search.SearchService;

/**
 * {@code eval --beir}: indexes a BEIR collection through the product's analysis and ranking, one
 * passage per document, and prints nDCG@10, recall@10, recall@100 and MRR@10 over its judged
 * queries. Stateless.
 */
public final class BeirRun {

  /** Documents ranked per query: the depth recall@100 reads. */
  private static final int RANKED = 100;
  /** The depth nDCG, recall and MRR are reported at. */
  private static final int CUTOFF = 10;
  /** Hex digits of the corpus file's SHA-256 in the index name: enough to tell two versions apart. */
  private static final int HASH_CHARS = 12;
  private static final int READ_BUFFER_BYTES = 1 << 16;

  private BeirRun() {}

  /** Scores the collection in {@code dir} on its {@code split} judgements in {@code mode}; {@code embedder} is null for bm25. */
  static void run(Path dir, String split, Path data, Embedder embedder, float k1, float b, String mode,
      PrintStream out) throws IOException {
    long t0 = System.nanoTime();
    Beir collection = Beir.read(dir, split);
    out.printf("%s: %d documents, %d queries with judgements (%s)%n", dir.getFileName(), collection.corpus().size(),
        collection.queries().size(), split);
    if (collection.queries().isEmpty()) {
      throw new IOException("No query in queries.jsonl has a positive judgement in qrels/" + split + ".tsv.");
    }
    Library library = indexFlat(collection, dir, data, embedder, k1, b);
    out.printf("  indexed in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    LibraryHolder holder = new LibraryHolder();
    holder.swap(library);
    try {
      score(collection, dir, split, library, embedder, k1, b, mode, out);
    } finally {
      holder.close(); // releases the library: its index reader closes
    }
  }

  /**
   * Indexes a BEIR collection as the product would, one passage per document, into {@code data}
   * (reused while {@code corpus.jsonl} is unchanged). Hits map back to BEIR ids through
   * {@code document().source()}. Also used by {@code tools/fusion-cv}.
   */
  public static Library indexFlat(Beir collection, Path dir, Path data, Embedder embedder, float k1, float b)
      throws IOException {
    List<SourceDocument> docs = new ArrayList<>();
    Map<String, List<Passage>> passages = new LinkedHashMap<>();
    for (Beir.Doc d : collection.corpus()) {
      String slug = "d-" + d.id().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
      String id = slug;
      for (int n = 2; passages.containsKey(id); n++) { // ids differing only in case or punctuation stay apart
        id = slug + "-" + n;
      }
      // One passage per document, title and abstract together in the body ("flat", as Anserini's best
      // BM25 does): a BEIR title is the abstract's first line, not a library document's title, so the
      // title field holds only the id and the title words are not counted twice.
      DocumentMetadata meta = new DocumentMetadata(id, id, "", "", "", "", List.of(), d.id());
      docs.add(new SourceDocument(meta, List.of(Block.paragraph(d.text())), dir));
      String text = d.title().isBlank() ? d.text() : d.title() + "\n\n" + d.text();
      passages.put(id, List.of(new Passage(id, "doc", List.of(id), text, 0)));
    }
    Path indexes = Files.createDirectories(data);
    IndexStore store = new IndexStore(indexes, CorpusReader.standard(), embedder, k1, b);
    // Named by the corpus file's content, so an edited collection is reindexed, never served stale.
    String hash =
        "beir-flat-" + dir.getFileName() + "-" + contentHash(dir.resolve("corpus.jsonl")) + "-k" + k1 + "-b" + b
            + (embedder == null ? "" : "-" + embedder.modelId());
    return store.open(new Corpus(docs, List.of()), passages, Analysis.withSynonyms(""), hash, "");
  }

  private static void score(Beir collection, Path dir, String split, Library library, Embedder embedder, float k1,
      float b, String mode, PrintStream out) {
    double ndcg = 0;
    double r10 = 0;
    double r100 = 0;
    double mrr = 0;
    int n = 0;
    long searchStart = System.nanoTime();
    Progress progress = Progress.printed(out, "scored", "queries", collection.queries().size());
    for (Map.Entry<String, String> q : collection.queries().entrySet()) {
      List<String> ranked = rank(library, embedder, mode, q.getValue());
      Map<String, Integer> relevant = collection.qrels().get(q.getKey());
      ndcg += Metrics.ndcg(ranked, relevant, CUTOFF);
      r10 += Metrics.recall(ranked, relevant, CUTOFF);
      r100 += Metrics.recall(ranked, relevant, RANKED);
      mrr += Metrics.reciprocalRank(ranked, relevant, CUTOFF);
      n++;
      progress.step();
    }
    progress.finish();
    out.printf("%s %s [%s, k1=%.2f b=%.2f]: nDCG@10=%.4f recall@10=%.4f recall@100=%.4f MRR@10=%.4f "
        + "(%d queries, %.1f ms/query)%n", dir.getFileName(), split, mode, k1, b, ndcg / n, r10 / n, r100 / n, mrr / n,
        n, (System.nanoTime() - searchStart) / 1e6 / n);
  }

  /** The BEIR ids of the top {@link #RANKED} documents for {@code query}, best first. */
  private static List<String> rank(Library library, Embedder embedder, String mode, String query) {
    // Long BEIR queries are cut where the API would refuse them, so figures match what a caller could ask.
    String text = SearchRequest.clip(query);
    if (mode.equals("dense")) {
      return library.nearest(embedder.embedQuery(text), RANKED).stream()
          .map(p -> library.documents().get(p.docId()).metadata().source()).toList();
    }
    return SearchService.search(library, SearchRequest.hitsOnly(text, RANKED, Filters.NONE), null, embedder)
        .hits().stream().map(h -> h.document().source()).toList();
  }

  private static String contentHash(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = Hashes.sha256();
      byte[] buffer = new byte[READ_BUFFER_BYTES];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        sha.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, HASH_CHARS);
    }
  }
}
