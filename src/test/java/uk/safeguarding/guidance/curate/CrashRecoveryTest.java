package uk.safeguarding.guidance.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.TestApp;

/** A restart after a crash in the middle of a reindex and an upload: the last good index serves, nothing is lost. */
class CrashRecoveryTest {

  @TempDir
  Path corpus;
  @TempDir
  Path data;

  @Test
  void a_restart_ignores_a_half_built_index_and_a_half_written_upload() throws Exception {
    TestApp.copyMiniCorpus(corpus);
    JsonObject lastGood;
    try (TestApp first = new TestApp(TestApp.sparse(corpus, data))) {
      lastGood = ready(first);
    }
    // The crash: a reindex half done, an upload half written.
    Files.createDirectories(data.resolve("index/0123abcd.building-42"));
    Files.writeString(data.resolve("index/0123abcd.building-42/_0.cfs"), "partial segment");
    Files.writeString(corpus.resolve(".curate-5f5f.tmp"), "---\ntitle: Half an uplo");
    byte[] enquiries = Files.readAllBytes(corpus.resolve("enquiries.md"));

    try (TestApp second = new TestApp(TestApp.sparse(corpus, data))) {
      JsonObject health = ready(second);
      assertEquals(2, health.get("documents").getAsInt());
      assertEquals(0, health.getAsJsonArray("skipped").size());
      assertEquals("off", health.get("answerModels").getAsString(), "BM25 only: the hand-set rules by design");
      for (String part : new String[] {"documents", "passages", "synonymRules", "skipped"}) {
        assertEquals(lastGood.get(part), health.get(part), "the same library serves: " + part);
      }
      assertEquals(200, second.get("/api/search?q=bruise").status());
    }
    assertFalse(Files.exists(data.resolve("index/0123abcd.building-42")));
    assertFalse(Files.exists(corpus.resolve(".curate-5f5f.tmp")));
    assertTrue(java.util.Arrays.equals(enquiries, Files.readAllBytes(corpus.resolve("enquiries.md"))));
    assertTrue(Files.exists(corpus.resolve("injuries.md")));
  }

  /**
   * {@code app}'s /health once its status is "ready": the library is served as soon as it is read, and the
   * status turns "ready" a moment later. Only the library's parts are compared between the two servers; the
   * safety screen's state ("training" or "ready") depends on how soon each was asked.
   */
  private static JsonObject ready(TestApp app) throws Exception {
    JsonObject health = app.get("/health").json().getAsJsonObject();
    for (int i = 0; i < 300 && !"ready".equals(health.get("status").getAsString()); i++) {
      Thread.sleep(100);
      health = app.get("/health").json().getAsJsonObject();
    }
    assertEquals("ready", health.get("status").getAsString(), health.toString());
    return health;
  }
}
