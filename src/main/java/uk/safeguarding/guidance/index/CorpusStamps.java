package uk.safeguarding.guidance.index;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;

/**
 * The size and modification time of every corpus file, by path: what the corpus watcher compares
 * every few seconds before it pays for reading and hashing the files. One directory walk, no file
 * contents read. Immutable; thread-safe.
 */
public record CorpusStamps(Map<String, Stamp> files) {

  /** A file's size in bytes and its last modification time in milliseconds. */
  public record Stamp(long size, long modified) {}

  public CorpusStamps {
    files = Map.copyOf(files);
  }

  /** Reads the stamps of every file under {@code corpusDir} the corpus hash covers. */
  public static CorpusStamps of(Path corpusDir) throws IOException {
    Map<String, Stamp> files = new TreeMap<>();
    Files.walkFileTree(corpusDir, new SimpleFileVisitor<>() {

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile()) {
          String rel = corpusDir.relativize(file).toString().replace('\\', '/');
          if (!CorpusHash.ignored(rel)) {
            files.put(rel, new Stamp(attrs.size(), attrs.lastModifiedTime().toMillis()));
          }
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return new CorpusStamps(files);
  }
}
