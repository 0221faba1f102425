package uk.safeguarding.guidance.curate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.guidance.ops.Hashes;

/**
 * File operations that lose nothing: writes go to a hidden temp file in the same folder, are
 * synced, then renamed over the target atomically, so a crash leaves the old file or the new one,
 * never half of either; deletes move the file to a trash folder. Stateless, thread-safe.
 */
final class CorpusFiles {

  private static final Logger LOG = LoggerFactory.getLogger(CorpusFiles.class);
  static final String TEMP_PREFIX = ".curate-";

  private CorpusFiles() {}

  static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path temp = dir.resolve(TEMP_PREFIX + Long.toHexString(System.nanoTime()) + ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          ch.write(buffer);
        }
        ch.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      syncDirectory(dir);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Moves {@code file} into {@code trashDir} under a time-stamped name; returns where it went. */
  static Path moveToTrash(Path file, Path trashDir, String stamp) throws IOException {
    Files.createDirectories(trashDir);
    Path target = trashDir.resolve(stamp + "-" + file.getFileName());
    for (int n = 2; Files.exists(target); n++) {
      target = trashDir.resolve(stamp + "-" + n + "-" + file.getFileName());
    }
    try {
      Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(file, target); // another file system: copy then delete
    }
    return target;
  }

  /** Deletes temp files a crash left mid-write in the corpus folder (they are never documents). */
  static int removeTempFiles(Path dir) {
    int removed = 0;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().startsWith(TEMP_PREFIX)).toList()) {
        Files.deleteIfExists(p);
        removed++;
      }
    } catch (IOException e) {
      LOG.warn("Could not clean temp files under " + dir + ": " + e.getMessage());
    }
    return removed;
  }

  static String sha256(byte[] bytes) {
    return Hashes.sha256Hex(bytes);
  }

  /** The directory entry of the rename reaches the disk too; not every platform can open a folder. */
  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Windows cannot open a directory as a channel; the rename is still atomic there.
    }
  }
}
