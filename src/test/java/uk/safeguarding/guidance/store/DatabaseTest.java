package uk.safeguarding.guidance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

  @TempDir Path data;

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

  /** Makes the database the way a build before Flyway did: its own DDL run over a plain connection. */
  void createTheOldWay(String fixture) throws IOException, SQLException {
    String script;
    try (InputStream in = DatabaseTest.class.getResourceAsStream("/store/" + fixture)) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    DatabaseConfig config = DatabaseConfig.h2Under(data);
    try (Connection c = DriverManager.getConnection(config.url(), config.user(), config.password());
        Statement s = c.createStatement()) {
      for (String sql : script.replaceAll("(?m)^--.*$", "").split(";")) {
        if (!sql.isBlank()) {
          s.execute(sql);
        }
      }
    }
  }

  /** The versions applied, in order, without Flyway's own unversioned marker rows. */
  static List<String> history(Database db) {
    return rows(db, "SELECT \"version\" || ' ' || \"type\" || ' ' || \"success\" FROM \"flyway_schema_history\""
        + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"");
  }

  @Test
  void a_new_database_gets_every_table_from_the_migrations() {
    try (Database db = Database.open(data)) {
      assertEquals(List.of("1 SQL TRUE"), history(db));
      db.use(c -> c.createStatement().executeUpdate("INSERT INTO unanswered(at, question, normalized)"
          + " VALUES (CURRENT_TIMESTAMP, 'q', 'q')"));
      assertEquals(List.of(""), rows(db, "SELECT urgent_reason FROM unanswered"));
      assertEquals(List.of("0", "0", "0", "0"), rows(db, "SELECT COUNT(*) FROM feedback", "SELECT COUNT(*) FROM audit",
          "SELECT COUNT(*) FROM trainers", "SELECT COUNT(*) FROM api_tokens"));
    }
  }

  @Test
  void a_database_made_before_flyway_keeps_every_row_and_is_baselined_below_v1() throws Exception {
    createTheOldWay("before-flyway.sql");
    List<String> before;
    DatabaseConfig config = DatabaseConfig.h2Under(data);
    try (Connection c = DriverManager.getConnection(config.url(), config.user(), config.password())) {
      before = rows(c, EVERY_ROW);
    }
    assertEquals(5, before.size());
    try (Database db = Database.open(data)) {
      assertEquals(before, rows(db, EVERY_ROW));
      assertEquals(List.of("0 BASELINE TRUE", "1 SQL TRUE"), history(db));
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
      assertEquals(List.of("0 BASELINE TRUE", "1 SQL TRUE"), history(db));
    }
  }

  @Test
  void opening_again_runs_no_migration_and_keeps_the_data() {
    try (Database db = Database.open(data)) {
      db.use(c -> c.createStatement().executeUpdate("INSERT INTO audit(at, actor, action, target, detail)"
          + " VALUES (CURRENT_TIMESTAMP, 'alice', 'a', 't', 'd')"));
    }
    assertEquals(0, Migrations.run(DatabaseConfig.h2Under(data)));
    try (Database db = Database.open(data)) {
      assertEquals(List.of("1 SQL TRUE"), history(db));
      assertEquals(List.of("alice"), rows(db, "SELECT actor FROM audit"));
    }
  }

  @Test
  void compaction_reopens_an_h2_file_and_keeps_the_live_rows() {
    try (Database db = Database.open(data)) {
      db.use(c -> c.createStatement().executeUpdate("INSERT INTO audit(at, actor, action, target, detail)"
          + " VALUES (CURRENT_TIMESTAMP, 'alice', 'a', 't', 'd')"));
      db.compact();
      assertEquals(List.of("alice"), rows(db, "SELECT actor FROM audit"));
    }
  }

  @Test
  void the_migrations_run_on_h2_in_its_postgresql_mode_too() {
    // Not PostgreSQL itself, but H2 refuses much of what PostgreSQL would in this mode (see Dialect).
    DatabaseConfig config = new DatabaseConfig("jdbc:h2:mem:pg;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
    try (Database db = Database.open(config)) {
      assertEquals(List.of("1 SQL TRUE"), history(db));
    }
  }

  @Test
  void an_unsupported_database_url_is_refused_with_its_scheme_named() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DatabaseConfig("jdbc:mysql://db/guidance?password=secret", "u", ""));
    assertEquals("The database URL must start with jdbc:h2: or jdbc:postgresql:, got 'jdbc:mysql:'.", e.getMessage());
    assertEquals(Dialect.POSTGRESQL, new DatabaseConfig("jdbc:postgresql://db/guidance", "u", "").dialect());
  }

  @Test
  void the_text_form_of_a_config_hides_passwords() {
    DatabaseConfig config = new DatabaseConfig("jdbc:postgresql://db/guidance?user=app&password=s3cret", "app", "s3cret");
    assertEquals("DatabaseConfig[url=jdbc:postgresql://db/guidance?user=app&password=***, user=app, password=***]",
        config.toString());
  }
}
