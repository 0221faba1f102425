package uk.safeguarding.guidance.auth;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.safeguarding.guidance.store.Database;

/**
 * Trainer accounts and API tokens in the store's database. Tokens are shown once when created and
 * stored only as their SHA-256. Thread-safe (the database serialises access).
 */
public final class Accounts {

  /** Trainer names: letters, digits, dot, hyphen, underscore, at; 1–64 characters. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  /** Verified against when the name is unknown, so the answer takes as long either way. */
  private static final Passwords.Hash DUMMY = Passwords.hash("not-a-real-password".toCharArray());

  /** A token as listed: its id (the first 12 characters of its hash), label, owner and state. */
  public record TokenInfo(String id, String name, String trainer, String created, boolean revoked) {}

  /** A freshly created token: the secret (shown once) and its id. */
  public record NewToken(String id, String token) {}

  private final Database db;
  private final Clock clock;

  public Accounts(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Creates the trainer, or changes the password of an existing one; true when created. */
  public boolean setPassword(String name, char[] password) {
    checkName(name);
    Passwords.check(password);
    Passwords.Hash h = Passwords.hash(password);
    return db.use(c -> {
      boolean exists;
      try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM trainers WHERE name = ?")) {
        s.setString(1, name);
        try (ResultSet rs = s.executeQuery()) {
          exists = rs.next();
        }
      }
      try (PreparedStatement s = c.prepareStatement(exists
          ? "UPDATE trainers SET salt = ?, hash = ?, iterations = ? WHERE name = ?"
          : "INSERT INTO trainers(salt, hash, iterations, name, created) VALUES (?,?,?,?,?)")) {
        s.setBytes(1, h.salt());
        s.setBytes(2, h.hash());
        s.setInt(3, h.iterations());
        s.setString(4, name);
        if (!exists) {
          s.setObject(5, now());
        }
        s.executeUpdate();
      }
      return !exists;
    });
  }

  /** Whether the name and password match an account; as slow for an unknown name as a known one. */
  public boolean verify(String name, char[] password) {
    Optional<Passwords.Hash> stored = name == null || !NAME.matcher(name).matches() ? Optional.empty() : db.use(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT salt, hash, iterations FROM trainers WHERE name = ?")) {
        s.setString(1, name);
        try (ResultSet rs = s.executeQuery()) {
          return rs.next() ? Optional.of(new Passwords.Hash(rs.getBytes(1), rs.getBytes(2), rs.getInt(3)))
              : Optional.<Passwords.Hash>empty();
        }
      }
    });
    boolean ok = Passwords.verify(password == null ? new char[0] : password, stored.orElse(DUMMY));
    return ok && stored.isPresent();
  }

  public boolean exists(String name) {
    return db.use(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM trainers WHERE name = ?")) {
        s.setString(1, name);
        try (ResultSet rs = s.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  /** A new API token for {@code trainer}, labelled {@code name}. */
  public NewToken createToken(String trainer, String name) {
    if (!exists(trainer)) {
      throw new IllegalArgumentException("There is no trainer '" + trainer + "'.");
    }
    String label = name == null ? "" : name.strip();
    if (label.isEmpty() || label.length() > 100 || label.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("The token name must be 1 to 100 characters without control characters.");
    }
    String token = "gt_" + Passwords.randomToken(32);
    String hash = Passwords.sha256(token);
    db.use(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO api_tokens(hash, name, trainer, created) VALUES (?,?,?,?)")) {
        s.setString(1, hash);
        s.setString(2, label);
        s.setString(3, trainer);
        s.setObject(4, now());
        return s.executeUpdate();
      }
    });
    return new NewToken(hash.substring(0, 12), token);
  }

  /** The trainer a live token belongs to. */
  public Optional<String> tokenOwner(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    String hash = Passwords.sha256(token.strip());
    return db.use(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT trainer FROM api_tokens WHERE hash = ? AND revoked IS NULL")) {
        s.setString(1, hash);
        try (ResultSet rs = s.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
        }
      }
    });
  }

  public List<TokenInfo> tokens() {
    return db.use(c -> {
      List<TokenInfo> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(
          "SELECT hash, name, trainer, created, revoked FROM api_tokens ORDER BY created DESC");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new TokenInfo(rs.getString(1).substring(0, 12), rs.getString(2), rs.getString(3),
              rs.getObject(4, OffsetDateTime.class).toInstant().toString(), rs.getObject(5) != null));
        }
      }
      return out;
    });
  }

  /** Revokes the live token whose id is {@code id}; false when there is none. */
  public boolean revoke(String id) {
    if (id == null || !id.matches("[0-9a-f]{12}")) {
      return false;
    }
    return db.use(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE api_tokens SET revoked = ? WHERE LEFT(hash, 12) = ? AND revoked IS NULL")) {
        s.setObject(1, now());
        s.setString(2, id);
        return s.executeUpdate() > 0;
      }
    });
  }

  static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "The trainer name must be 1 to 64 letters, digits, dots, hyphens, underscores or @, got '" + name + "'.");
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
