package uk.safeguarding.guidance.curate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Stream;
import uk.safeguarding.guidance.corpus.SourceDocument;

/**
 * The corpus folder's files as versions: a version is the SHA-256 of a file's bytes, every change
 * names the version it was made against, writes are atomic, and nothing is deleted: a replaced or
 * deleted file moves to {@code data/trash} under a time-stamped name, with any original kept in
 * {@code data/originals}. Callers serialise changes; reads are safe at any time.
 */
final class DocumentFiles {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private final Path corpusDir;
  private final Path trashDir;
  private final Path originalsDir;
  private final Clock clock;

  DocumentFiles(Path corpusDir, Path dataDir, Clock clock) {
    this.corpusDir = corpusDir;
    this.trashDir = dataDir.resolve("trash");
    this.originalsDir = dataDir.resolve("originals");
    this.clock = clock;
    CorpusFiles.removeTempFiles(corpusDir); // a crash mid-write leaves only hidden temp files; drop them
  }

  /** The version of {@code file}; that of empty content when it does not exist. */
  String version(Path file) {
    return CorpusFiles.sha256(readOrEmpty(file));
  }

  /** @throws Rejected when {@code version} is missing or no longer the file's */
  void checkVersion(Path file, String version) {
    if (version == null || version.isBlank()) {
      throw Rejected.bad("version", version, "The parameter 'version' is required: send the version you last read, "
          + "so a change made meanwhile is not overwritten.");
    }
    String current = version(file);
    if (!current.equals(version.strip())) {
      throw new Rejected(Rejected.Kind.CONFLICT, "version", version, "Someone else changed this since you loaded it: "
          + "reload, check their change, and save again.", current, null);
    }
  }

  /** Where a new document goes. */
  Path targetFor(PreparedUpload p) {
    return corpusDir.resolve(p.fileName());
  }

  /** The file an edited or replaced document goes to: its own when the format is unchanged. */
  static Path targetFor(SourceDocument current, PreparedUpload p) {
    String name = current.path().getFileName().toString();
    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return ext.equals(p.ext()) ? current.path() : current.path().resolveSibling(p.fileName());
  }

  /** Writes the prepared file (and its original) to {@code target}. */
  void write(Path target, PreparedUpload p) {
    try {
      CorpusFiles.writeAtomically(target, p.bytes());
      if (p.original() != null) {
        CorpusFiles.writeAtomically(originalsDir.resolve(p.id().id() + "." + p.originalExt()), p.original());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code p} in place of {@code current}; the old file goes to the trash when the name changed. */
  Path overwrite(SourceDocument current, PreparedUpload p) throws IOException {
    Path target = targetFor(current, p);
    write(target, p);
    if (!target.equals(current.path())) {
      CorpusFiles.moveToTrash(current.path(), trashDir, stamp());
    }
    return target;
  }

  /** Moves a document's file and any kept original of {@code id} to the trash; returns the file's new name. */
  String trash(Path file, String id) throws IOException {
    String stamp = stamp();
    Path trashed = CorpusFiles.moveToTrash(file, trashDir, stamp);
    try (Stream<Path> originals = Files.exists(originalsDir) ? Files.list(originalsDir) : Stream.empty()) {
      for (Path o : originals.filter(o -> o.getFileName().toString().startsWith(id + ".")).toList()) {
        CorpusFiles.moveToTrash(o, trashDir, stamp);
      }
    }
    return trashed.getFileName().toString();
  }

  /** The path under the corpus folder, with forward slashes, as trainers see it. */
  String relative(Path file) {
    return corpusDir.relativize(file).toString().replace('\\', '/');
  }

  static byte[] readOrEmpty(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private String stamp() {
    return STAMP.format(clock.instant());
  }
}
