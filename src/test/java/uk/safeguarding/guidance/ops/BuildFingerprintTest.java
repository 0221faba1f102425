package uk.safeguarding.guidance.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildFingerprintTest {

  private static final Map<String, String> FILES =
      Map.of("uk/A.class", "class A", "uk/b/B.class", "class B", "answer/examples.jsonl", "{}");

  private static void jar(Path jar, Map<String, String> files) throws IOException {
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
      zip.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("uk/"));
      for (Map.Entry<String, String> f : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(f.getKey()));
        zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static void folder(Path dir, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = dir.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue());
    }
  }

  @Test
  void a_folder_of_classes_and_its_jar_share_a_fingerprint_that_any_change_moves(@TempDir Path dir) throws IOException {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    folder(classes, FILES);
    jar(dir.resolve("thin.jar"), FILES);
    Path library = Files.writeString(dir.resolve("lucene-core-9.12.3.jar"), "a library");
    // The unit tests run from the folder, the integration tests from the thin jar, each beside the libraries.
    List<String> classPath = List.of(classes.toString(), library.toString());
    String fromFolder = BuildFingerprint.of(classes, classPath);
    assertTrue(fromFolder.matches("[0-9a-f]{64}"), "read, not made up: " + fromFolder);
    assertEquals(fromFolder, BuildFingerprint.of(dir.resolve("thin.jar"),
        List.of(dir.resolve("thin.jar").toString(), library.toString())), "the jar, its manifest aside");
    assertEquals(fromFolder, BuildFingerprint.of(classes, classPath), "read again");

    Path otherLibrary = Files.writeString(dir.resolve("lucene-core-9.12.4.jar"), "a library");
    assertNotEquals(fromFolder, BuildFingerprint.of(classes, List.of(classes.toString(), otherLibrary.toString())),
        "another library version");
    Files.writeString(classes.resolve("uk/b/B.class"), "class B changed");
    assertNotEquals(fromFolder, BuildFingerprint.of(classes, classPath), "a changed class");
  }

  @Test
  void this_build_has_a_fingerprint_read_from_its_classes() {
    assertTrue(BuildFingerprint.current().matches("[0-9a-f]{64}"), BuildFingerprint.current());
    assertEquals(BuildFingerprint.current(), BuildFingerprint.of(BuildFingerprint.class));
  }
}
