package uk.safeguarding.guidance.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.store.Database;
import uk.safeguarding.guidance.store.DatabaseConfig;
import uk.safeguarding.guidance.store.TestDatabase;
import uk.safeguarding.guidance.TestClock;

/** The learning store, alike on every product; a subclass per product adds its erasure check. */
abstract class LearningStoreTest {

  @TempDir
  Path data;
  DatabaseConfig config;
  Database db;
  TestClock clock = new TestClock(Instant.parse("2025-01-01T09:00:00Z"));
  LearningStore store;

  abstract TestDatabase product();

  @BeforeEach
  void open() {
    config = product().fresh(data);
    db = Database.open(config);
    store = new LearningStore(db, clock, Duration.ofDays(90));
  }

  @AfterEach
  void close() {
    db.close();
  }

  List<String> column(String sql) {
    return db.use(c -> {
      List<String> out = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    });
  }

  @Test
  void identifiers_are_masked_before_anything_is_written_whoever_calls() {
    store.unanswered("a girl named Amy Jones, DOB 03/04/2019, lives at TF1 2AB", "");
    store.rated("a1", "boy called Jayden, NHS 943 476 5919", true, false, "mum's email is x.y@mail.com");
    assertEquals(List.of("a girl named [name], DOB [date of birth], lives at [postcode]"),
        column("SELECT question FROM unanswered"));
    assertEquals(List.of("boy called [name], NHS [number]"), column("SELECT question FROM feedback"));
    assertEquals(List.of("mum's email is [email]"), column("SELECT reason FROM feedback"));
  }

  @Test
  void questions_asking_the_same_thing_are_grouped_with_counts_and_the_latest_wording() {
    store.unanswered("What to do when a family relocates?", "");
    clock.set(clock.instant().plusSeconds(60));
    store.unanswered("family relocates, what to do", "");
    store.unanswered("renew a passport", "");
    clock.set(clock.instant().plusSeconds(60));
    store.unanswered("Families relocating: what should we do", "");
    List<LearningStore.Group> groups = store.unansweredGroups();
    assertEquals(List.of("family relocate", "family relocating", "passport renew"),
        groups.stream().map(LearningStore.Group::key).toList());
    assertEquals(2, groups.get(0).count());
    assertEquals("family relocates, what to do", groups.get(0).question());
    assertEquals(Instant.parse("2025-01-01T09:01:00Z"), groups.get(0).last());
  }

  @Test
  void poorly_rated_groups_hold_only_thumbs_down_with_reasons() {
    store.rated("a1", "neglect threshold", true, false, "too long");
    store.rated("a2", "Neglect thresholds?", true, false, "");
    store.rated("a3", "neglect threshold", true, true, "great");
    List<LearningStore.Group> groups = store.poorlyRatedGroups();
    assertEquals(1, groups.size());
    assertEquals(2, groups.get(0).count());
    assertEquals(List.of("too long"), groups.get(0).reasons());
  }

  @Test
  void rating_the_same_answer_again_replaces_the_earlier_rating() {
    store.rated("a1", "neglect threshold", true, false, "too long");
    store.rated("a1", "neglect threshold", true, false, "still too long");
    assertEquals(1, store.poorlyRatedGroups().get(0).count());
    assertEquals(List.of("still too long"), store.poorlyRatedGroups().get(0).reasons());
    store.rated("a1", "neglect threshold", true, true, "");
    assertEquals(List.of(), store.poorlyRatedGroups(), "changed to a thumbs up");
  }

  @Test
  void records_older_than_the_retention_are_deleted_and_the_audit_log_is_kept() {
    store.unanswered("old question", "");
    store.rated("a1", "old rating", false, false, "");
    store.audit("alice", "document.upload", "x", "old change");
    clock.set(clock.instant().plus(Duration.ofDays(60)));
    store.unanswered("recent question", "");
    clock.set(clock.instant().plus(Duration.ofDays(31))); // the first records are now 91 days old
    assertEquals(new LearningStore.Purged(1, 1), store.purge());
    assertEquals(List.of("recent question"), column("SELECT question FROM unanswered"));
    assertEquals(List.of(), column("SELECT question FROM feedback"));
    assertEquals(1, store.audit(10).size());
    assertEquals(new LearningStore.Purged(0, 0), store.purge());
  }

  @Test
  void a_retention_of_zero_days_never_stores_question_text() {
    LearningStore none = new LearningStore(db, clock, Duration.ZERO);
    none.unanswered("a question about Jayden", "");
    none.rated("a1", "a question about Jayden", true, false, "too long");
    assertEquals(List.of(), column("SELECT question FROM unanswered"));
    assertEquals(List.of(""), column("SELECT question FROM feedback"));
    assertEquals(List.of(""), column("SELECT reason FROM feedback"));
  }

  @Test
  void the_audit_log_lists_who_did_what_newest_first() {
    store.audit("alice", "document.upload", "home-visits", "home-visits.md: uploaded");
    clock.set(clock.instant().plusSeconds(5));
    store.audit("bob", "document.delete", "home-visits", "moved to trash");
    List<LearningStore.AuditEntry> entries = store.audit(10);
    assertEquals(List.of("bob", "alice"), entries.stream().map(LearningStore.AuditEntry::actor).toList());
    assertEquals("document.delete", entries.get(0).action());
    assertEquals(Instant.parse("2025-01-01T09:00:05Z"), entries.get(0).at());
  }

  @Test
  void the_data_survives_a_restart() {
    store.unanswered("kept across restarts", "");
    db.close();
    db = Database.open(config);
    store = new LearningStore(db, clock, Duration.ofDays(90));
    assertEquals("kept across restarts", store.unansweredGroups().get(0).question());
  }

  @Test
  void unanswered_questions_the_screen_found_urgent_lead_the_queue_with_their_reason() {
    store.unanswered("renew a passport", "");
    store.unanswered("renew a passport", "");
    store.unanswered("toddler alone in the flat tonight", "Safety screen score 0.97 (urgent from 0.24); cues: a child");
    List<LearningStore.Group> groups = store.unansweredGroups();
    assertEquals(List.of("toddler alone in the flat tonight", "renew a passport"),
        groups.stream().map(LearningStore.Group::question).toList());
    assertTrue(groups.get(0).urgent());
    assertEquals("Safety screen score 0.97 (urgent from 0.24); cues: a child", groups.get(0).urgentReason());
    assertEquals(2, groups.get(1).count());
    assertFalse(groups.get(1).urgent());
  }

  @Test
  void csv_export_has_a_header_and_crlf_lines() {
    store.unanswered("=cmd|' /C calc'!A0", "");
    String csv = store.unansweredCsv();
    assertEquals("question,count,last_asked,urgent_reason\r\n'=cmd|' /C calc'!A0,1,2025-01-01T09:00:00Z,\r\n", csv);
  }
}
