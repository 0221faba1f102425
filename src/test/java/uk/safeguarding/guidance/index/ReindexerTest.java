package uk.safeguarding.guidance.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.corpus.CorpusReader;

class ReindexerTest {

  @TempDir
  Path corpus;
  @TempDir
  Path data;

  private void copyFixtures() throws IOException {
    uk.safeguarding.guidance.TestApp.copyMiniCorpus(corpus);
  }

  private static int documents(LibraryHolder holder) {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      return lease.library().documents().size();
    }
  }

  @Test
  void a_file_saved_into_the_corpus_folder_is_picked_up_without_a_restart() throws Exception {
    copyFixtures();
    LibraryHolder holder = new LibraryHolder();
    try (Reindexer reindexer = new Reindexer(new IndexStore(data, CorpusReader.standard()), corpus, holder)) {
      reindexer.reindex().get();
      assertEquals(2, documents(holder));
      reindexer.watch(Duration.ofMillis(50));
      Files.writeString(corpus.resolve("new.md"), "---\ntitle: New\n---\n\nA paragraph about escalation.\n");
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      // The new library swaps in a moment before the status says so: wait for both.
      while ((documents(holder) != 3 || !"ready".equals(reindexer.status().state())) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(3, documents(holder));
      assertEquals("ready", reindexer.status().state());
    } finally {
      holder.close();
    }
  }

  @Test
  void the_hooks_run_after_each_library_swapped_in_and_not_after_a_failed_build() throws Exception {
    copyFixtures();
    LibraryHolder holder = new LibraryHolder();
    java.util.List<Integer> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (Reindexer reindexer = new Reindexer(new IndexStore(data, CorpusReader.standard()), corpus, holder)) {
      reindexer.afterEachSwap(() -> seen.add(documents(holder)));
      reindexer.reindex().get();
      Files.writeString(corpus.resolve("new.md"), "---\ntitle: New\n---\n\nA paragraph about escalation.\n");
      reindexer.reindex().get();
      assertEquals(java.util.List.of(2, 3), seen, "run once per swap, with the new library already serving");
    }
    Path notADir = data.resolve("file");
    Files.writeString(notADir, "x");
    try (Reindexer bad = new Reindexer(new IndexStore(notADir, CorpusReader.standard()), corpus, holder)) {
      bad.afterEachSwap(() -> seen.add(-1));
      assertThrows(ExecutionException.class, () -> bad.reindex().get());
      assertEquals(java.util.List.of(2, 3), seen);
    }
  }

  @Test
  void a_failed_build_keeps_the_current_library_serving_and_says_why() throws Exception {
    copyFixtures();
    LibraryHolder holder = new LibraryHolder();
    Path blocked = data.resolve("blocked");
    try (Reindexer good = new Reindexer(new IndexStore(blocked, CorpusReader.standard()), corpus, holder)) {
      good.reindex().get();
      // A data folder that is a file cannot hold an index: the build fails.
      Path notADir = data.resolve("file");
      Files.writeString(notADir, "x");
      try (Reindexer bad = new Reindexer(new IndexStore(notADir, CorpusReader.standard()), corpus, holder)) {
        assertThrows(ExecutionException.class, () -> bad.reindex().get());
        assertEquals("failed", bad.status().state());
        assertTrue(bad.status().message().startsWith("Indexing failed: "), bad.status().message());
      }
      assertEquals(2, documents(holder));
    } finally {
      holder.close();
    }
  }
}
