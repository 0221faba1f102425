package uk.safeguarding.guidance.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.store.Database;
import uk.safeguarding.guidance.store.DatabaseConfig;
import uk.safeguarding.guidance.store.Dialect;
import uk.safeguarding.guidance.store.TestDatabase;

/** Accounts, API tokens and sessions in the database, alike on every product; a subclass per product. */
abstract class TrainerStoreTest {

  static final String PASSWORD = "correct horse battery";

  @TempDir
  Path data;
  DatabaseConfig config;
  Database db;
  Instant[] now = {Instant.parse("2025-01-01T08:00:00Z")};
  Clock clock = clock(now);

  abstract TestDatabase product();

  /** A clock that reads {@code now[0]}, for tests that move time on. */
  static Clock clock(Instant[] now) {
    return new Clock() {

      @Override
      public Instant instant() {
        return now[0];
      }
      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }
      @Override
      public Clock withZone(java.time.ZoneId z) {
        return this;
      }
    };
  }

  @BeforeEach
  void open() {
    config = product().fresh(data);
    db = Database.open(config);
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** Every cell of every row of {@code table}, joined: where a secret must not appear. */
  String dump(String table) {
    return db.use(c -> {
      StringBuilder all = new StringBuilder();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
        while (rs.next()) {
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            all.append(rs.getString(i)).append('|');
          }
        }
      }
      return all.toString();
    });
  }

  /** Runs add-trainer against this test's database, as an operator would: --data for H2, --database otherwise. */
  int addTrainer(String name, String password, ByteArrayOutputStream out, ByteArrayOutputStream err) {
    String[] args = config.dialect() == Dialect.H2 ? new String[] {name, "--data", data.toString()}
        : new String[] {name, "--database", config.url()};
    return TrainerCommand.addTrainer(args, Map.of(TrainerCommand.PASSWORD_ENV, password,
        DatabaseConfig.USER_ENV, config.user()), p -> null, print(out), print(err));
  }

  @Test
  void add_trainer_reads_the_password_from_the_environment_and_stores_no_plain_text() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(0, addTrainer("alice", PASSWORD, out, err), err.toString(StandardCharsets.UTF_8));
    assertEquals("Created trainer 'alice'.\n", out.toString(StandardCharsets.UTF_8).replace("\r", ""));
    Accounts accounts = new Accounts(db, clock);
    assertTrue(accounts.verify("alice", PASSWORD.toCharArray()));
    assertFalse(accounts.verify("alice", "wrong password!!".toCharArray()));
    assertFalse(accounts.verify("nobody", PASSWORD.toCharArray()));
    String stored = dump("trainers");
    assertTrue(stored.startsWith("alice|"), stored);
    assertFalse(stored.contains(PASSWORD), stored);
  }

  @Test
  void api_tokens_are_stored_hashed_and_stop_working_when_revoked() {
    Accounts accounts = new Accounts(db, clock);
    accounts.setPassword("alice", PASSWORD.toCharArray());
    Accounts.NewToken t = accounts.createToken("alice", "sync");
    assertEquals("alice", accounts.tokenOwner(t.token()).orElseThrow());
    assertFalse(dump("api_tokens").contains(t.token()));
    assertTrue(dump("api_tokens").startsWith(Passwords.sha256(t.token()) + "|"));
    assertEquals(List.of("sync"), accounts.tokens().stream().map(Accounts.TokenInfo::name).toList());
    assertTrue(accounts.revoke(t.id()));
    assertTrue(accounts.tokenOwner(t.token()).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> accounts.createToken("nobody", "x"));
  }

  @Test
  void sessions_expire_after_eight_idle_hours() {
    Sessions sessions = new Sessions(db, clock);
    Sessions.Session s = sessions.create("alice");
    assertTrue(s.id().matches("[0-9a-f]{64}"));
    assertNotEquals(s.id(), s.csrf());
    now[0] = now[0].plus(Duration.ofHours(7));
    assertTrue(sessions.find(s.id()).isPresent(), "use restarts the idle timer");
    now[0] = now[0].plus(Duration.ofHours(7));
    assertTrue(sessions.find(s.id()).isPresent());
    now[0] = now[0].plus(Duration.ofHours(8).plusSeconds(1));
    assertTrue(sessions.find(s.id()).isEmpty());
  }

  @Test
  void a_session_is_stored_only_as_a_hash_and_honoured_through_another_connection() {
    Sessions.Session s = new Sessions(db, clock).create("alice");
    String stored = dump("trainer_sessions");
    assertTrue(stored.startsWith(Passwords.sha256(s.id()) + "|alice|"), stored);
    assertFalse(stored.contains(s.id()), "the cookie's value is not stored");
    assertFalse(stored.contains(s.csrf()), "nor the CSRF token");
    // Another replica: its own connections, its own Sessions, the same database.
    try (Database other = Database.open(config)) {
      Sessions.Session found = new Sessions(other, clock).find(s.id()).orElseThrow();
      assertEquals("alice", found.trainer());
      assertEquals(s.csrf(), found.csrf(), "every replica derives the same CSRF token");
    }
  }

  @Test
  void signing_out_ends_the_session_for_every_replica() {
    Sessions.Session s = new Sessions(db, clock).create("alice");
    Sessions.Session kept = new Sessions(db, clock).create("alice");
    try (Database other = Database.open(config)) {
      new Sessions(other, clock).end(s.id());
    }
    assertTrue(new Sessions(db, clock).find(s.id()).isEmpty());
    assertTrue(new Sessions(db, clock).find(kept.id()).isPresent(), "only that session ends");
  }

  @Test
  void a_new_password_ends_the_trainer_s_sessions() {
    Sessions sessions = new Sessions(db, clock);
    assertEquals(0, addTrainer("alice", PASSWORD, new ByteArrayOutputStream(), new ByteArrayOutputStream()));
    Sessions.Session alice = sessions.create("alice");
    Sessions.Session bob = sessions.create("bob");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, addTrainer("alice", "another long password", out, new ByteArrayOutputStream()));
    assertEquals("Changed the password of trainer 'alice'.\n", out.toString(StandardCharsets.UTF_8).replace("\r", ""));
    assertTrue(sessions.find(alice.id()).isEmpty());
    assertTrue(sessions.find(bob.id()).isPresent());
  }

  @Test
  void expired_sessions_are_deleted_when_the_next_one_is_made_and_malformed_ids_find_nothing() {
    Sessions sessions = new Sessions(db, clock);
    sessions.create("alice");
    now[0] = now[0].plus(Sessions.IDLE).plusSeconds(1);
    sessions.create("bob");
    assertEquals(List.of("bob"), trainersWithSessions());
    for (String id : new String[] {null, "", "not-a-session", "A".repeat(64)}) {
      assertTrue(sessions.find(id).isEmpty(), id);
      sessions.end(id); // nothing to end, and no error
    }
  }

  List<String> trainersWithSessions() {
    return db.use(c -> {
      List<String> out = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(
              "SELECT trainer FROM trainer_sessions ORDER BY trainer")) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    });
  }

  static PrintStream print(ByteArrayOutputStream out) {
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }
}
