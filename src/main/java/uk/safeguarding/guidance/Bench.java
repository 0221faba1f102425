package uk.safeguarding.guidance;

import uk.safeguarding.guidance.corpus.Folders;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import uk.safeguarding.guidance.eval.Question;

/**
 * Latency benchmark: starts the server in-process on a loopback port, builds the index (cold, then
 * a restart that reuses it), and drives {@code GET /api/search} from N concurrent clients for a
 * bounded time, for BM25 and hybrid. Prints figures for BENCHMARKS.md. Run:
 * {@code java -cp target/guidance-assistant.jar uk.safeguarding.guidance.Bench}.
 */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of("corpus");
    Path data = Path.of("data", "bench");
    int clients = 8;
    int seconds = 20;
    List<Path> questionFiles = new ArrayList<>(List.of(Path.of("src/test/resources/eval/dev.jsonl"),
        Path.of("src/test/resources/eval/practitioner.jsonl")));
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--corpus" -> corpus = Path.of(args[i + 1]);
        case "--data" -> data = Path.of(args[i + 1]);
        case "--clients" -> clients = Integer.parseInt(args[i + 1]);
        case "--seconds" -> seconds = Math.min(120, Integer.parseInt(args[i + 1]));
        case "--questions" -> questionFiles = List.of(Path.of(args[i + 1]));
        default -> throw new IllegalArgumentException("Unknown option '" + args[i] + "'.");
      }
    }
    List<String> queries = new ArrayList<>();
    for (Path f : questionFiles) {
      Question.read(f).forEach(q -> queries.add(q.text()));
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
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/search?limit=10&q="
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
