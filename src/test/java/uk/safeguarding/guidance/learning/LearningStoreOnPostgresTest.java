package uk.safeguarding.guidance.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.store.TestDatabase;
import uk.safeguarding.guidance.store.TestPostgres;

class LearningStoreOnPostgresTest extends LearningStoreTest {

  @Override
  TestDatabase product() {
    return TestDatabase.POSTGRESQL;
  }

  /** The bytes of the file {@code table} is stored in, every dirty page written out first. */
  String tableFile(String table) throws Exception {
    db.use(c -> c.createStatement().execute("CHECKPOINT"));
    String relative = column("SELECT pg_relation_filepath('" + table + "')").get(0);
    return new String(Files.readAllBytes(TestPostgres.dataDirectory().resolve(relative)), StandardCharsets.ISO_8859_1);
  }

  @Test
  void a_purged_question_cannot_be_read_from_the_table_files_afterwards() throws Exception {
    // Words the masking leaves alone, so that they reach the disk and the search below can see text.
    store.unanswered("old question about zanzibarina thresholds", "");
    store.rated("a1", "old rating on flibbertigibbet plans", false, false, "reason wobblesnatch");
    assertTrue(tableFile("unanswered").contains("zanzibarina"));
    assertTrue(tableFile("feedback").contains("flibbertigibbet"));
    assertTrue(tableFile("feedback").contains("wobblesnatch"));
    clock.set(clock.instant().plus(Duration.ofDays(60)));
    store.unanswered("recent question on marmalade", "");
    clock.set(clock.instant().plus(Duration.ofDays(31)));
    assertEquals(new LearningStore.Purged(1, 1), store.purge());
    String unanswered = tableFile("unanswered");
    String feedback = tableFile("feedback");
    assertFalse(unanswered.contains("zanzibarina"), "still in the unanswered table's file");
    for (String gone : new String[] {"flibbertigibbet", "wobblesnatch"}) {
      assertFalse(feedback.contains(gone), gone + " is still in the feedback table's file");
    }
    assertTrue(unanswered.contains("marmalade"));
  }
}
