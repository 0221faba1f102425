package uk.safeguarding.guidance.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import uk.safeguarding.guidance.ops.Hashes;

/**
 * Salted slow hashes of passwords with the JDK's PBKDF2WithHmacSHA256 (OWASP's 2023 advice: at
 * least 210,000 iterations), compared in constant time. Stateless, thread-safe.
 */
public final class Passwords {

  public static final int ITERATIONS = 210_000;
  public static final int MIN_LENGTH = 12;
  static final int SALT_BYTES = 16;
  static final int HASH_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A stored hash: the salt, the derived key and the iterations used. */
  public record Hash(byte[] salt, byte[] hash, int iterations) {}

  private Passwords() {}

  /** Checks the policy; the message names the problem. */
  public static void check(char[] password) {
    if (password == null || password.length < MIN_LENGTH) {
      throw new IllegalArgumentException("The password must be at least " + MIN_LENGTH + " characters.");
    }
  }

  public static Hash hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return new Hash(salt, derive(password, salt, ITERATIONS), ITERATIONS);
  }

  public static boolean verify(char[] password, Hash stored) {
    return MessageDigest.isEqual(derive(password, stored.salt(), stored.iterations()), stored.hash());
  }

  static byte[] derive(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
    } finally {
      spec.clearPassword();
    }
  }

  /** {@code bytes} random bytes as lowercase hex; for session, CSRF and API tokens. */
  public static String randomToken(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return java.util.HexFormat.of().formatHex(b);
  }

  /** SHA-256 hex of a high-entropy token, as stored; a slow hash adds nothing to 256 random bits. */
  public static String sha256(String token) {
    return Hashes.sha256Hex(token);
  }

  static void wipe(char[] password) {
    if (password != null) {
      Arrays.fill(password, '\0');
    }
  }
}
