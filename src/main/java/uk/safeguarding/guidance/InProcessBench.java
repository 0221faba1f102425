package uk.safeguarding.guidance;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;
import uk.safeguarding.guidance.corpus.CorpusReader;
import uk.safeguarding.guidance.index.IndexStore;
import uk.safeguarding.guidance.index.Library;
import uk.safeguarding.guidance.index.LibraryHolder;
import uk.safeguarding.guidance.search.Filters;
import uk.safeguarding.guidance.search.LuceneBaseline;
import uk.safeguarding.guidance.search.SearchRequest;
import uk.safeguarding.guidance.search.SearchResults;
import uk.safeguarding.guidance.search.SearchService;

/**
 * {@code Bench --in-process}: the search call itself, without HTTP or JSON, against a bare Lucene
 * top 10 on the same index with the same queries (BM25). One thread. The variants take turns in
 * short slices, so a change in the machine's load falls on all of them alike and their ratio holds
 * where the absolute figures do not. Stateless.
 */
final class InProcessBench {

  /** Results asked for, as the search page asks. */
  static final int PAGE = 10;
  /** Turns each variant takes, interleaved with the others; more turns spread load changes more evenly. */
  static final int SLICES = 6;
  /** Unmeasured seconds per variant first: the JIT has compiled the whole search path well within this. */
  static final int WARM_SECONDS = 10;

  private InProcessBench() {}

  /** One way of running query {@code i}; returns a number from its result so the work cannot be dropped. */
  private record Variant(String name, IntUnaryOperator call) {}

  /** Calls and their durations for one variant, over all its slices. */
  private static final class Tally {

    final List<Long> nanos = new ArrayList<>();
    long elapsed;
    long sink;
  }

  static void run(Path corpus, Path data, List<String> texts, int seconds, PrintStream out) {
    long t0 = System.nanoTime();
    // BM25 only: the bare baseline has no vectors to fuse, and the figure is for words alone.
    Library library = new IndexStore(data.resolve("in-process"), CorpusReader.standard()).open(corpus);
    out.printf("library: %d documents, %d passages, opened in %.1f s (%s)%n", library.documents().size(),
        library.passageCount(), (System.nanoTime() - t0) / 1e9, library.reused() ? "index reused" : "index built");
    LibraryHolder holder = new LibraryHolder();
    holder.swap(library);
    try {
      SearchService service = new SearchService(holder);
      LuceneBaseline bare = LuceneBaseline.of(library, texts);
      List<String> queries = bare.texts();
      out.printf("%d queries (%d of stop words alone left out), 1 thread, %d cores%n", queries.size(),
          texts.size() - queries.size(), Runtime.getRuntime().availableProcessors());
      checkSameRanking(service, library, bare, out);
      List<Variant> variants = List.of(
          new Variant("full search (facets, snippets)", i -> service.search(SearchRequest.of(queries.get(i), PAGE))
              .total()),
          new Variant("search, facets=none", i -> service.search(new SearchRequest(queries.get(i), PAGE, 0,
              Filters.NONE, false, SearchRequest.Group.PASSAGE)).total()),
          new Variant("bare IndexSearcher.search(query, 10)", i -> bare.run(i, PAGE)));
      measure(variants, queries.size(), WARM_SECONDS); // warm-up, not reported
      Tally[] tallies = measure(variants, queries.size(), seconds);
      double bareRate = rate(tallies[variants.size() - 1]);
      for (int v = 0; v < variants.size(); v++) {
        report(out, variants.get(v).name(), tallies[v], bareRate);
      }
    } finally {
      holder.close();
    }
  }

  /** The full search must rank exactly what bare Lucene ranks, or the comparison is of different work. */
  private static void checkSameRanking(SearchService service, Library library, LuceneBaseline bare,
      PrintStream out) {
    int same = 0;
    for (int i = 0; i < bare.size(); i++) {
      SearchResults full = service.search(SearchRequest.of(bare.texts().get(i), PAGE));
      List<String> ids = full.hits().stream().map(h -> h.passage().id()).toList();
      same += ids.equals(bare.topIds(library, i, PAGE)) ? 1 : 0;
    }
    out.printf("top %d identical to bare Lucene's for %d of %d queries%n", PAGE, same, bare.size());
  }

  /** Each variant runs {@code seconds} in all, in {@link #SLICES} turns, cycling through the queries. */
  private static Tally[] measure(List<Variant> variants, int queries, int seconds) {
    Tally[] tallies = new Tally[variants.size()];
    Arrays.setAll(tallies, v -> new Tally());
    int[] next = new int[variants.size()];
    long slice = seconds * 1_000_000_000L / SLICES;
    for (int s = 0; s < SLICES; s++) {
      for (int v = 0; v < variants.size(); v++) {
        Tally t = tallies[v];
        long start = System.nanoTime();
        long end = start + slice;
        long now = start;
        while (now < end) {
          t.sink += variants.get(v).call().applyAsInt(next[v]++ % queries);
          long after = System.nanoTime();
          t.nanos.add(after - now);
          now = after;
        }
        t.elapsed += now - start;
      }
    }
    return tallies;
  }

  private static double rate(Tally t) {
    return t.nanos.size() / (t.elapsed / 1e9);
  }

  private static void report(PrintStream out, String name, Tally t, double bareRate) {
    List<Long> sorted = new ArrayList<>(t.nanos);
    sorted.sort(null);
    double p50 = sorted.get(sorted.size() / 2) / 1e6;
    double p99 = sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6;
    out.printf("[%s] calls=%d %.0f q/s p50=%.2f ms p99=%.2f ms, %.2f× bare Lucene (checksum %d)%n", name,
        sorted.size(), rate(t), p50, p99, rate(t) / bareRate, t.sink);
  }
}
