package uk.safeguarding.guidance.curate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.guidance.index.CorpusStamps;
import uk.safeguarding.guidance.ops.Hashes;
import uk.safeguarding.guidance.store.Database;

/**
 * The corpus of record in the database the replicas share (table {@code corpus_files}), mirrored
 * into each replica's corpus folder. Each {@link #sync} compares three versions of every file — this
 * folder's, the database's, and the one both last agreed on — and moves each change the right way: a
 * change made here (a trainer's upload on this replica) is written to the database, a change made
 * elsewhere is written here. A write to the database only lands if the row is still the version
 * this replica last saw, so two replicas never overwrite each other's change unknowingly; when both
 * changed the same file, the database's version wins and the loss is logged. On a first sync the
 * folder and the database are merged (files only one side has are copied to the other). Thread-safe:
 * syncs run one at a time.
 */
public final class CorpusMirror {

  private static final Logger LOG = LoggerFactory.getLogger(CorpusMirror.class);
  /** Files larger than this are not mirrored (uploads are capped far below; a stray file is skipped). */
  static final long MAX_FILE_BYTES = 200L * 1024 * 1024;

  /** What one sync moved. */
  public record Moved(int pushed, int pulled) {

    public boolean any() {
      return pushed + pulled > 0;
    }
  }

  private final Database database;
  private final Path corpusDir;
  private final Clock clock;
  /** Path → SHA-256 both sides held at the last sync. */
  private final Map<String, String> agreed = new HashMap<>();
  /** Path → this folder's file as last hashed: its size and time then, and its SHA-256. */
  private final Map<String, Hashed> hashed = new HashMap<>();

  private record Hashed(CorpusStamps.Stamp stamp, String sha) {}

  public CorpusMirror(Database database, Path corpusDir, Clock clock) {
    this.database = database;
    this.corpusDir = corpusDir;
    this.clock = clock;
  }

  /** Brings the folder and the database level; returns what moved each way. */
  public synchronized Moved sync() {
    Map<String, String> local = scan();
    Map<String, String> remote = remoteShas();
    int pushed = 0;
    int pulled = 0;
    TreeSet<String> paths = new TreeSet<>(local.keySet());
    paths.addAll(remote.keySet());
    for (String path : paths) {
      String here = local.get(path);
      String there = remote.get(path);
      String before = agreed.get(path);
      if (Objects.equals(here, there)) {
        agree(path, here);
        continue;
      }
      boolean changedHere = !Objects.equals(here, before);
      boolean changedThere = !Objects.equals(there, before);
      if (changedHere && !changedThere && push(path, here, before)) {
        agree(path, here);
        pushed++;
        continue;
      }
      if (changedHere && before != null) {
        LOG.warn("{} was changed on this replica and on another at once; the other's version is kept", path);
      }
      pull(path, there);
      agree(path, there);
      pulled++;
    }
    if (pushed + pulled > 0) {
      LOG.info("Corpus mirror: {} file(s) written to the shared database, {} taken from it", pushed, pulled);
    }
    return new Moved(pushed, pulled);
  }

  private void agree(String path, String sha) {
    if (sha == null) {
      agreed.remove(path);
    } else {
      agreed.put(path, sha);
    }
  }

  /**
   * This folder's files (those the index reads) by path, with their SHA-256. A sync runs every few
   * seconds, so like the corpus watcher it lists sizes and times only, and reads and hashes a file
   * only when those moved since it was last hashed.
   */
  private Map<String, String> scan() {
    CorpusStamps stamps;
    try {
      stamps = CorpusStamps.of(corpusDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the corpus folder " + corpusDir + " to mirror it", e);
    }
    hashed.keySet().retainAll(stamps.files().keySet());
    Map<String, String> out = new TreeMap<>();
    stamps.files().forEach((rel, stamp) -> {
      if (stamp.size() > MAX_FILE_BYTES) {
        return;
      }
      Hashed known = hashed.get(rel);
      if (known == null || !known.stamp().equals(stamp)) {
        try {
          known = new Hashed(stamp, Hashes.sha256Hex(Files.readAllBytes(corpusDir.resolve(rel))));
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read " + rel + " to mirror it", e);
        }
        hashed.put(rel, known);
      }
      out.put(rel, known.sha());
    });
    return out;
  }

  private Map<String, String> remoteShas() {
    return database.use(c -> {
      Map<String, String> out = new TreeMap<>();
      try (PreparedStatement s = c.prepareStatement("SELECT path, sha256 FROM corpus_files");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getString(2));
        }
      }
      return out;
    });
  }

  /**
   * Writes this folder's version of {@code path} ({@code sha} null: deleted) to the database, if the
   * row is still at {@code before}; false when another replica changed it first.
   */
  private boolean push(String path, String sha, String before) {
    return database.use(c -> {
      if (sha == null) {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM corpus_files WHERE path = ? AND sha256 = ?")) {
          s.setString(1, path);
          s.setString(2, before);
          return s.executeUpdate() == 1;
        }
      }
      byte[] content;
      try {
        content = Files.readAllBytes(corpusDir.resolve(path));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + path + " to mirror it", e);
      }
      if (!Hashes.sha256Hex(content).equals(sha)) {
        return false; // changed again since the scan: the next sync takes it
      }
      String sql = before == null
          ? "INSERT INTO corpus_files (sha256, content, updated, path) VALUES (?, ?, ?, ?)"
          : "UPDATE corpus_files SET sha256 = ?, content = ?, updated = ? WHERE path = ? AND sha256 = ?";
      try (PreparedStatement s = c.prepareStatement(sql)) {
        s.setString(1, sha);
        s.setBytes(2, content);
        s.setLong(3, clock.millis());
        s.setString(4, path);
        if (before != null) {
          s.setString(5, before);
        }
        return s.executeUpdate() == 1;
      } catch (java.sql.SQLException e) {
        if ("23505".equals(e.getSQLState())) {
          return false; // inserted by another replica a moment ago
        }
        throw e;
      }
    });
  }

  /** Writes the database's version of {@code path} here ({@code sha} null: deletes it). */
  private void pull(String path, String sha) {
    Path target = corpusDir.resolve(path).normalize();
    if (!target.startsWith(corpusDir)) {
      LOG.warn("Corpus mirror: refusing the path {}, which leaves the corpus folder", path);
      return;
    }
    try {
      if (sha == null) {
        Files.deleteIfExists(target);
        return;
      }
      byte[] content = database.use(c -> {
        try (PreparedStatement s = c.prepareStatement("SELECT content FROM corpus_files WHERE path = ?")) {
          s.setString(1, path);
          try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getBytes(1) : null;
          }
        }
      });
      if (content == null) {
        Files.deleteIfExists(target); // deleted since the listing
        return;
      }
      Files.createDirectories(target.getParent());
      Path temp = target.resolveSibling("." + target.getFileName() + ".mirror-" + System.nanoTime());
      Files.write(temp, content);
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + path + " from the shared corpus", e);
    }
  }
}
