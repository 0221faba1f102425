package uk.safeguarding.guidance.curate;

import uk.safeguarding.guidance.corpus.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import uk.safeguarding.guidance.corpus.BoundedHtml;
import uk.safeguarding.guidance.corpus.Corpus;
import uk.safeguarding.guidance.corpus.CorpusReader;
import uk.safeguarding.guidance.corpus.DocumentMetadata;
import uk.safeguarding.guidance.corpus.FieldSource;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.corpus.PassageSplitter;
import uk.safeguarding.guidance.corpus.PdfLoader;
import uk.safeguarding.guidance.corpus.SkippedDocumentException;
import uk.safeguarding.guidance.corpus.Slugs;
import uk.safeguarding.guidance.corpus.SourceDocument;
import uk.safeguarding.guidance.index.Analysis;
import uk.safeguarding.guidance.index.IndexStore;
import uk.safeguarding.guidance.learning.LearningStore;

/**
 * Trainers' changes to the corpus folder. Every change is checked against the version (SHA-256 of
 * the file's bytes) the trainer last saw, written atomically, audited, and followed by a reindex;
 * changes run one at a time, so two trainers saving at once get one success and one conflict.
 *
 * <p>How uploads are stored: Markdown and text keep their body verbatim under front matter built
 * from the form (falling back to the file's own); HTML keeps its markup with the metadata in
 * {@code <meta>} tags; a PDF becomes a plain-text file (front matter plus the extracted text, read
 * exactly as the PDF loader would read the PDF), with the original kept in {@code data/originals}.
 * The stored name is always {@code <id>.<ext>}: the uploaded file's name is used only for its
 * extension. Thread-safe.
 */
public final class Curator {

  public static final Set<String> EXTENSIONS = Set.of("md", "markdown", "txt", "html", "htm", "pdf");
  public static final Set<String> TEXT_FILES = Set.of("synonyms", "glossary");
  static final int MAX_FIELD_CHARS = 500;
  static final int MAX_TEXT_FILE_CHARS = 900_000;
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
  private static final Pattern DATE = Pattern.compile("\\d{4}(?:-\\d{2}(?:-\\d{2})?)?");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

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

  /** One passage as the splitter would make it. */
  public record PassagePreview(String anchor, String section, String text) {}

  /**
   * What publishing an upload would give, with nothing written. {@code warnings} stop publishing;
   * {@code extraction} says where each metadata value came from, which expected ones are missing,
   * and structure worth checking, without stopping it.
   */
  public record Preview(DocumentEntry document, List<PassagePreview> passages, List<String> warnings,
      MetadataReport extraction) {}

  /** Where an upload's metadata came from, the expected fields it lacks, and notes on its structure. */
  public record MetadataReport(List<FieldSource> fields, List<String> missing, List<String> notes) {}

  /** A change made: what, to which target, the file and its new version (empty when deleted). */
  public record Change(String action, String target, String file, String version, String detail) {}

  /** An upload turned into the bytes to store. */
  private record Prepared(String id, String ext, byte[] bytes, SourceDocument document, List<Passage> passages,
      byte[] original, String originalExt, List<FieldSource> found) {}

  private final Path corpusDir;
  private final Path trashDir;
  private final Path originalsDir;
  private final Path workDir;
  private final CorpusReader reader;
  private final PassageSplitter splitter = new PassageSplitter();
  private final Supplier<CompletableFuture<?>> reindex;
  private final LearningStore audit;
  private final long maxUploadBytes;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicInteger pendingBuilds = new AtomicInteger();

  public Curator(Path corpusDir, Path dataDir, CorpusReader reader, Supplier<CompletableFuture<?>> reindex,
      LearningStore audit, long maxUploadBytes, Clock clock) {
    this.corpusDir = corpusDir;
    this.trashDir = dataDir.resolve("trash");
    this.originalsDir = dataDir.resolve("originals");
    this.workDir = dataDir.resolve("tmp");
    this.reader = reader;
    this.reindex = reindex;
    this.audit = audit;
    this.maxUploadBytes = maxUploadBytes;
    this.clock = clock;
    CorpusFiles.removeTempFiles(corpusDir); // a crash mid-write leaves only hidden temp files; drop them
    try {
      Folders.deleteTree(workDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clear " + workDir, e);
    }
  }

  public long maxUploadBytes() {
    return maxUploadBytes;
  }

  /** Index builds asked for by changes and not yet finished. */
  public int pendingBuilds() {
    return pendingBuilds.get();
  }

  // ---- reading ----

  public Listing documents() {
    Corpus corpus = reader.read(corpusDir);
    List<DocumentEntry> out = new ArrayList<>();
    for (SourceDocument d : corpus.documents()) {
      out.add(entry(d));
    }
    return new Listing(out, corpus.skipped());
  }

  public DocumentEntry document(String id) {
    return entry(find(scan(), id));
  }

  public TextFile textFile(String name) {
    Path file = textFilePath(name);
    byte[] bytes = readOrEmpty(file);
    return new TextFile(name, file.getFileName().toString(), new String(bytes, StandardCharsets.UTF_8),
        CorpusFiles.sha256(bytes));
  }

  // ---- changes ----

  /** What publishing {@code upload} would store and how it would split; writes nothing. */
  public Preview preview(Upload upload) {
    Prepared p = prepare(upload, null, true);
    List<String> warnings = new ArrayList<>();
    Map<String, SourceDocument> existing = scan();
    if (existing.containsKey(p.id())) {
      warnings.add("A document with id '" + p.id() + "' already exists: publishing will need replace.");
    }
    PreviewChecks.Report report = PreviewChecks.check(p.document(), p.passages(), p.found(), upload.metadata());
    return new Preview(DocumentEntry.of(p.document().metadata(), p.id() + "." + p.ext(), p.ext(),
        CorpusFiles.sha256(p.bytes())), passages(p.passages()), warnings,
        new MetadataReport(report.fields(), report.missing(), report.notes()));
  }

  /** Adds a new document; a taken id is refused. */
  public Change upload(String actor, Upload upload) {
    lock.lock();
    try {
      Prepared p = prepare(upload, null, true);
      Map<String, SourceDocument> existing = scan();
      SourceDocument taken = existing.get(p.id());
      Path target = corpusDir.resolve(p.id() + "." + p.ext());
      if (taken != null || Files.exists(target)) {
        Path at = taken != null ? taken.path() : target;
        throw new Rejected(Rejected.Kind.DUPLICATE, "id", p.id(), "A document with id '" + p.id()
            + "' already exists (" + relative(at) + "): replace it, or choose another id.", version(at), null);
      }
      write(target, p);
      return changed(actor, "document.upload", p.id(), target, "uploaded '" + shortName(upload.filename()) + "': "
          + p.passages().size() + " passages");
    } finally {
      lock.unlock();
    }
  }

  /** Replaces a document's file (and metadata, where the form gives it); the id stays. */
  public Change replace(String actor, String id, String version, Upload upload) {
    lock.lock();
    try {
      SourceDocument current = find(scan(), id);
      checkVersion(current.path(), version);
      Prepared p = prepare(upload, current, true);
      Path target = targetFor(current, p);
      write(target, p);
      if (!target.equals(current.path())) {
        CorpusFiles.moveToTrash(current.path(), trashDir, stamp());
      }
      return changed(actor, "document.replace", id, target, "replaced with '" + shortName(upload.filename()) + "': "
          + p.passages().size() + " passages");
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
      checkVersion(current.path(), version);
      if (form.id() != null && !form.id().isBlank() && !form.id().strip().equals(id)) {
        throw Rejected.bad("id", form.id(), "The parameter 'id' cannot change ('" + id
            + "' stays): upload the document under the new id and delete this one.");
      }
      byte[] bytes = Files.readAllBytes(current.path());
      Prepared p = prepare(new Upload(current.path().getFileName().toString(), bytes, form), current, false);
      Path target = targetFor(current, p);
      write(target, p);
      if (!target.equals(current.path())) {
        CorpusFiles.moveToTrash(current.path(), trashDir, stamp());
      }
      return changed(actor, "document.edit", id, target, "metadata: " + describe(form));
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
      checkVersion(current.path(), version);
      String stamp = stamp();
      Path trashed = CorpusFiles.moveToTrash(current.path(), trashDir, stamp);
      try (Stream<Path> originals = Files.exists(originalsDir) ? Files.list(originalsDir) : Stream.empty()) {
        for (Path o : originals.filter(o -> o.getFileName().toString().startsWith(id + ".")).toList()) {
          CorpusFiles.moveToTrash(o, trashDir, stamp);
        }
      }
      audit.audit(actor, "document.delete", id, "moved " + relative(current.path()) + " to trash/" + trashed.getFileName());
      triggerReindex();
      return new Change("document.delete", id, "trash/" + trashed.getFileName(), "", "moved to the trash folder");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete document '" + id + "': " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** Saves the synonyms or glossary file after checking it parses. */
  public Change saveTextFile(String actor, String name, String version, String text) {
    Path file = textFilePath(name);
    if (text == null) {
      throw Rejected.bad("text", null, "The parameter 'text' is required.");
    }
    if (text.length() > MAX_TEXT_FILE_CHARS || text.indexOf('\0') >= 0) {
      throw Rejected.bad("text", null, "The parameter 'text' must be at most " + MAX_TEXT_FILE_CHARS
          + " characters of text without NUL characters.");
    }
    String normalised = text.replace("\r\n", "\n");
    if (name.equals("synonyms")) {
      String problem = Analysis.withSynonyms(normalised).synonymsProblem();
      if (!problem.isEmpty()) {
        throw Rejected.bad("text", null, "The synonyms do not parse: " + problem);
      }
    } else {
      checkGlossary(normalised);
    }
    lock.lock();
    try {
      checkVersion(file, version);
      byte[] bytes = normalised.getBytes(StandardCharsets.UTF_8);
      CorpusFiles.writeAtomically(file, bytes);
      long lines = normalised.lines().filter(l -> !l.isBlank() && !l.strip().startsWith("#")).count();
      audit.audit(actor, name + ".save", file.getFileName().toString(), lines + " entries");
      triggerReindex();
      return new Change(name + ".save", file.getFileName().toString(), file.getFileName().toString(),
          CorpusFiles.sha256(bytes), lines + " entries");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** Starts a reindex of the corpus as it is now (e.g. after editing files by hand). */
  public void reindexNow(String actor) {
    audit.audit(actor, "reindex", "corpus", "asked for a reindex");
    triggerReindex();
  }

  // ---- preparing uploads ----

  private Prepared prepare(Upload upload, SourceDocument current, boolean checkSize) {
    String filename = upload.filename();
    if (filename == null || filename.isBlank()) {
      throw Rejected.bad("file", null, "The parameter 'file' must be a file; none was sent.");
    }
    if (filename.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw Rejected.bad("file", shortName(filename), "The file name must not contain control characters.");
    }
    String base = shortName(filename);
    int dot = base.lastIndexOf('.');
    String ext = dot < 0 ? "" : base.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (!EXTENSIONS.contains(ext)) {
      throw Rejected.bad("file", base, "Unsupported file type '" + (ext.isEmpty() ? base : "." + ext)
          + "': upload Markdown (.md), HTML (.html), plain text (.txt) or PDF (.pdf).");
    }
    byte[] content = upload.content();
    if (content.length == 0) {
      throw Rejected.bad("file", base, "The file '" + base + "' is empty.");
    }
    if (checkSize && content.length > maxUploadBytes) {
      throw new Rejected(Rejected.Kind.TOO_LARGE, "file", base, "The file '" + base + "' is " + content.length
          + " bytes, over the upload limit of " + (maxUploadBytes >> 20) + " MB.");
    }
    Map<String, List<String>> own;
    String body;
    String storedExt = ext;
    byte[] original = null;
    List<FieldSource> found = List.of();
    if (ext.equals("pdf")) {
      PdfLoader.Extracted pdf;
      try {
        pdf = PdfLoader.extract(content);
      } catch (PdfLoader.UnreadablePdfException e) {
        throw new Rejected(Rejected.Kind.BAD_INPUT, "file", base, "The PDF '" + base + "' cannot be used: "
            + e.getMessage() + ".", null, e);
      }
      own = new LinkedHashMap<>();
      // Stored as text, the PDF keeps what its layout and document information said in its front matter.
      for (FieldSource f : pdf.metadata()) {
        own.put(f.field(), List.of(f.value()));
      }
      found = pdf.metadata();
      body = pdf.text();
      storedExt = "txt";
      original = content;
    } else if (ext.equals("html") || ext.equals("htm")) {
      body = utf8(content, base);
      try {
        own = HtmlMeta.read(body);
      } catch (BoundedHtml.TooComplexException e) {
        throw new Rejected(Rejected.Kind.BAD_INPUT, "file", base, "The file '" + base + "' cannot be used: "
            + e.getMessage() + ".", null, e);
      }
      original = content;
    } else {
      FrontMatterText.Split split = FrontMatterText.split(utf8(content, base));
      own = split.data();
      body = split.body();
    }
    Map<String, List<String>> data = merge(upload.metadata(), own, current, dot < 0 ? base : base.substring(0, dot));
    String id = data.get("id").get(0);
    String text = storedExt.startsWith("htm") ? HtmlMeta.rewrite(body, data) : FrontMatterText.render(data, body);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    SourceDocument doc = load(id + "." + storedExt, bytes, base);
    List<Passage> passages = splitter.split(doc);
    if (passages.isEmpty()) {
      throw Rejected.bad("file", base, "The file '" + base + "' has no text to quote.");
    }
    return new Prepared(id, storedExt, bytes, doc, passages, original, ext, found);
  }

  /** Form values win, then the file's own metadata, then the current document's; the id is checked. */
  private Map<String, List<String>> merge(MetadataForm form, Map<String, List<String>> own, SourceDocument current,
      String fileStem) {
    Map<String, List<String>> data = new LinkedHashMap<>(own);
    data.remove("organization");
    DocumentMetadata cur = current == null ? null : current.metadata();
    put(data, "title", field("title", form.title()), cur == null ? null : cur.title());
    put(data, "organisation", field("organisation", form.organisation()), cur == null ? null : cur.organisation());
    put(data, "type", field("type", form.type()), cur == null ? null : cur.documentType());
    put(data, "date", field("date", form.date()), cur == null ? null : cur.date());
    put(data, "period", field("period", form.period()), cur == null ? null : cur.period());
    put(data, "source", field("source", form.source()), cur == null ? null : cur.source());
    if (form.themes() != null) {
      form.themes().forEach(t -> field("themes", t));
      data.put("themes", form.themes());
    } else if (!data.containsKey("themes") && cur != null) {
      data.put("themes", cur.themes());
    }
    String date = first(data, "date");
    if (!date.isEmpty() && !DATE.matcher(date).matches()) {
      throw Rejected.bad("date", date, "The parameter 'date' must be YYYY, YYYY-MM or YYYY-MM-DD, got '" + date + "'.");
    }
    String source = first(data, "source");
    if (!source.isEmpty() && !source.matches("(?i)https?://\\S+")) {
      throw Rejected.bad("source", source, "The parameter 'source' must be a web address starting http:// or https://.");
    }
    String formId = field("id", form.id());
    String id;
    if (cur != null) {
      id = cur.id(); // a replaced or edited document keeps its id, whatever the new file says
    } else if (formId != null && !formId.isEmpty()) {
      id = formId;
    } else if (!first(data, "id").isEmpty()) {
      id = first(data, "id");
    } else if (!first(data, "title").isEmpty()) {
      id = Slugs.slug(first(data, "title"));
    } else {
      id = Slugs.slug(fileStem); // as the corpus reader names a file without an id; the title is checked on loading
    }
    if (!ID.matcher(id).matches() || id.length() > 120) {
      throw Rejected.bad("id", id, "The parameter 'id' must be a slug: lowercase letters, digits and single hyphens, "
          + "at most 120 characters, got '" + id + "'.");
    }
    if (RESERVED_IDS.contains(id)) {
      // Stored as <id>.<ext>, these would become the corpus's own configuration files, invisible as documents.
      throw Rejected.bad("id", id, "The id '" + id + "' is reserved for the corpus folder's own files ("
          + String.join(", ", new java.util.TreeSet<>(CorpusReader.RESERVED)) + "); choose another.");
    }
    data.put("id", List.of(id));
    return data;
  }

  /** Ids whose stored file ({@code <id>.md} or {@code <id>.txt}) would be one of the corpus's reserved names. */
  static final java.util.Set<String> RESERVED_IDS = CorpusReader.RESERVED.stream()
      .map(name -> name.substring(0, name.lastIndexOf('.'))).collect(java.util.stream.Collectors.toUnmodifiableSet());

  private static void put(Map<String, List<String>> data, String key, String formValue, String currentValue) {
    if (formValue != null) {
      data.put(key, formValue.isEmpty() ? List.of() : List.of(formValue));
    } else if (first(data, key).isEmpty() && currentValue != null && !currentValue.isEmpty()) {
      data.put(key, List.of(currentValue));
    }
  }

  /** A form field, stripped; null when not given. Refuses very long values and control characters. */
  private static String field(String name, String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    if (v.length() > MAX_FIELD_CHARS) {
      throw Rejected.bad(name, v.substring(0, 40) + "…", "The parameter '" + name + "' must be at most "
          + MAX_FIELD_CHARS + " characters.");
    }
    if (v.chars().anyMatch(c -> Character.isISOControl(c))) {
      throw Rejected.bad(name, v, "The parameter '" + name + "' must not contain control characters or line breaks.");
    }
    return v;
  }

  private static String first(Map<String, List<String>> data, String key) {
    List<String> v = data.get(key);
    return v == null || v.isEmpty() || v.get(0) == null ? "" : v.get(0).strip();
  }

  /**
   * Uploads parsed at once. Each parse is bounded (about 100 MB at worst, see the loaders), so two
   * at a time keep any number of trainers' uploads inside a 512 MB heap; the rest wait their turn.
   */
  static final int CONCURRENT_PARSES = 2;
  /** How long an upload waits for a turn before it is refused. */
  static final java.time.Duration PARSE_WAIT = java.time.Duration.ofMinutes(2);
  private final java.util.concurrent.Semaphore parses = new java.util.concurrent.Semaphore(CONCURRENT_PARSES, true);

  /** Loads the bytes to be stored exactly as the corpus reader will, from a private work folder. */
  private SourceDocument load(String name, byte[] bytes, String shownName) {
    try {
      if (!parses.tryAcquire(PARSE_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
        throw Rejected.bad("file", shownName, "The server is still reading other uploads; try again in a minute.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Rejected.bad("file", shownName, "The upload was interrupted; try again.");
    }
    try {
      return loadAlone(name, bytes, shownName);
    } finally {
      parses.release();
    }
  }

  private SourceDocument loadAlone(String name, byte[] bytes, String shownName) {
    Path dir = null;
    try {
      Files.createDirectories(workDir);
      dir = Files.createTempDirectory(workDir, "load-");
      Path file = dir.resolve(name);
      Files.write(file, bytes);
      return reader.load(file);
    } catch (SkippedDocumentException e) {
      if (e.getMessage().startsWith("missing title")) {
        throw Rejected.bad("title", "", "The parameter 'title' must not be empty: the file gives no title either.");
      }
      throw new Rejected(Rejected.Kind.BAD_INPUT, "file", shownName, "The file '" + shownName + "' cannot be used: "
          + e.getMessage() + ".", null, e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot stage an upload under " + workDir + ": " + e.getMessage(), e);
    } finally {
      try {
        Folders.deleteTree(dir);
      } catch (IOException e) {
        // Cleared again at the next start.
      }
    }
  }

  private static String utf8(byte[] content, String name) {
    for (byte b : content) {
      if (b == 0) {
        throw Rejected.bad("file", name, "The file '" + name + "' is not text: it contains NUL bytes.");
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      throw Rejected.bad("file", name, "The file '" + name + "' is not UTF-8 text; save it as UTF-8 and try again.");
    }
  }

  private static void checkGlossary(String text) {
    int n = 0;
    for (String line : text.lines().toList()) {
      n++;
      String l = line.strip();
      int colon = l.indexOf(':');
      if (!l.isEmpty() && !l.startsWith("#") && (colon < 1 || colon == l.length() - 1)) {
        throw Rejected.bad("text", l, "Line " + n + " of the glossary must read 'TERM: what it stands for'.");
      }
    }
  }

  // ---- files ----

  private void write(Path target, Prepared p) {
    try {
      CorpusFiles.writeAtomically(target, p.bytes());
      if (p.original() != null) {
        CorpusFiles.writeAtomically(originalsDir.resolve(p.id() + "." + p.originalExt()), p.original());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** The file an edited or replaced document goes to: its own when the format is unchanged. */
  private static Path targetFor(SourceDocument current, Prepared p) {
    String name = current.path().getFileName().toString();
    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return ext.equals(p.ext()) ? current.path() : current.path().resolveSibling(p.id() + "." + p.ext());
  }

  private Change changed(String actor, String action, String id, Path target, String detail) {
    audit.audit(actor, action, id, relative(target) + ": " + detail);
    triggerReindex();
    return new Change(action, id, relative(target), version(target), detail);
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

  private void checkVersion(Path file, String version) {
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

  private String version(Path file) {
    return CorpusFiles.sha256(readOrEmpty(file));
  }

  private static byte[] readOrEmpty(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private Path textFilePath(String name) {
    if (!TEXT_FILES.contains(name)) {
      throw new Rejected(Rejected.Kind.NOT_FOUND, "name", name, "No library file '" + name
          + "': there are 'synonyms' and 'glossary'.");
    }
    return corpusDir.resolve(name.equals("synonyms") ? IndexStore.SYNONYMS_FILE : IndexStore.GLOSSARY_FILE);
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
    return DocumentEntry.of(d.metadata(), relative(d.path()), name.substring(name.lastIndexOf('.') + 1),
        version(d.path()));
  }

  private static List<PassagePreview> passages(List<Passage> passages) {
    return passages.stream().map(p -> new PassagePreview(p.anchor(), p.section(), p.text())).toList();
  }

  private String relative(Path file) {
    return corpusDir.relativize(file).toString().replace('\\', '/');
  }

  private String stamp() {
    return STAMP.format(clock.instant());
  }

  /** The last path segment of an uploaded name, for messages only; never used as a path. */
  static String shortName(String filename) {
    if (filename == null) {
      return "";
    }
    String base = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
    base = base.replaceAll("\\p{Cntrl}", "?");
    return base.length() > 100 ? base.substring(0, 100) + "…" : base;
  }

  private static String describe(MetadataForm f) {
    List<String> parts = new ArrayList<>();
    if (f.title() != null) {
      parts.add("title");
    }
    if (f.organisation() != null) {
      parts.add("organisation");
    }
    if (f.type() != null) {
      parts.add("type");
    }
    if (f.date() != null) {
      parts.add("date");
    }
    if (f.period() != null) {
      parts.add("period");
    }
    if (f.themes() != null) {
      parts.add("themes");
    }
    if (f.source() != null) {
      parts.add("source");
    }
    return parts.isEmpty() ? "no fields" : String.join(", ", parts);
  }

}
