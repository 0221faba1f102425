package uk.safeguarding.guidance.ops;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names the code this process runs, so that what it wrote to disk from its own computations (trained
 * models) is read back only by the same build: any change to a class, a resource or a library changes
 * it. From the jar, every entry's name, size and CRC (read from the jar's directory, nothing unpacked);
 * from a folder of classes (tests, an IDE), every file's name, size and modification time. When neither
 * can be read, a name no other process shares, so nothing is ever reused by mistake. Thread-safe.
 */
public final class BuildFingerprint {

  private static final Logger LOG = LoggerFactory.getLogger(BuildFingerprint.class);

  private BuildFingerprint() {}

  /** This build's fingerprint, worked out once. */
  public static String current() {
    return Holder.CURRENT;
  }

  private static final class Holder {

    static final String CURRENT = of(BuildFingerprint.class);
  }

  /** The fingerprint of the jar or the folder of classes {@code anchor} was loaded from. */
  static String of(Class<?> anchor) {
    try {
      Path where = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      MessageDigest digest = Hashes.sha256();
      if (Files.isRegularFile(where)) {
        try (ZipFile jar = new ZipFile(where.toFile())) {
          for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements();) {
            ZipEntry entry = e.nextElement();
            update(digest, entry.getName(), entry.getSize(), entry.getCrc());
          }
        }
      } else {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(where)) {
          files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
          update(digest, where.relativize(f).toString(), Files.size(f), Files.getLastModifiedTime(f).toMillis());
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException | URISyntaxException | RuntimeException e) {
      LOG.warn("The build's fingerprint could not be read ({}); models trained here are not reused after a restart",
          e.toString());
      return "unknown-" + UUID.randomUUID();
    }
  }

  private static void update(MessageDigest digest, String name, long size, long check) {
    digest.update(name.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    digest.update(Long.toString(size).getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    digest.update(Long.toString(check).getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }
}
