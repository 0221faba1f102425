package uk.safeguarding.guidance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the store does alike on every product; a subclass per product adds what is its own. */
abstract class DatabaseTest {

  @TempDir
  Path data;
  DatabaseConfig config;

  abstract TestDatabase product();

  @BeforeEach
  void freshDatabase() {
    config = product().fresh(data);
  }

  static List<String> rows(Connection c, String... queries) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement()) {
      for (String q : queries) {
        try (ResultSet rs = s.executeQuery(q)) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
      }
    }
    return out;
  }

  static List<String> rows(Database db, String... queries) {
    return db.use(c -> rows(c, queries));
  }

  /** The versions applied, in order, without Flyway's own unversioned marker rows. */
  static List<String> history(Database db) {
    return db.use(c -> {
      List<String> out = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT \"version\", \"type\", \"success\""
              + " FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
        while (rs.next()) {
          out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getBoolean(3));
        }
      }
      return out;
    });
  }

  static void insertAudit(Database db, String actor) {
    db.use(c -> c.createStatement().executeUpdate("INSERT INTO audit(at, actor, action, target, detail)"
        + " VALUES (CURRENT_TIMESTAMP, '" + actor + "', 'a', 't', 'd')"));
  }

  @Test
  void a_new_database_gets_every_table_from_the_migrations() {
    try (Database db = Database.open(config)) {
      assertEquals(
          List.of("1 SQL true", "2 SQL true", "3 SQL true", "4 SQL true", "5 SQL true", "6 SQL true", "7 SQL true"),
          history(db));
      db.use(c -> c.createStatement().executeUpdate("INSERT INTO unanswered(at, question, normalized)"
          + " VALUES (CURRENT_TIMESTAMP, 'q', 'q')"));
      assertEquals(List.of(""), rows(db, "SELECT urgent_reason FROM unanswered"));
      assertEquals(List.of("0", "0", "0", "0", "0"), rows(db, "SELECT COUNT(*) FROM feedback",
          "SELECT COUNT(*) FROM audit", "SELECT COUNT(*) FROM trainers", "SELECT COUNT(*) FROM api_tokens",
          "SELECT COUNT(*) FROM trainer_sessions"));
    }
  }

  @Test
  void opening_again_runs_no_migration_and_keeps_the_data() {
    try (Database db = Database.open(config)) {
      insertAudit(db, "alice");
    }
    assertEquals(0, Migrations.run(config));
    try (Database db = Database.open(config)) {
      assertEquals(
          List.of("1 SQL true", "2 SQL true", "3 SQL true", "4 SQL true", "5 SQL true", "6 SQL true", "7 SQL true"),
          history(db));
      assertEquals(List.of("alice"), rows(db, "SELECT actor FROM audit"));
    }
  }

  @Test
  void compaction_keeps_the_live_rows_and_the_database_stays_usable() {
    try (Database db = Database.open(config)) {
      insertAudit(db, "alice");
      insertAudit(db, "bob");
      db.use(c -> c.createStatement().executeUpdate("DELETE FROM audit WHERE actor = 'bob'"));
      db.compact("audit");
      assertEquals(List.of("alice"), rows(db, "SELECT actor FROM audit"));
      insertAudit(db, "carol");
      assertEquals(List.of("alice", "carol"), rows(db, "SELECT actor FROM audit ORDER BY id"));
    }
  }

  @Test
  void compaction_refuses_anything_but_table_names() {
    try (Database db = Database.open(config)) {
      IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> db.compact("audit; DROP TABLE trainers"));
      assertEquals("The parameter 'tables' must hold table names, got 'audit; DROP TABLE trainers'.", e.getMessage());
    }
  }
}
