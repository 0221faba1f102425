package uk.safeguarding.guidance.curate;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import uk.safeguarding.guidance.corpus.Block;
import uk.safeguarding.guidance.corpus.BoundedHtml;
import uk.safeguarding.guidance.corpus.CorpusReader;
import uk.safeguarding.guidance.corpus.DocumentMetadata;
import uk.safeguarding.guidance.corpus.FieldSource;
import uk.safeguarding.guidance.corpus.MissingTitleException;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.corpus.PassageSplitter;
import uk.safeguarding.guidance.corpus.PdfLoader;
import uk.safeguarding.guidance.corpus.SkippedDocumentException;
import uk.safeguarding.guidance.corpus.SourceDocument;

/**
 * Turns an upload into the bytes to store, read back as the corpus reader will read them, all in
 * memory: nothing touches the disk, so a preview and a publish of the same upload give the same
 * result and this is tested without a corpus folder. Markdown and text keep their body under front
 * matter built from the form (falling back to the file's own); HTML keeps its markup with the
 * metadata in {@code <meta>} tags; a PDF becomes text (front matter plus the text the PDF loader
 * reads), its original kept aside. Structure fixes ({@link StructureFix}) name blocks of the file as
 * read; with any, the document is stored as text written from the fixed blocks. Thread-safe.
 */
final class UploadPreparer {

  /** The extensions an upload may have. */
  static final Set<String> EXTENSIONS = Set.of("md", "markdown", "txt", "html", "htm", "pdf");
  /**
   * Uploads parsed at once. Each parse is bounded (about 100 MB at worst, see the loaders), so two
   * at a time keep any number of trainers' uploads inside a 512 MB heap; the rest wait their turn.
   */
  static final int CONCURRENT_PARSES = 2;
  /** How long an upload waits for a turn before it is refused. */
  static final Duration PARSE_WAIT = Duration.ofMinutes(2);
  /** A document whose structure a trainer fixed is stored as text: the format those fixes are written in. */
  static final String FIXED_EXT = "txt";
  /** Longest uploaded file name shown back in a message. */
  private static final int SHOWN_NAME_CHARS = 100;

  private final CorpusReader reader;
  private final Path corpusDir;
  private final long maxUploadBytes;
  private final PassageSplitter splitter = new PassageSplitter();
  private final Semaphore parses = new Semaphore(CONCURRENT_PARSES, true);

  /** @param corpusDir only names the stored document's path; never read or written here */
  UploadPreparer(CorpusReader reader, Path corpusDir, long maxUploadBytes) {
    this.reader = reader;
    this.corpusDir = corpusDir;
    this.maxUploadBytes = maxUploadBytes;
  }

  long maxUploadBytes() {
    return maxUploadBytes;
  }

  /**
   * @param current   the document being replaced or edited (its id stays, its metadata fills gaps), or null
   * @param checkSize whether the upload limit applies (not to a stored file being re-edited)
   * @throws Rejected naming the parameter at fault
   */
  PreparedUpload prepare(Upload upload, DocumentMetadata current, boolean checkSize) {
    String base = checkedName(upload.filename());
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
    long chars = ext.equals("pdf") ? 0 : CorpusReader.utf8Chars(content); // a PDF's text is capped as it is read
    if (chars > CorpusReader.MAX_TEXT_CHARS) {
      // Refused before any copy of it is made: reading a text costs several times its size in heap.
      throw new Rejected(Rejected.Kind.TOO_LARGE, "file", base, String.format(Locale.ROOT, "The file '%s' has %,d "
          + "characters, over the limit of %,d for one document: split it into several documents.", base, chars,
          CorpusReader.MAX_TEXT_CHARS));
    }
    Decoded d = decode(ext, content, base);
    DocumentFields fields = d.fields().under(upload.metadata(), current);
    IdChoice id = IdChoice.choose(upload.metadata().id(), fields, current, dot < 0 ? base : base.substring(0, dot));
    fields = fields.withId(id.id());
    byte[] bytes = stored(d, fields);
    String storedExt = d.storedExt();
    SourceDocument doc = load(id.id() + "." + storedExt, bytes, base);
    IdChoice fromTitle = id.orFromTitle(doc.metadata().title());
    if (!fromTitle.equals(id)) {
      // The title was read from the document itself (its first heading, a PDF's largest text): a better id
      // than the file's name, which is often "final v3 (2)".
      id = fromTitle;
      fields = fields.withId(id.id());
      bytes = stored(d, fields);
      doc = load(id.id() + "." + storedExt, bytes, base);
    }
    List<Block> outline = doc.blocks();
    byte[] original = d.original();
    if (!upload.fixes().isEmpty()) {
      // The fixed structure is written as text with "#" headings, so every later reindex reads it as fixed.
      String body = StructureEditor.render(doc.metadata().title(), StructureEditor.apply(outline, upload.fixes()));
      storedExt = FIXED_EXT;
      bytes = FrontMatterText.render(fields, body).getBytes(StandardCharsets.UTF_8);
      doc = load(id.id() + "." + storedExt, bytes, base);
      original = content;
    }
    List<Passage> passages = splitter.split(doc);
    if (passages.isEmpty()) {
      throw Rejected.bad("file", base, "The file '" + base + "' has no text to quote.");
    }
    return new PreparedUpload(id, storedExt, bytes, doc, passages, original, ext, d.found(), outline);
  }

  private static byte[] stored(Decoded d, DocumentFields fields) {
    String text = d.storedExt().startsWith("htm") ? HtmlMeta.rewrite(d.body(), fields)
        : FrontMatterText.render(fields, d.body());
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** An upload's own metadata and body, before the form is applied. */
  private record Decoded(DocumentFields fields, String body, String storedExt, byte[] original,
      List<FieldSource> found) {}

  private static Decoded decode(String ext, byte[] content, String base) {
    if (ext.equals("pdf")) {
      PdfLoader.Extracted pdf;
      try {
        pdf = PdfLoader.extract(content);
      } catch (PdfLoader.UnreadablePdfException e) {
        throw new Rejected(Rejected.Kind.BAD_INPUT, "file", base, "The PDF '" + base + "' cannot be used: "
            + e.getMessage() + ".", null, e);
      }
      // Stored as text, the PDF keeps what its layout and document information said in its front matter.
      Map<String, List<String>> own = new LinkedHashMap<>();
      pdf.metadata().forEach(f -> own.put(f.field(), List.of(f.value())));
      return new Decoded(DocumentFields.of(own), pdf.text(), "txt", content, pdf.metadata());
    }
    if (ext.equals("html") || ext.equals("htm")) {
      String html = utf8(content, base);
      try {
        return new Decoded(HtmlMeta.read(html), html, ext, content, List.of());
      } catch (BoundedHtml.TooComplexException e) {
        throw new Rejected(Rejected.Kind.BAD_INPUT, "file", base, "The file '" + base + "' cannot be used: "
            + e.getMessage() + ".", null, e);
      }
    }
    FrontMatterText.Split split = FrontMatterText.split(utf8(content, base));
    return new Decoded(split.fields(), split.body(), ext, null, List.of());
  }

  /** Reads the bytes to be stored exactly as the corpus reader will, waiting for a turn to parse. */
  private SourceDocument load(String name, byte[] bytes, String shownName) {
    try {
      if (!parses.tryAcquire(PARSE_WAIT.toSeconds(), TimeUnit.SECONDS)) {
        throw Rejected.bad("file", shownName, "The server is still reading other uploads; try again in a minute.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Rejected.bad("file", shownName, "The upload was interrupted; try again.");
    }
    try {
      return reader.parse(corpusDir.resolve(name), bytes);
    } catch (MissingTitleException e) {
      throw Rejected.bad("title", "", "The parameter 'title' must not be empty: the file gives no title either.");
    } catch (SkippedDocumentException e) {
      throw new Rejected(Rejected.Kind.BAD_INPUT, "file", shownName, "The file '" + shownName + "' cannot be used: "
          + e.getMessage() + ".", null, e);
    } finally {
      parses.release();
    }
  }

  private static String checkedName(String filename) {
    if (filename == null || filename.isBlank()) {
      throw Rejected.bad("file", null, "The parameter 'file' must be a file; none was sent.");
    }
    if (filename.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw Rejected.bad("file", shortName(filename), "The file name must not contain control characters.");
    }
    return shortName(filename);
  }

  /** The last path segment of an uploaded name, for messages only; never used as a path. */
  static String shortName(String filename) {
    if (filename == null) {
      return "";
    }
    String base = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
    base = base.replaceAll("\\p{Cntrl}", "?");
    return base.length() > SHOWN_NAME_CHARS ? base.substring(0, SHOWN_NAME_CHARS) + "…" : base;
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
}
