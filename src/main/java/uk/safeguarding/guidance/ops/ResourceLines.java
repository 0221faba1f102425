package uk.safeguarding.guidance.ops;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** A list shipped in the jar, one entry a line: its lines, stripped, blank and {@code #} lines left out. Stateless. */
public final class ResourceLines {

  private ResourceLines() {}

  /**
   * The entries of classpath resource {@code resource}, named {@code what} in errors ("the word list"); a
   * missing resource is a build mistake, reported with {@code remedy} (empty, or how to make it).
   */
  public static Set<String> read(String resource, String what, String remedy) {
    Set<String> lines = new HashSet<>();
    try (InputStream in = ResourceLines.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "The " + what + " '" + resource + "' is missing from the jar" + (remedy.isEmpty() ? "" : "; " + remedy));
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String entry = line.strip();
        if (!entry.isEmpty() && !entry.startsWith("#")) {
          lines.add(entry);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the " + what + " '" + resource + "'", e);
    }
    return lines;
  }
}
