package uk.safeguarding.guidance.learning;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.safeguarding.guidance.answer.AnswerLog;
import uk.safeguarding.guidance.privacy.PersonalData;
import uk.safeguarding.guidance.store.Database;

/**
 * Feedback, unanswered questions and the audit log in the learning database. Every question and
 * reason is masked again before it is written (masking is idempotent), so nothing reaches the disk
 * unmasked whoever calls. Feedback and unanswered questions older than the retention are deleted by
 * {@link #purge()}; the audit log is kept, since it records trainers' work rather than practitioners'
 * questions. Thread-safe.
 */
public final class LearningStore implements AnswerLog {

  static final int MAX_QUESTION = 2000;
  static final int MAX_REASON = 1000;

  /**
   * Questions asked alike: the latest wording, how many times, and when last; {@code urgentReason} is
   * the safety screen's latest reason when it flagged any of them, else "".
   */
  public record Group(String key, String question, int count, Instant last, List<String> reasons, String urgentReason) {

    public boolean urgent() {
      return !urgentReason.isEmpty();
    }
  }

  /** One curation change. */
  public record AuditEntry(long id, Instant at, String actor, String action, String target, String detail) {}

  /** How many records a purge deleted. */
  public record Purged(int feedback, int unanswered) {}

  private final Database db;
  private final Clock clock;
  private final Duration retention;

  public LearningStore(Database db, Clock clock, Duration retention) {
    this.db = db;
    this.clock = clock;
    this.retention = retention;
  }

  @Override
  public void unanswered(String maskedQuestion, String urgentReason) {
    if (keepsNoText()) {
      return; // a retention of 0 days: practitioners' questions are never written
    }
    String q = clip(PersonalData.mask(maskedQuestion), MAX_QUESTION);
    db.use(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO unanswered(at, question, normalized, urgent_reason) VALUES (?,?,?,?)")) {
        s.setObject(1, now());
        s.setString(2, q);
        s.setString(3, clip(Questions.key(q), MAX_QUESTION));
        // The reason quotes the shipped or trainers' examples and cue names, never the question itself.
        s.setString(4, clip(urgentReason, MAX_REASON));
        return s.executeUpdate();
      }
    });
  }

  @Override
  public void rated(String answerId, String maskedQuestion, boolean grounded, boolean up, String reason) {
    // With a retention of 0 days only the rating itself is kept: no question, no reason.
    String q = keepsNoText() ? "" : clip(PersonalData.mask(maskedQuestion), MAX_QUESTION);
    String why = keepsNoText() ? "" : clip(PersonalData.mask(reason), MAX_REASON);
    String id = clip(answerId, 64);
    db.use(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO feedback(at, answer_id, question, normalized, grounded, rating, reason) VALUES (?,?,?,?,?,?,?)")) {
        s.setObject(1, now());
        s.setString(2, id);
        s.setString(3, q);
        s.setString(4, clip(Questions.key(q), MAX_QUESTION));
        s.setBoolean(5, grounded);
        s.setString(6, up ? "up" : "down");
        s.setString(7, why);
        s.executeUpdate();
      }
      // One rating per answer: a second rating of the same answer (up after down, or down again) replaces the
      // first. Deleted after the new one is written, so a failed write never loses the earlier rating.
      try (PreparedStatement d = c.prepareStatement("DELETE FROM feedback WHERE answer_id = ? AND id < "
          + "(SELECT MAX(id) FROM feedback WHERE answer_id = ?)")) {
        d.setString(1, id);
        d.setString(2, id);
        return d.executeUpdate();
      }
    });
  }

  /**
   * Unanswered questions grouped by what they ask: those the safety screen found urgent first (a
   * child in danger the library says nothing about is the gap to fill first), then most asked.
   */
  public List<Group> unansweredGroups() {
    return groups("SELECT normalized, question, at, '', urgent_reason FROM unanswered ORDER BY at DESC, id DESC");
  }

  /** Thumbs-down answers grouped by the question, most often first, with their reasons (newest first). */
  public List<Group> poorlyRatedGroups() {
    return groups(
        "SELECT normalized, question, at, reason, '' FROM feedback WHERE rating = 'down' ORDER BY at DESC, id DESC");
  }

  private List<Group> groups(String sql) {
    return db.use(c -> {
      Map<String, Group> groups = new LinkedHashMap<>();
      try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String key = rs.getString(1);
          String reason = rs.getString(4);
          Group g = groups.get(key);
          List<String> reasons = g == null ? new ArrayList<>() : g.reasons();
          if (!reason.isBlank() && reasons.size() < 10) {
            reasons.add(reason);
          }
          String urgent = rs.getString(5);
          // Rows come newest first: the first one seen gives the wording, the time and the latest urgent reason.
          groups.put(key, g == null ? new Group(key, rs.getString(2), 1, instant(rs, 3), reasons, urgent)
              : new Group(key, g.question(), g.count() + 1, g.last(), reasons,
                  g.urgent() ? g.urgentReason() : urgent));
        }
      }
      List<Group> out = new ArrayList<>(groups.values());
      out.sort(Comparator.comparing((Group g) -> !g.urgent()).thenComparing(Group::count, Comparator.reverseOrder())
          .thenComparing(Group::last, Comparator.reverseOrder()));
      return out.stream().map(g -> new Group(g.key(), g.question(), g.count(), g.last(), List.copyOf(g.reasons()),
          g.urgentReason())).toList();
    });
  }

  /** Records a curation change: who, what, on which target, with a short detail. */
  public void audit(String actor, String action, String target, String detail) {
    db.use(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO audit(at, actor, action, target, detail) VALUES (?,?,?,?,?)")) {
        s.setObject(1, now());
        s.setString(2, clip(actor, 100));
        s.setString(3, clip(action, 40));
        s.setString(4, clip(target, 200));
        s.setString(5, clip(detail, 2000));
        return s.executeUpdate();
      }
    });
  }

  /** The latest audit entries, newest first. */
  public List<AuditEntry> audit(int limit) {
    return db.use(c -> {
      List<AuditEntry> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(
          "SELECT id, at, actor, action, target, detail FROM audit ORDER BY id DESC LIMIT ?")) {
        s.setInt(1, limit);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            out.add(new AuditEntry(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6)));
          }
        }
      }
      return out;
    });
  }

  private boolean keepsNoText() {
    return retention.isZero();
  }

  /**
   * Deletes feedback and unanswered questions older than the retention, then compacts the database
   * so their text cannot be read from its files afterwards (what that means on PostgreSQL is in
   * {@code store.Dialect}). With several replicas, the first to purge deletes and compacts; the
   * others find nothing left to delete.
   */
  public Purged purge() {
    OffsetDateTime cutoff = now().minus(retention);
    Purged purged = db.use(c -> {
      int[] counts = new int[2];
      String[] tables = {"feedback", "unanswered"};
      for (int i = 0; i < 2; i++) {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + tables[i] + " WHERE at < ?")) {
          s.setObject(1, cutoff);
          counts[i] = s.executeUpdate();
        }
      }
      return new Purged(counts[0], counts[1]);
    });
    if (purged.feedback() + purged.unanswered() > 0) {
      db.compact("feedback", "unanswered");
    }
    return purged;
  }

  /** CSV of the unanswered groups. */
  public String unansweredCsv() {
    List<List<String>> rows = unansweredGroups().stream()
        .map(g -> List.of(g.question(), Integer.toString(g.count()), g.last().toString(), g.urgentReason())).toList();
    return Csv.of(List.of("question", "count", "last_asked", "urgent_reason"), rows);
  }

  /** CSV of the poorly rated groups. */
  public String poorlyRatedCsv() {
    List<List<String>> rows = poorlyRatedGroups().stream()
        .map(g -> List.of(g.question(), Integer.toString(g.count()), g.last().toString(),
            String.join(" | ", g.reasons())))
        .toList();
    return Csv.of(List.of("question", "count", "last_rated", "reasons"), rows);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, int column) throws java.sql.SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static String clip(String s, int max) {
    String v = s == null ? "" : s;
    return v.length() <= max ? v : v.substring(0, max);
  }
}
