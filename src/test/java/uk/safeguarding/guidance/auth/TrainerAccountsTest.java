package uk.safeguarding.guidance.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerAccountsTest {

  @TempDir
  Path data;

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
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Passwords.check("short".toCharArray()));
    assertEquals("The password must be at least 12 characters.", e.getMessage());
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
    assertEquals("Error: The password must be at least 12 characters.\n",
        err.toString(StandardCharsets.UTF_8).replace("\r", ""));

    err.reset();
    assertEquals(2, TrainerCommand.addTrainer(new String[] {"bob", "--data", data.toString()}, Map.of(), p -> null,
        print(new ByteArrayOutputStream()), print(err)));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("set GUIDANCE_TRAINER_PASSWORD instead"));

    err.reset();
    assertEquals(2, TrainerCommand.addTrainer(new String[] {"../bob", "--data", data.toString()},
        Map.of(TrainerCommand.PASSWORD_ENV, "long enough password"), p -> null, print(new ByteArrayOutputStream()),
        print(err)));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Error: The trainer name must be"), err.toString());
  }

  @Test
  void logins_lock_after_five_failures_per_name_and_address() {
    Instant[] now = {Instant.parse("2025-01-01T08:00:00Z")};
    Clock clock = TrainerStoreTest.clock(now);
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
