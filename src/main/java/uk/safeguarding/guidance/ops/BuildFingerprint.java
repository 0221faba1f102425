package uk.safeguarding.guidance.ops;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names the code this process runs, so that what it wrote to disk from its own computations (trained
 * models) is read back only by the same build: any change to a class, a resource or a library changes
 * it. Every file of the jar or folder of classes the code was loaded from, by name, size and CRC-32 of
 * its content (a jar's directory already holds them: nothing is unpacked), leaving out {@code META-INF/}
 * (a jar's manifest and Maven's notes, which a folder of the same classes lacks), and the names of the
 * library jars beside it on the class path (their versions; the server's own jar has them inside). So
 * the build's folder of classes and its thin jar, which hold the same files, share a fingerprint. When
 * nothing can be read, a name no other process shares, so nothing is ever reused by mistake. Thread-safe.
 */
public final class BuildFingerprint {

  private static final Logger LOG = LoggerFactory.getLogger(BuildFingerprint.class);
  /** Left out of the fingerprint: a jar's manifest and build notes. */
  private static final String JAR_NOTES = "META-INF/";

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
      return of(where, Arrays.asList(System.getProperty("java.class.path", "").split(File.pathSeparator)));
    } catch (URISyntaxException | RuntimeException e) {
      return unknown(e);
    }
  }

  /** The fingerprint of the jar or folder {@code where}, beside the jars of {@code classPath}. */
  static String of(Path where, List<String> classPath) {
    try {
      Map<String, String> files = new TreeMap<>();
      if (Files.isRegularFile(where)) {
        try (ZipFile jar = new ZipFile(where.toFile())) {
          for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements();) {
            ZipEntry entry = e.nextElement();
            if (!entry.isDirectory() && !entry.getName().startsWith(JAR_NOTES)) {
              files.put(entry.getName(), entry.getSize() + ":" + entry.getCrc());
            }
          }
        }
      } else {
        List<Path> found;
        try (Stream<Path> walk = Files.walk(where)) {
          found = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : found) {
          String name = where.relativize(f).toString().replace(File.separatorChar, '/');
          if (!name.startsWith(JAR_NOTES)) {
            byte[] bytes = Files.readAllBytes(f);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            files.put(name, bytes.length + ":" + crc.getValue());
          }
        }
      }
      MessageDigest digest = Hashes.sha256();
      files.forEach((name, sizeAndCrc) -> update(digest, name + "\0" + sizeAndCrc));
      classPath.stream().filter(p -> p.endsWith(".jar")).map(p -> Path.of(p))
          .filter(p -> !p.toAbsolutePath().equals(where.toAbsolutePath()) && Files.isRegularFile(p))
          .map(p -> p.getFileName().toString()).sorted().forEach(name -> update(digest, "library\0" + name));
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException | RuntimeException e) {
      return unknown(e);
    }
  }

  private static String unknown(Exception e) {
    LOG.warn("The build's fingerprint could not be read ({}); models trained here are not reused after a restart",
        e.toString());
    return "unknown-" + UUID.randomUUID();
  }

  private static void update(MessageDigest digest, String line) {
    digest.update(line.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) '\n');
  }
}
