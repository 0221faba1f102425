package uk.safeguarding.guidance.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.store.Database;
import uk.safeguarding.guidance.store.DatabaseConfig;
import uk.safeguarding.guidance.store.TestDatabase;

class LearningStoreOnH2Test extends LearningStoreTest {

  @Override
  TestDatabase product() {
    return TestDatabase.H2;
  }

  @Test
  void a_purged_question_cannot_be_read_from_the_database_file_afterwards() throws Exception {
    // No compaction when the file closes, as after a crash or with a large file: only the purge's own counts.
    db.close();
    db = Database.open(DatabaseConfig.h2Under(data).withSettings(";MAX_COMPACT_TIME=0"));
    store = new LearningStore(db, clock, Duration.ofDays(90));
    store.unanswered("old question about Zanzibarina Quxworthy at 99 Plumtree Crescent", "");
    store.rated("a1", "old rating Flibbertigibbet", false, false, "reason Wobblesnatch");
    db.close(); // the old records are on disk now, as after any restart
    db = Database.open(DatabaseConfig.h2Under(data).withSettings(";MAX_COMPACT_TIME=0"));
    store = new LearningStore(db, clock, Duration.ofDays(90));
    clock.set(clock.instant().plus(Duration.ofDays(60)));
    store.unanswered("recent question Marmalade", "");
    for (int i = 0; i < 400; i++) { // enough live data that closing the file does not happen to rewrite it all
      store.unanswered("recent filler question number " + i + " " + "about neglect and escalation ".repeat(20), "");
    }
    clock.set(clock.instant().plus(Duration.ofDays(31)));
    assertEquals(new LearningStore.Purged(1, 1), store.purge());
    assertEquals(401, column("SELECT question FROM unanswered").size());
    db.close();
    byte[] file = java.nio.file.Files.readAllBytes(data.resolve("learning.mv.db"));
    // H2 may compress pages (LZF): literal runs are split by control bytes, so they are dropped before searching.
    String raw = new String(file, java.nio.charset.StandardCharsets.ISO_8859_1).replaceAll("[\\x00-\\x1f]", "");
    for (String gone : List.of("Zanzibarina", "Plumtree", "Flibbertigibbet", "Wobblesnatch")) {
      assertFalse(raw.contains(gone), gone + " is still in the file");
    }
    assertTrue(raw.contains("Marmalade"),
        "the kept question is in the file as written, so the search above can see text");
    db = Database.open(data);
  }
}
