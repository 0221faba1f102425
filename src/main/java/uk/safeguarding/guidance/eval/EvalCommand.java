package uk.safeguarding.guidance.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TopDocs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import uk.safeguarding.guidance.answer.AnswerLog;
import uk.safeguarding.guidance.answer.AskService;
import uk.safeguarding.guidance.answer.Conversations;
import uk.safeguarding.guidance.corpus.Block;
import uk.safeguarding.guidance.corpus.Corpus;
import uk.safeguarding.guidance.corpus.CorpusReader;
import uk.safeguarding.guidance.corpus.DocumentMetadata;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.corpus.SourceDocument;
import uk.safeguarding.guidance.embed.BgeSmallEmbedder;
import uk.safeguarding.guidance.embed.CachedEmbedder;
import uk.safeguarding.guidance.embed.Embedder;
import uk.safeguarding.guidance.index.Analysis;
import uk.safeguarding.guidance.index.Fields;
import uk.safeguarding.guidance.index.IndexStore;
import uk.safeguarding.guidance.index.Library;
import uk.safeguarding.guidance.index.LibraryHolder;
import uk.safeguarding.guidance.ops.Commands;
import uk.safeguarding.guidance.ops.Hashes;
import uk.safeguarding.guidance.ops.Progress;
import uk.safeguarding.guidance.search.Filters;
import uk.safeguarding.guidance.search.SearchRequest;
import uk.safeguarding.guidance.screen.Example;
import uk.safeguarding.guidance.screen.ExampleFiles;
import uk.safeguarding.guidance.screen.ScreenEval;
import uk.safeguarding.guidance.screen.ScreenService;
import uk.safeguarding.guidance.search.SearchService;

/**
 * {@code eval}: scores the search pipeline on practitioner question files against a corpus folder,
 * or on a BEIR collection indexed into a temporary index through the same analysis and ranking.
 * Filled once by picocli, then run; not thread-safe.
 */
@Command(name = "eval", customSynopsis = "java -jar guidance-assistant.jar eval [options]",
    description = "Scores search and answers on question files, a BEIR collection, or the safety screen.")
public final class EvalCommand implements Callable<Integer> {

  private static final List<String> MODES = List.of("bm25", "hybrid", "both", "dense");
  private static final List<String> SCREEN_RUNS = List.of("test", "sweep");

  @Mixin
  Commands.HelpOptions help;

  @Option(names = "--questions", paramLabel = "FILE",
      description = "a question file ({\"q\", \"expect\"} / {\"q\", \"outOfScope\": true} lines); repeatable")
  List<Path> questionFiles = new ArrayList<>();

  @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "corpus",
      description = "corpus for --questions (default ./corpus)")
  Path corpus;

  @Option(names = "--beir", paramLabel = "DIR",
      description = "a BEIR collection (corpus.jsonl, queries.jsonl, qrels/SPLIT.tsv)")
  Path beir;

  @Option(names = "--split", paramLabel = "NAME", defaultValue = "test",
      description = "BEIR qrels split (default test; tune on train)")
  String split;

  @Option(names = "--mode", paramLabel = "M", defaultValue = "both",
      description = "bm25, hybrid, both (the two) or dense (embeddings alone, for comparison); default both")
  String mode;

  @Option(names = "--k1", paramLabel = "X", defaultValue = "" + IndexStore.DEFAULT_K1,
      description = "BM25 term saturation (default " + IndexStore.DEFAULT_K1 + ")")
  float k1;

  @Option(names = "--b", paramLabel = "Y", defaultValue = "" + IndexStore.DEFAULT_B,
      description = "BM25 length normalisation, 0 to 1 (default " + IndexStore.DEFAULT_B + ")")
  float b;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "data/eval",
      description = "embedding cache and temporary indexes (default ./data/eval)")
  Path data;

  @Option(names = "--screen", paramLabel = "WHAT",
      description = {"the safety screen: 'test' (train on the bank's train split, score its test split),",
          "'sweep' (also the cross-validated settings sweep on the train split)"})
  String screen;

  @Option(names = "--situations", paramLabel = "FILE",
      description = "with --screen: also score these {\"q\", \"urgent\"} lines with the screen trained on the whole bank")
  Path situations;

  @Spec
  CommandSpec spec;

  private final PrintStream out;

  public EvalCommand(PrintStream out) {
    this.out = out;
  }

  /** Runs {@code eval} on {@code args}, errors included, into {@code out}: 0 done, 1 failed, 2 bad input. */
  public static int run(String[] args, PrintStream out) {
    return Commands.execute(new EvalCommand(out), args, out, out);
  }

  @Override
  public Integer call() {
    check();
    try {
      Embedder embedder = mode.equals("bm25") ? null
          : new ProgressEmbedder(new CachedEmbedder(new BgeSmallEmbedder(), data), out);
      if (screen != null) {
        List<Example> extra = situations == null ? null : ExampleFiles.jsonLines(situations).examples();
        ScreenEval.run(mode.equals("bm25") ? null : new CachedEmbedder(new BgeSmallEmbedder(), data), extra,
            situations == null ? null : situations.getFileName().toString(), screen.equals("sweep"), out);
        if (questionFiles.isEmpty() && beir == null) {
          return 0;
        }
      }
      List<String> modes = mode.equals("both") ? List.of("bm25", "hybrid") : List.of(mode);
      for (String m : modes) {
        Embedder e = m.equals("bm25") ? null : embedder;
        if (!questionFiles.isEmpty()) {
          questions(questionFiles, corpus, data, e, k1, b, m, out);
        }
        if (beir != null) {
          beir(beir, split, data, e, k1, b, m, out);
        }
      }
      return 0;
    } catch (IOException | RuntimeException e) {
      out.println("Error: " + e.getMessage());
      return 1;
    }
  }

  /** The checks no single option can make alone; a failure is bad input (exit 2, with the usage). */
  private void check() {
    if (!Float.isFinite(k1) || k1 < 0) {
      throw bad("The option '--k1' needs a number of 0 or more, got '" + k1 + "'.");
    }
    if (!Float.isFinite(b) || b < 0 || b > 1) {
      throw bad("The option '--b' must be from 0 to 1, got '" + b + "'.");
    }
    if (!MODES.contains(mode)) {
      throw bad("The mode must be bm25, hybrid, both or dense, got '" + mode + "'.");
    }
    if (screen != null && !SCREEN_RUNS.contains(screen)) {
      throw bad("The option '--screen' must be test or sweep, got '" + screen + "'.");
    }
    if (situations != null && screen == null) {
      throw bad("The option '--situations' needs '--screen test'.");
    }
    if (questionFiles.isEmpty() && beir == null && screen == null) {
      throw bad("Give --questions FILE, --beir DIR or --screen test.");
    }
  }

  private ParameterException bad(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private static void questions(List<Path> files, Path corpus, Path data, Embedder embedder, float k1, float b,
      String mode, PrintStream out) throws IOException {
    LibraryHolder holder = new LibraryHolder();
    holder.swap(new IndexStore(data, CorpusReader.standard(), embedder, k1, b).open(corpus));
    SearchService search = new SearchService(holder, embedder);
    // The screen only sets the urgent flag, which these figures do not score: trained here, synchronously.
    AskService ask = new AskService(search, holder, Conversations.standard(), AnswerLog.NONE,
        new ScreenService(corpus, embedder, Runnable::run), embedder);
    for (Path file : files) {
      List<Question> qs = Question.read(file);
      QuestionEval.Report r = QuestionEval.run(qs, q -> mode.equals("dense")
          ? nearest(holder, embedder, q, 10).stream().map(Passage::text).toList()
          : search.search(SearchRequest.hitsOnly(q, 10, Filters.NONE)).hits().stream().map(h -> h.passage().text()).toList());
      out.printf("%s [%s] %s%n", file.getFileName(), mode, r);
      if (!mode.equals("dense")) { // answers always go through the search ranking
        Progress asked = Progress.printed(out, "asked", "questions", qs.size());
        AskEval.Report report = AskEval.run(qs, request -> {
          try {
            return ask.ask(request);
          } finally {
            asked.step();
          }
        });
        asked.finish();
        out.printf("%s [%s] %s%n", file.getFileName(), mode, report);
        if (Boolean.getBoolean("eval.failures")) {
          report.failures().forEach(f -> out.println("  " + f));
        }
      }
    }
    holder.close();
  }

  private static void beir(Path dir, String split, Path data, Embedder embedder, float k1, float b, String mode,
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
      String slug = "d-" + d.id().toLowerCase().replaceAll("[^a-z0-9]+", "-");
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
    String hash = "beir-flat-" + dir.getFileName() + "-" + contentHash(dir.resolve("corpus.jsonl")) + "-k" + k1 + "-b" + b
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
      String text = q.getValue().length() > SearchRequest.MAX_QUERY_CHARS
          ? q.getValue().substring(0, SearchRequest.MAX_QUERY_CHARS) : q.getValue();
      List<String> ranked = mode.equals("dense")
          ? nearest(library, embedder, text, 100).stream().map(p -> library.documents().get(p.docId()).metadata().source())
              .toList()
          : SearchService.search(library, SearchRequest.hitsOnly(text, 100, Filters.NONE), null, embedder)
              .hits().stream().map(h -> h.document().source()).toList();
      Map<String, Integer> relevant = collection.qrels().get(q.getKey());
      ndcg += Metrics.ndcg(ranked, relevant, 10);
      r10 += Metrics.recall(ranked, relevant, 10);
      r100 += Metrics.recall(ranked, relevant, 100);
      mrr += Metrics.reciprocalRank(ranked, relevant, 10);
      n++;
      progress.step();
    }
    progress.finish();
    out.printf("%s %s [%s, k1=%.2f b=%.2f]: nDCG@10=%.4f recall@10=%.4f recall@100=%.4f MRR@10=%.4f "
            + "(%d queries, %.1f ms/query)%n", dir.getFileName(), split, mode, k1, b, ndcg / n, r10 / n, r100 / n, mrr / n,
        n, (System.nanoTime() - searchStart) / 1e6 / n);
  }

  private static String contentHash(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = Hashes.sha256();
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        sha.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    }
  }

  private static List<Passage> nearest(LibraryHolder holder, Embedder embedder, String query, int k) {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      return nearest(lease.library(), embedder, query, k);
    }
  }

  /** The {@code k} passages nearest the query's embedding: dense retrieval alone, no fusion. */
  private static List<Passage> nearest(Library library, Embedder embedder, String query, int k) {
    try {
      TopDocs knn = library.searcher().search(
          new KnnFloatVectorQuery(Fields.VECTOR, embedder.embedQuery(query), k), k);
      return Arrays.stream(knn.scoreDocs).map(d -> library.passageAt(d.doc)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Dense search failed for '" + query + "'", e);
    }
  }
}
