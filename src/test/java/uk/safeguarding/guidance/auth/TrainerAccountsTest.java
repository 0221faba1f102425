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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.store.Database;

class TrainerAccountsTest {

  @TempDir Path data;

  @Test
  void passwords_are_stored_as_salted_pbkdf2_and_verified_in_constant_time() {
    Passwords.Hash a = Passwords.hash("correct horse battery".toCharArray());
    Passwords.Hash b = Passwords.hash("correct horse battery".toCharArray());
    assertEquals(210_000, a.iterations());
    assertEquals(16, a.salt().length);
    assertEquals(32, a.hash().length);
    assertFalse(java.util.Arrays.equals(a.salt(), b.salt()));
    assertFalse(java.util.Arrays.equals(a.hash(), b.hash()), "salted: the same password hashes differently");
    assertTrue(Passwords.verify("correct horse battery".toCharArray(), a));
    assertFalse(Passwords.verify("correct horse batterx".toCharArray(), a));
  }

  @Test
  void a_password_under_twelve_characters_is_refused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Passwords.check("short".toCharArray()));
    assertEquals("The password must be at least 12 characters.", e.getMessage());
  }

  @Test
  void add_trainer_reads_the_password_from_the_environment_and_stores_no_plain_text() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = TrainerCommand.addTrainer(new String[] {"alice", "--data", data.toString()},
        Map.of(TrainerCommand.PASSWORD_ENV, "correct horse battery"), p -> null, print(out), print(err));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    assertEquals("Created trainer 'alice'.\n", out.toString(StandardCharsets.UTF_8).replace("\r", ""));
    try (Database db = Database.open(data)) {
      Accounts accounts = new Accounts(db, Clock.systemUTC());
      assertTrue(accounts.verify("alice", "correct horse battery".toCharArray()));
      assertFalse(accounts.verify("alice", "wrong password!!".toCharArray()));
      assertFalse(accounts.verify("nobody", "correct horse battery".toCharArray()));
      String stored = db.use(c -> {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM trainers")) {
          rs.next();
          StringBuilder row = new StringBuilder();
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            row.append(rs.getString(i)).append('|');
          }
          return row.toString();
        }
      });
      assertFalse(stored.contains("correct horse battery"), stored);
    }
  }

  @Test
  void add_trainer_prompts_twice_and_refuses_short_or_differing_passwords() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] typed = {"long enough password", "long enough passwore"};
    int[] n = {0};
    assertEquals(2, TrainerCommand.addTrainer(new String[] {"bob", "--data", data.toString()}, Map.of(),
        p -> typed[n[0]++].toCharArray(), print(new ByteArrayOutputStream()), print(err)));
    assertEquals("Error: the two passwords differ.\n", err.toString(StandardCharsets.UTF_8).replace("\r", ""));

    err.reset();
    assertEquals(2, TrainerCommand.addTrainer(new String[] {"bob", "--data", data.toString()},
        Map.of(TrainerCommand.PASSWORD_ENV, "short"), p -> null, print(new ByteArrayOutputStream()), print(err)));
    assertEquals("Error: The password must be at least 12 characters.\n", err.toString(StandardCharsets.UTF_8).replace("\r", ""));

    err.reset();
    assertEquals(2, TrainerCommand.addTrainer(new String[] {"bob", "--data", data.toString()}, Map.of(), p -> null,
        print(new ByteArrayOutputStream()), print(err)));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("set GUIDANCE_TRAINER_PASSWORD instead"));

    err.reset();
    assertEquals(2, TrainerCommand.addTrainer(new String[] {"../bob", "--data", data.toString()},
        Map.of(TrainerCommand.PASSWORD_ENV, "long enough password"), p -> null, print(new ByteArrayOutputStream()), print(err)));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Error: The trainer name must be"), err.toString());
  }

  @Test
  void api_tokens_are_stored_hashed_and_stop_working_when_revoked() {
    try (Database db = Database.open(data)) {
      Accounts accounts = new Accounts(db, Clock.systemUTC());
      accounts.setPassword("alice", "correct horse battery".toCharArray());
      Accounts.NewToken t = accounts.createToken("alice", "sync");
      assertEquals("alice", accounts.tokenOwner(t.token()).orElseThrow());
      String stored = db.use(c -> {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT hash FROM api_tokens")) {
          rs.next();
          return rs.getString(1);
        }
      });
      assertNotEquals(t.token(), stored);
      assertEquals(Passwords.sha256(t.token()), stored);
      assertTrue(accounts.revoke(t.id()));
      assertTrue(accounts.tokenOwner(t.token()).isEmpty());
      assertThrows(IllegalArgumentException.class, () -> accounts.createToken("nobody", "x"));
    }
  }

  @Test
  void sessions_expire_after_eight_idle_hours_and_logins_lock_after_five_failures() {
    Instant[] now = {Instant.parse("2025-01-01T08:00:00Z")};
    Clock clock = new Clock() {
      @Override public Instant instant() { return now[0]; }
      @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
      @Override public Clock withZone(java.time.ZoneId z) { return this; }
    };
    Sessions sessions = new Sessions(clock);
    Sessions.Session s = sessions.create("alice");
    assertTrue(s.id().matches("[0-9a-f]{64}"));
    assertNotEquals(s.id(), s.csrf());
    now[0] = now[0].plus(Duration.ofHours(7));
    assertTrue(sessions.find(s.id()).isPresent(), "use restarts the idle timer");
    now[0] = now[0].plus(Duration.ofHours(7));
    assertTrue(sessions.find(s.id()).isPresent());
    now[0] = now[0].plus(Duration.ofHours(8).plusSeconds(1));
    assertTrue(sessions.find(s.id()).isEmpty());

    LoginLimiter limiter = new LoginLimiter(clock);
    for (int i = 0; i < 4; i++) {
      limiter.failed("10.0.0.1", "alice");
    }
    assertEquals(0, limiter.retryAfter("10.0.0.1", "alice"));
    limiter.failed("10.0.0.1", "alice");
    assertEquals(900, limiter.retryAfter("10.0.0.1", "alice"));
    assertEquals(0, limiter.retryAfter("10.0.0.2", "alice"), "another address cannot lock alice out");
    assertEquals(0, limiter.retryAfter("10.0.0.1", "bob"), "the address may still sign in as someone else");
    for (int i = 0; i < 15; i++) {
      limiter.failed("10.0.0.1", "name" + i);
    }
    assertEquals(900, limiter.retryAfter("10.0.0.1", "bob"), "an address spraying names is locked for every name");
    assertEquals(0, limiter.retryAfter("10.0.0.2", "bob"));
    now[0] = now[0].plus(Duration.ofMinutes(15));
    assertEquals(0, limiter.retryAfter("10.0.0.1", "alice"));
  }

  private static PrintStream print(ByteArrayOutputStream out) {
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }
}
