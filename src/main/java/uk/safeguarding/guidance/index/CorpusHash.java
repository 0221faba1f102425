package uk.safeguarding.guidance.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import uk.safeguarding.guidance.ops.Hashes;

/**
 * The content hash that names an index: every file under the corpus folder (paths and bytes) and
 * the index format, so an unchanged corpus finds its index again and any edit gets a new one.
 * Stateless, thread-safe.
 */
final class CorpusHash {

  /**
   * Bump when analysis or field mapping ({@link PassageDocuments}) changes, so old indexes are not
   * reused.
   */
  static final String FORMAT = "passages-v6";

  private CorpusHash() {}

  /** The SHA-256, in lower-case hex, of every file under {@code corpusDir} and the index format. */
  static String of(Path corpusDir) throws IOException {
    MessageDigest digest = Hashes.sha256();
    digest.update(FORMAT.getBytes(StandardCharsets.UTF_8));
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpusDir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      String rel = corpusDir.relativize(file).toString().replace('\\', '/');
      if (ignored(rel)) {
        continue;
      }
      digest.update(rel.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(Files.readAllBytes(file));
      digest.update((byte) 0);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Editor swap files and version-control folders are not the corpus. */
  static boolean ignored(String relativePath) {
    return relativePath.startsWith(".") || relativePath.contains("/.");
  }
}
