package uk.safeguarding.guidance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The store on its default product, an H2 file; and what only H2 has: databases made before Flyway. */
class DatabaseOnH2Test extends DatabaseTest {

  /** Every row of every table, one string a row, in a fixed order: what must survive a migration. */
  static final String[] EVERY_ROW = {
      "SELECT id || '|' || at || '|' || answer_id || '|' || question || '|' || normalized || '|' || grounded || '|'"
          + " || rating || '|' || reason FROM feedback ORDER BY id",
      "SELECT id || '|' || at || '|' || question || '|' || normalized || '|' || urgent_reason FROM unanswered ORDER BY id",
      "SELECT id || '|' || at || '|' || actor || '|' || action || '|' || target || '|' || detail FROM audit ORDER BY id",
      "SELECT name || '|' || RAWTOHEX(salt) || '|' || RAWTOHEX(hash) || '|' || iterations || '|' || created"
          + " FROM trainers ORDER BY name",
      "SELECT hash || '|' || name || '|' || trainer || '|' || created || '|' || COALESCE(CAST(revoked AS VARCHAR), '-')"
          + " FROM api_tokens ORDER BY hash"};

  @Override
  TestDatabase product() {
    return TestDatabase.H2;
  }

  /** Makes the database the way a build before Flyway did: its own DDL run over a plain connection. */
  void createTheOldWay(String fixture) throws IOException, SQLException {
    String script;
    try (InputStream in = DatabaseOnH2Test.class.getResourceAsStream("/store/" + fixture)) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Connection c = DriverManager.getConnection(config.url(), config.user(), config.password());
        Statement s = c.createStatement()) {
      for (String sql : script.replaceAll("(?m)^--.*$", "").split(";")) {
        if (!sql.isBlank()) {
          s.execute(sql);
        }
      }
    }
  }

  @Test
  void a_database_made_before_flyway_keeps_every_row_and_is_baselined_below_v1() throws Exception {
    createTheOldWay("before-flyway.sql");
    List<String> before;
    try (Connection c = DriverManager.getConnection(config.url(), config.user(), config.password())) {
      before = rows(c, EVERY_ROW);
    }
    assertEquals(5, before.size());
    try (Database db = Database.open(data)) {
      assertEquals(before, rows(db, EVERY_ROW));
      assertEquals(
          List.of("0 BASELINE true", "1 SQL true", "2 SQL true", "3 SQL true", "4 SQL true", "5 SQL true",
              "6 SQL true", "7 SQL true"),
          history(db));
      // New rows follow on from the old ones: the identity columns kept their place.
      db.use(c -> c.createStatement().executeUpdate("INSERT INTO feedback(at, answer_id, question, normalized,"
          + " grounded, rating, reason) VALUES (CURRENT_TIMESTAMP, 'a2', 'q', 'q', FALSE, 'up', '')"));
      assertEquals(List.of("1", "2"), rows(db, "SELECT id FROM feedback ORDER BY id"));
    }
  }

  @Test
  void a_database_from_before_the_safety_screen_gains_the_urgent_reason_column() throws Exception {
    createTheOldWay("before-safety-screen.sql");
    try (Database db = Database.open(data)) {
      assertEquals(List.of("1|2024-06-01 10:00:00+00|renew a passport|passport renew|"), rows(db, EVERY_ROW[1]));
      assertEquals(
          List.of("0 BASELINE true", "1 SQL true", "2 SQL true", "3 SQL true", "4 SQL true", "5 SQL true",
              "6 SQL true", "7 SQL true"),
          history(db));
    }
  }

  @Test
  void the_migrations_run_on_h2_in_its_postgresql_mode_too() {
    // H2 refuses much of what PostgreSQL would in this mode; DatabaseOnPostgresTest runs the real thing.
    DatabaseConfig pgMode = new DatabaseConfig("jdbc:h2:mem:pg;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
    try (Database db = Database.open(pgMode)) {
      assertEquals(
          List.of("1 SQL true", "2 SQL true", "3 SQL true", "4 SQL true", "5 SQL true", "6 SQL true", "7 SQL true"),
          history(db));
    }
  }

  @Test
  void a_data_folder_that_does_not_exist_yet_is_created() {
    try (Database db = Database.open(data.resolve("new/folder"))) {
      assertEquals(Dialect.H2, db.dialect());
    }
    assertEquals(true, java.nio.file.Files.exists(data.resolve("new/folder/learning.mv.db")));
  }
}
