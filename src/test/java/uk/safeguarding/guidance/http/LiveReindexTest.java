package uk.safeguarding.guidance.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.TestApp;

/**
 * Searches and asks keep answering, every one of them from one whole version of the corpus, while
 * the corpus changes under them and reindexes overlap: documents are only ever added, in order, so
 * a consistent version finds exactly live-0 … live-(n-1) for some n. Bounded: 24 changes, 3 clients,
 * loopback only.
 */
class LiveReindexTest {

  private static final int CHANGES = 24;
  /** Two search, one asks. */
  private static final int CLIENTS = 3;
  private static final String MARKER = "zebrafinch";

  @TempDir
  Path corpus;
  @TempDir
  Path data;

  @Test
  void searches_and_asks_never_fail_and_never_see_a_mixed_library_while_the_corpus_changes() throws Exception {
    TestApp.copyMiniCorpus(corpus);
    try (TestApp app = new TestApp(TestApp.sparse(corpus, data))) {
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger requests = new AtomicInteger();
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      List<CompletableFuture<Void>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        boolean asks = c == CLIENTS - 1;
        clients.add(CompletableFuture.runAsync(() -> {
          while (running.get()) {
            try {
              check(app, asks, failures);
              requests.incrementAndGet();
            } catch (Exception e) {
              failures.add(e.toString());
            }
          }
        }));
      }
      List<CompletableFuture<?>> builds = new ArrayList<>();
      for (int i = 0; i < CHANGES; i++) {
        Files.writeString(corpus.resolve("live-" + i + ".md"), "---\nid: live-" + i + "\ntitle: Live " + i + "\n---\n\n"
            + "What practitioners should do about the " + MARKER + " case number " + i + ".\n");
        // Builds overlap with the next change: the race that once named an index after files it never read.
        builds.add(app.app().reindexer().reindex());
        Thread.sleep(i % 3 == 0 ? 5 : 60);
      }
      for (CompletableFuture<?> b : builds) {
        b.handle((x, e) -> null).get();
      }
      app.app().reindexer().reindex().get();
      int duringBuilds = requests.get();
      // More requests after the last build, up to 50 in all, check that the library left is whole; a slow machine
      // may have made few beside the builds.
      for (long end = System.nanoTime() + 60_000_000_000L; requests.get() < 50 && System.nanoTime() < end;) {
        Thread.sleep(50);
      }
      running.set(false);
      CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get();

      assertEquals(List.of(), List.copyOf(failures));
      assertTrue(duringBuilds > 0, "requests made while the builds ran: " + duringBuilds);
      assertTrue(requests.get() >= 50, "requests made: " + requests.get());
      JsonObject last = app.get("/api/search?q=" + MARKER + "&limit=100").json().getAsJsonObject();
      assertEquals(CHANGES, last.get("total").getAsInt());
      try (var dirs = Files.list(data.resolve("index"))) {
        long generations = dirs.count();
        assertTrue(generations <= 2, "old index generations are removed, found " + generations);
      }
    }
  }

  private static void check(TestApp app, boolean ask, ConcurrentLinkedQueue<String> failures) throws Exception {
    if (ask) {
      TestApp.Response r = app.post("/api/ask", "{\"question\": \"what should practitioners do about the " + MARKER
          + " case?\"}");
      if (r.status() != 200) {
        failures.add("ask " + r.status() + " " + r.body());
      }
      return;
    }
    TestApp.Response r = app.get("/api/search?q=" + MARKER + "&limit=100");
    if (r.status() != 200) {
      failures.add("search " + r.status() + " " + r.body());
      return;
    }
    JsonObject body = r.json().getAsJsonObject();
    Set<Integer> found = new TreeSet<>();
    for (JsonElement hit : body.getAsJsonArray("results")) {
      found.add(Integer.parseInt(hit.getAsJsonObject().get("docId").getAsString().substring("live-".length())));
    }
    int n = found.size();
    if (body.get("total").getAsInt() != n
        || n > 0 && (found.iterator().next() != 0 || ((TreeSet<Integer>) found).last() != n - 1)) {
      failures.add("a mixed library: total " + body.get("total") + ", documents " + found);
    }
  }
}
