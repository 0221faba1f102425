package uk.safeguarding.guidance.curate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import uk.safeguarding.guidance.corpus.Corpus;
import uk.safeguarding.guidance.corpus.CorpusReader;
import uk.safeguarding.guidance.corpus.DocumentMetadata;
import uk.safeguarding.guidance.corpus.FieldSource;
import uk.safeguarding.guidance.corpus.SourceDocument;
import uk.safeguarding.guidance.learning.LearningStore;

/**
 * Trainers' changes to the corpus folder, one front door over the rooms that do the work: {@link
 * UploadPreparer} (an upload into the bytes to store, in memory), {@link DocumentFields} (the
 * metadata), {@link DocumentFiles} (versions, atomic writes, trash), {@link LibraryTextFiles}
 * (synonyms and glossary) and an {@link AuditTrail}. Every change is checked against the version
 * the trainer last saw, audited, and followed by a reindex; changes run one at a time, so two
 * trainers saving at once get one success and one conflict. The stored name is always
 * {@code <id>.<ext>}. Thread-safe.
 */
public final class Curator {

  public static final Set<String> EXTENSIONS = UploadPreparer.EXTENSIONS;
  public static final Set<String> TEXT_FILES = LibraryTextFiles.NAMES;

  /** A document as trainers see it: metadata, file and version. */
  public record DocumentEntry(String id, String title, String organisation, String type, String date, String period,
      List<String> themes, String source, String file, String format, String version) {

    static DocumentEntry of(DocumentMetadata m, String file, String format, String version) {
      return new DocumentEntry(m.id(), m.title(), m.organisation(), m.documentType(), m.date(), m.period(), m.themes(),
          m.source(), file, format, version);
    }
  }

  /** The documents, and the files in the folder that are not documents with why. */
  public record Listing(List<DocumentEntry> documents, List<Corpus.Skipped> skipped) {}

  /** The synonyms or glossary file. */
  public record TextFile(String name, String file, String text, String version) {}

  /** One passage as it will be cited, with what it is for ({@link PassageKinds}). */
  public record PassagePreview(String anchor, String section, String text, String kind) {}

  /** One block of the file as read (heading, paragraph, list, table): what structure fixes name. */
  public record OutlineBlock(int index, String kind, int level, String text) {}

  /** The id a document would be stored under, and how it was chosen, in words. */
  public record IdView(String id, String how) {}

  /**
   * What publishing an upload would give, with nothing written. {@code existing} is the document the
   * id already names, which publishing would replace; {@code warnings} say so; {@code extraction}
   * says where each metadata value came from, which expected ones are missing, and structure worth
   * checking; {@code outline} is the file's blocks, for fixing its structure. A very long file lists only its
   * first passages and blocks ({@code passageCount} and {@code blockCount} say how many there are).
   */
  public record Preview(DocumentEntry document, IdView id, DocumentEntry existing, List<PassagePreview> passages,
      int passageCount, List<OutlineBlock> outline, int blockCount, List<String> warnings, MetadataReport extraction) {}

  /**
   * Where an upload's metadata came from, the expected fields it lacks, notes on its structure, and
   * themes the library already uses that suit it ({@link ThemeSuggestions}).
   */
  public record MetadataReport(List<FieldSource> fields, List<String> missing, List<String> notes,
      List<ThemeSuggestion> suggestedThemes) {}

  /** A theme the library already uses, suggested for an upload, and why (its source). */
  public record ThemeSuggestion(String theme, String source) {}

  /** A change made: what, to which target, the file and its new version (empty when deleted). */
  public record Change(String action, String target, String file, String version, String detail) {}

  private final Path corpusDir;
  private final CorpusReader reader;
  private final UploadPreparer uploads;
  private final DocumentFiles files;
  private final LibraryTextFiles textFiles;
  private final Supplier<CompletableFuture<?>> reindex;
  private final AuditTrail audit;
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicInteger pendingBuilds = new AtomicInteger();

  public Curator(Path corpusDir, Path dataDir, CorpusReader reader, Supplier<CompletableFuture<?>> reindex,
      AuditTrail audit, long maxUploadBytes, Clock clock) {
    this.corpusDir = corpusDir;
    this.reader = reader;
    this.uploads = new UploadPreparer(reader, corpusDir, maxUploadBytes);
    this.files = new DocumentFiles(corpusDir, dataDir, clock);
    this.textFiles = new LibraryTextFiles(corpusDir);
    this.reindex = reindex;
    this.audit = audit;
  }

  /** Audited in the learning store's log. */
  public Curator(Path corpusDir, Path dataDir, CorpusReader reader, Supplier<CompletableFuture<?>> reindex,
      LearningStore audit, long maxUploadBytes, Clock clock) {
    this(corpusDir, dataDir, reader, reindex, (AuditTrail) audit::audit, maxUploadBytes, clock);
  }

  public long maxUploadBytes() {
    return uploads.maxUploadBytes();
  }

  /** Index builds asked for by changes and not yet finished. */
  public int pendingBuilds() {
    return pendingBuilds.get();
  }

  // ---- reading ----

  public Listing documents() {
    Corpus corpus = reader.read(corpusDir);
    return new Listing(corpus.documents().stream().map(this::entry).toList(), corpus.skipped());
  }

  public DocumentEntry document(String id) {
    return entry(find(scan(), id));
  }

  public TextFile textFile(String name) {
    Path file = textFiles.path(name);
    byte[] bytes = DocumentFiles.readOrEmpty(file);
    return new TextFile(name, file.getFileName().toString(), new String(bytes, StandardCharsets.UTF_8),
        CorpusFiles.sha256(bytes));
  }

  // ---- changes ----

  /** What publishing {@code upload} would store and how it would split; writes nothing. */
  public Preview preview(Upload upload) {
    PreparedUpload p = uploads.prepare(upload, null, true);
    Map<String, SourceDocument> library = scan();
    SourceDocument taken = library.get(p.id().id());
    List<ThemeSuggestion> themes = ThemeSuggestions.suggest(p.document(), library.values()).stream()
        .map(s -> new ThemeSuggestion(s.theme(), s.source())).toList();
    return Previews.of(p, taken == null ? null : entry(taken), PreviewChecks.check(p.document(), p.passages(),
        p.found(), upload.metadata()), themes);
  }

  /** Adds a new document; a taken id is refused. */
  public Change upload(String actor, Upload upload) {
    lock.lock();
    try {
      PreparedUpload p = uploads.prepare(upload, null, true);
      SourceDocument taken = scan().get(p.id().id());
      Path target = files.targetFor(p);
      if (taken != null || Files.exists(target)) {
        Path at = taken != null ? taken.path() : target;
        throw new Rejected(Rejected.Kind.DUPLICATE, "id", p.id().id(), "A document with id '" + p.id().id()
            + "' already exists (" + files.relative(at) + "): replace it, or choose another id.", files.version(at),
            null);
      }
      files.write(target, p);
      return changed(actor, "document.upload", p.id().id(), target, "uploaded '"
          + UploadPreparer.shortName(upload.filename()) + "': " + p.passages().size() + " passages");
    } finally {
      lock.unlock();
    }
  }

  /** Replaces a document's file (and metadata, where the form gives it); the id stays. */
  public Change replace(String actor, String id, String version, Upload upload) {
    lock.lock();
    try {
      SourceDocument current = find(scan(), id);
      files.checkVersion(current.path(), version);
      PreparedUpload p = uploads.prepare(upload, current.metadata(), true);
      Path target = files.overwrite(current, p);
      return changed(actor, "document.replace", id, target, "replaced with '"
          + UploadPreparer.shortName(upload.filename()) + "': " + p.passages().size() + " passages");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot replace document '" + id + "': " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** Changes a document's metadata; the text stays as it is. */
  public Change editMetadata(String actor, String id, String version, MetadataForm form) {
    lock.lock();
    try {
      SourceDocument current = find(scan(), id);
      files.checkVersion(current.path(), version);
      if (form.id() != null && !form.id().isBlank() && !form.id().strip().equals(id)) {
        throw Rejected.bad("id", form.id(), "The parameter 'id' cannot change ('" + id
            + "' stays): upload the document under the new id and delete this one.");
      }
      byte[] bytes = Files.readAllBytes(current.path());
      PreparedUpload p = uploads.prepare(new Upload(current.path().getFileName().toString(), bytes, form),
          current.metadata(), false);
      Path target = files.overwrite(current, p);
      return changed(actor, "document.edit", id, target,
          "metadata: " + MetadataForm.changes(current.metadata(), p.document().metadata()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot edit document '" + id + "': " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** Moves a document's file (and any kept original) to the trash folder. */
  public Change delete(String actor, String id, String version) {
    lock.lock();
    try {
      SourceDocument current = find(scan(), id);
      files.checkVersion(current.path(), version);
      String trashed = files.trash(current.path(), id);
      audit.record(actor, "document.delete", id, "moved " + files.relative(current.path()) + " to trash/" + trashed);
      triggerReindex();
      return new Change("document.delete", id, "trash/" + trashed, "", "moved to the trash folder");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete document '" + id + "': " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** Saves the synonyms or glossary file after checking it parses. */
  public Change saveTextFile(String actor, String name, String version, String text) {
    Path file = textFiles.path(name);
    String checked = LibraryTextFiles.checked(name, text);
    lock.lock();
    try {
      files.checkVersion(file, version);
      byte[] bytes = checked.getBytes(StandardCharsets.UTF_8);
      CorpusFiles.writeAtomically(file, bytes);
      String detail = LibraryTextFiles.entries(checked) + " entries";
      audit.record(actor, name + ".save", file.getFileName().toString(), detail);
      triggerReindex();
      return new Change(name + ".save", file.getFileName().toString(), file.getFileName().toString(),
          CorpusFiles.sha256(bytes), detail);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** Starts a reindex of the corpus as it is now (e.g. after editing files by hand). */
  public void reindexNow(String actor) {
    audit.record(actor, "reindex", "corpus", "asked for a reindex");
    triggerReindex();
  }

  // ---- helpers ----

  private Change changed(String actor, String action, String id, Path target, String detail) {
    audit.record(actor, action, id, files.relative(target) + ": " + detail);
    triggerReindex();
    return new Change(action, id, files.relative(target), files.version(target), detail);
  }

  private void triggerReindex() {
    pendingBuilds.incrementAndGet();
    try {
      reindex.get().whenComplete((r, e) -> pendingBuilds.decrementAndGet());
    } catch (RuntimeException e) {
      pendingBuilds.decrementAndGet();
      throw e;
    }
  }

  private Map<String, SourceDocument> scan() {
    Map<String, SourceDocument> byId = new HashMap<>();
    reader.read(corpusDir).documents().forEach(d -> byId.put(d.id(), d));
    return byId;
  }

  private static SourceDocument find(Map<String, SourceDocument> docs, String id) {
    SourceDocument d = docs.get(id);
    if (d == null) {
      throw new Rejected(Rejected.Kind.NOT_FOUND, "id", id, "No document with id '" + id + "'.");
    }
    return d;
  }

  private DocumentEntry entry(SourceDocument d) {
    String name = d.path().getFileName().toString();
    return DocumentEntry.of(d.metadata(), files.relative(d.path()), name.substring(name.lastIndexOf('.') + 1),
        files.version(d.path()));
  }

}
