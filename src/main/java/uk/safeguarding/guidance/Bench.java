package uk.safeguarding.guidance;

import uk.safeguarding.guidance.corpus.Folders;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.safeguarding.guidance.eval.Beir;
import uk.safeguarding.guidance.eval.Question;
import uk.safeguarding.guidance.ops.Commands;
import uk.safeguarding.guidance.ops.Logging;

/**
 * Latency benchmark: starts the server in-process on a loopback port, builds the index (cold, then
 * a restart that reuses it), and drives {@code GET /api/search} from N concurrent clients for a
 * bounded time, for BM25 and hybrid. Prints figures for BENCHMARKS.md. Run:
 * {@code java -cp target/guidance-assistant.jar uk.safeguarding.guidance.Bench}.
 */
@Command(name = "bench", customSynopsis = "java -cp guidance-assistant.jar uk.safeguarding.guidance.Bench [options]",
    description = "Index build time and /api/search latency (p50/p90/p99), BM25 and hybrid; or, with "
        + "--in-process, the search call against bare Lucene.")
public final class Bench implements Callable<Integer> {

  /** A longer run adds nothing to the percentiles and only keeps the machine busy. */
  private static final int MAX_SECONDS = 120;

  @Mixin
  Commands.HelpOptions help;

  @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "corpus", description = "corpus (default ./corpus)")
  Path corpus;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "data/bench",
      description = "indexes, rebuilt from scratch (default ./data/bench)")
  Path data;

  @Option(names = "--clients", paramLabel = "N", defaultValue = "8", description = "concurrent clients (default 8)")
  int clients;

  @Option(names = "--seconds", paramLabel = "N", defaultValue = "20",
      description = "measured seconds per mode, at most " + MAX_SECONDS + " (default 20)")
  int seconds;

  @Option(names = "--questions", paramLabel = "FILE", split = ",",
      defaultValue = "src/test/resources/eval/dev.jsonl,src/test/resources/eval/practitioner.jsonl",
      description = "question files whose questions are the queries; repeatable or comma-separated "
          + "(default src/test/resources/eval/dev.jsonl and practitioner.jsonl)")
  List<Path> questionFiles;

  @Option(names = "--beir", paramLabel = "DIR",
      description = "take the queries from a BEIR collection instead: its judged test queries (qrels/test.tsv)")
  Path beir;

  @Option(names = "--in-process",
      description = "time the search call itself, no HTTP: SearchService.search (facets, snippets; and with "
          + "facets=none) against a bare Lucene IndexSearcher.search(query, 10) with the same queries on the same "
          + "index, BM25, one thread, and print their ratio; the index is kept in --data/in-process and reused")
  boolean inProcess;

  public static void main(String[] args) {
    Logging.routeJavaUtilLogging();
    System.exit(Commands.execute(new Bench(), args, System.out, System.err));
  }

  @Override
  public Integer call() throws Exception {
    if (clients < 1 || seconds < 1) {
      throw new IllegalArgumentException("--clients and --seconds must be 1 or more, got " + clients + " and " + seconds
          + ".");
    }
    seconds = Math.min(MAX_SECONDS, seconds);
    List<String> queries = new ArrayList<>();
    if (beir != null) {
      queries.addAll(Beir.read(beir, "test").queries().values());
    } else {
      for (Path f : questionFiles) {
        Question.read(f).forEach(q -> queries.add(q.text()));
      }
    }
    if (inProcess) {
      InProcessBench.run(corpus, data, queries, seconds, System.out);
      return 0;
    }
    System.out.printf("%d queries, %d clients, %d s per mode, %d cores%n", queries.size(), clients, seconds,
        Runtime.getRuntime().availableProcessors());
    for (boolean dense : new boolean[] {false, true}) {
      String mode = dense ? "hybrid" : "bm25";
      Path dir = data.resolve(mode);
      Folders.deleteTree(dir);
      long t0 = System.nanoTime();
      GuidanceApp app = GuidanceApp.start(new AppConfig("127.0.0.1", 0, corpus, dir, 0, dense))
          .awaitReady(Duration.ofMinutes(10));
      double build = (System.nanoTime() - t0) / 1e9;
      app.awaitScreen(Duration.ofMinutes(10)); // the load below should not share the CPU with its training
      double screen = (System.nanoTime() - t0) / 1e9;
      app.stop();
      t0 = System.nanoTime();
      app = GuidanceApp.start(new AppConfig("127.0.0.1", 0, corpus, dir, 0, dense)).awaitReady(Duration.ofMinutes(10));
      double restart = (System.nanoTime() - t0) / 1e9;
      app.awaitScreen(Duration.ofMinutes(10));
      double screenAgain = (System.nanoTime() - t0) / 1e9;
      System.out.printf("[%s] index build from scratch %.1f s (safety screen trained at %.1f s); restart reusing index "
          + "and embeddings %.1f s (screen at %.1f s)%n", mode, build, screen, restart, screenAgain);
      try {
        run(app.port(), queries, clients, seconds, mode);
      } finally {
        app.stop();
      }
    }
    return 0;
  }

  private static void run(int port, List<String> queries, int clients, int seconds, String mode) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<Long> cold = new ArrayList<>();
    for (String q : queries) { // first sight of each query: its embedding is computed here
      cold.add(time(http, port, q));
    }
    report(mode + ", first time each query (1 client)", cold, 0);
    load(http, port, queries, clients, 5); // JIT warm-up, not measured
    List<Long> latencies = load(http, port, queries, clients, seconds);
    report(mode + ", repeated queries, " + clients + " concurrent clients", latencies, seconds);
  }

  private static List<Long> load(HttpClient http, int port, List<String> queries, int clients, int seconds)
      throws Exception {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      futures.add(pool.submit(() -> {
        while (System.nanoTime() < end) {
          String q = queries.get(Math.floorMod(next.getAndIncrement(), queries.size()));
          latencies.add(time(http, port, q));
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    return latencies;
  }

  private static long time(HttpClient http, int port, String q) throws IOException, InterruptedException {
    long t = System.nanoTime();
    HttpResponse<String> r =
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/search?limit=10&q="
            + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + r.statusCode() + " for '" + q + "': " + r.body());
    }
    return System.nanoTime() - t;
  }

  private static void report(String label, List<Long> nanos, int seconds) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    double p50 = sorted.get((int) (sorted.size() * 0.50)) / 1e6;
    double p90 = sorted.get((int) (sorted.size() * 0.90)) / 1e6;
    double p99 = sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6;
    System.out.printf("[%s] requests=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms%s%n", label, sorted.size(), p50, p90, p99,
        seconds > 0 ? String.format(" throughput=%.0f req/s", sorted.size() / (double) seconds) : "");
  }

}
