package uk.safeguarding.guidance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The store on a real PostgreSQL: a pool used at once by threads and replicas, and VACUUM FULL's erasure. */
class DatabaseOnPostgresTest extends DatabaseTest {

  @Override
  TestDatabase product() {
    return TestDatabase.POSTGRESQL;
  }

  /** The bytes of the file a table is stored in now, after writing every dirty page out. */
  static String tableFile(Database db, String table) throws Exception {
    db.use(c -> c.createStatement().execute("CHECKPOINT"));
    String relative = rows(db, "SELECT pg_relation_filepath('" + table + "')").get(0);
    return new String(Files.readAllBytes(TestPostgres.dataDirectory().resolve(relative)), StandardCharsets.ISO_8859_1);
  }

  @Test
  void a_deleted_row_is_gone_from_the_table_file_after_compaction() throws Exception {
    try (Database db = Database.open(config)) {
      db.use(c -> c.createStatement().executeUpdate("INSERT INTO unanswered(at, question, normalized) VALUES"
          + " (CURRENT_TIMESTAMP, 'about Zanzibarina Quxworthy', 'z'), (CURRENT_TIMESTAMP, 'kept Marmalade', 'm')"));
      String before = tableFile(db, "unanswered");
      assertTrue(before.contains("Zanzibarina"), "the row is in the file as written, so the search below can see text");
      Path oldFile = TestPostgres.dataDirectory().resolve(rows(db, "SELECT pg_relation_filepath('unanswered')").get(0));

      db.use(c -> c.createStatement().executeUpdate("DELETE FROM unanswered WHERE normalized = 'z'"));
      assertTrue(tableFile(db, "unanswered").contains("Zanzibarina"), "a DELETE alone leaves the bytes in the page");
      db.compact("unanswered");

      String after = tableFile(db, "unanswered");
      assertFalse(after.contains("Zanzibarina"), "still in the table's file after VACUUM FULL");
      assertTrue(after.contains("Marmalade"));
      assertFalse(Files.exists(oldFile), "the old file is deleted, not left beside the new one");
    }
  }

  @Test
  void several_threads_use_the_database_at_once() throws Exception {
    int threads = ConnectionPool.SIZE;
    CyclicBarrier allInside = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (Database db = Database.open(config)) {
      List<Future<Integer>> done = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        // Each holds its connection until all hold one: with one serialised connection this would time out.
        done.add(pool.submit(() -> db.use(c -> {
          try {
            allInside.await(20, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException("not every thread had a connection at once", e);
          }
          return c.createStatement().executeUpdate("INSERT INTO audit(at, actor, action, target, detail)"
              + " VALUES (CURRENT_TIMESTAMP, 'x', 'a', 't', 'd')");
        })));
      }
      for (Future<Integer> f : done) {
        assertEquals(1, f.get(30, TimeUnit.SECONDS));
      }
      assertEquals(List.of(Integer.toString(threads)), rows(db, "SELECT COUNT(*) FROM audit"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void two_replicas_opening_one_database_migrate_it_once_and_see_each_other_s_rows() {
    try (Database a = Database.open(config); Database b = Database.open(config)) {
      insertAudit(a, "written-by-a");
      assertEquals(List.of("written-by-a"), rows(b, "SELECT actor FROM audit"));
      assertEquals(
          List.of("1 SQL true", "2 SQL true", "3 SQL true", "4 SQL true", "5 SQL true", "6 SQL true", "7 SQL true"),
          history(b));
    }
  }

  @Test
  void an_unreachable_database_fails_the_start_naming_it_but_not_the_password() {
    DatabaseConfig nowhere = new DatabaseConfig("jdbc:postgresql://127.0.0.1:1/guidance", "app", "s3cret-pw");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Database.open(nowhere));
    assertTrue(e.getMessage().startsWith("Cannot open the learning database jdbc:postgresql://127.0.0.1:1/guidance: "),
        e.getMessage());
    assertFalse(e.getMessage().contains("s3cret-pw"), e.getMessage());
  }
}
