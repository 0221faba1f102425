package uk.safeguarding.guidance.embed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives ONNX Runtime its native libraries from a folder under the data directory, copied out of the
 * jar once and reused, instead of letting it unpack them into the temp folder on every start (where a
 * crash mid-start left them behind). Call before the first model is created; does nothing when the
 * operator has set {@value #PROPERTY} or the jar carries no libraries for this platform.
 */
public final class OnnxNatives {

  /** ONNX Runtime's own setting for the folder its libraries are loaded from. */
  static final String PROPERTY = "onnxruntime.native.path";
  private static final Logger LOG = LoggerFactory.getLogger(OnnxNatives.class);

  private OnnxNatives() {}

  /** Points ONNX Runtime at {@code dataDir/native/onnxruntime/<platform>}, filling it if needed. */
  public static void useFolderUnder(Path dataDir) {
    if (System.getProperty(PROPERTY) != null) {
      return;
    }
    String platform = platform();
    List<String> names = libraries();
    Path dir = dataDir.resolve("native").resolve("onnxruntime").resolve(platform);
    try {
      for (String name : names) {
        String resource = "/ai/onnxruntime/native/" + platform + "/" + name;
        try (InputStream in = OnnxNatives.class.getResourceAsStream(resource)) {
          if (in == null) {
            return; // a jar built for another platform: ONNX Runtime reports what is missing as before
          }
          Path target = dir.resolve(name);
          if (!Files.exists(target)) {
            Files.createDirectories(dir);
            Path part = Files.createTempFile(dir, ".part-", "");
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
          }
        }
      }
      System.setProperty(PROPERTY, dir.toAbsolutePath().toString());
    } catch (IOException e) {
      LOG.warn("Could not copy ONNX Runtime's libraries to " + dir + "; it unpacks them itself: " + e.getMessage());
    }
  }

  static String platform() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String cpu = arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : "x64";
    if (os.contains("win")) {
      return "win-" + cpu;
    }
    return (os.contains("mac") ? "osx-" : "linux-") + cpu;
  }

  static List<String> libraries() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    if (os.contains("win")) {
      return List.of("onnxruntime.dll", "onnxruntime4j_jni.dll");
    }
    String ext = os.contains("mac") ? ".dylib" : ".so";
    return List.of("libonnxruntime" + ext, "libonnxruntime4j_jni" + ext);
  }
}
