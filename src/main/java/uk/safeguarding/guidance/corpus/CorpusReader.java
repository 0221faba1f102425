package uk.safeguarding.guidance.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.guidance.ops.TrainerLines;
import uk.safeguarding.guidance.ops.Progress;

/**
 * Reads every document file in a corpus folder. A file that cannot be read is skipped with a
 * reason and counted; it never stops the rest. Thread-safe: holds only immutable loaders.
 */
public final class CorpusReader {

  private static final Logger LOG = LoggerFactory.getLogger(CorpusReader.class);
  /**
   * Lines a text, Markdown or HTML file may have. Each line can become a block, a passage and sentences:
   * an outsider's probe ran a 384 MB heap out with a 15 MB file of five million one-letter paragraphs,
   * well within the 20 MB size limit, and other users' requests failed with it. The longest report in
   * the library has under 2,000 lines; a file with more than this is several documents joined, or data.
   */
  public static final int MAX_LINES = 100_000;
  /**
   * Characters of text one document may have, the same cap as a PDF's extracted text: the longest
   * report in the library has under 70,000, a long statutory guidance about 600,000. Reading a text
   * file costs about seven times its size in heap (the bytes, the string, blocks, passages, sentences),
   * and an outsider's probe ran the documented 256 MB heap out with one 20 MB text upload, within
   * the upload size limit.
   */
  public static final int MAX_TEXT_CHARS = PdfLoader.MAX_TEXT_CHARS;
  /**
   * Room a stored document has beyond what was uploaded, for the front matter or meta tags written
   * from the trainers' form (ten fields of 500 characters and 30 themes of 80 are under 25 KB in
   * UTF-8): a file accepted at the upload limit must load again at every reindex.
   */
  public static final int METADATA_ALLOWANCE = 64 << 10;
  /** The size limit of {@link #standard()}: the default upload limit. */
  static final long STANDARD_MAX_FILE_BYTES = 20L << 20;

  /** The trainers' synonyms in the corpus folder, read by the search analyser. */
  public static final String SYNONYMS_FILE = "synonyms.txt";
  /** The trainers' glossary of abbreviations in the corpus folder, read by the answer step. */
  public static final String GLOSSARY_FILE = "glossary.txt";

  /** Files in the corpus folder that configure the library rather than being documents. */
  public static final Set<String> RESERVED = Set.of(SYNONYMS_FILE, GLOSSARY_FILE, "readme.md",
      TrainerLines.URGENCY.file(), TrainerLines.ANSWERS.file());

  private final Map<String, DocumentLoader> loaders = new HashMap<>();
  private final long maxFileBytes;

  public CorpusReader(List<DocumentLoader> loaders, long maxFileBytes) {
    for (DocumentLoader loader : loaders) {
      loader.extensions().forEach(ext -> this.loaders.put(ext, loader));
    }
    this.maxFileBytes = maxFileBytes;
  }

  /** A reader for Markdown, HTML, plain text and PDF, with a 20 MB limit per file. */
  public static CorpusReader standard() {
    return forUploadsUpTo(STANDARD_MAX_FILE_BYTES);
  }

  /**
   * A reader that loads every file a trainer may upload ({@code maxUploadBytes}, or 20 MB if less),
   * with the metadata written into it.
   */
  public static CorpusReader forUploadsUpTo(long maxUploadBytes) {
    return new CorpusReader(List.of(new MarkdownLoader(), new HtmlLoader(), new TextLoader(), new PdfLoader()),
        Math.max(STANDARD_MAX_FILE_BYTES, maxUploadBytes) + METADATA_ALLOWANCE);
  }

  /** Whether a file name is one the corpus would try to load as a document. */
  public boolean isDocumentFile(Path file) {
    String name = file.getFileName().toString();
    return !name.startsWith(".") && !name.startsWith("_") && !RESERVED.contains(name.toLowerCase(Locale.ROOT));
  }

  public Set<String> supportedExtensions() {
    return Set.copyOf(loaders.keySet());
  }

  /** The document files under {@code dir}, sorted by path so ids and order are deterministic. */
  public List<Path> files(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> pathIsVisible(dir.relativize(p)))
          .filter(this::isDocumentFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the corpus folder " + dir, e);
    }
  }

  private static boolean pathIsVisible(Path relative) {
    for (Path part : relative) {
      String s = part.toString();
      if (s.startsWith(".") || s.startsWith("_")) {
        return false;
      }
    }
    return true;
  }

  /** Reads the whole corpus folder. */
  public Corpus read(Path dir) {
    List<SourceDocument> documents = new ArrayList<>();
    List<Corpus.Skipped> skipped = new ArrayList<>();
    Map<String, Path> ids = new HashMap<>();
    List<Path> files = files(dir);
    Progress progress = Progress.logged(LOG, "Reading documents", "documents", files.size());
    for (Path file : files) {
      progress.step();
      try {
        SourceDocument doc = load(file);
        Path previous = ids.putIfAbsent(doc.id(), file);
        if (previous != null) {
          throw new SkippedDocumentException(file, "duplicate id '" + doc.id() + "': already used by "
              + dir.relativize(previous));
        }
        documents.add(doc);
      } catch (SkippedDocumentException e) {
        String where = dir.relativize(file).toString();
        LOG.warn("Skipped " + where + ": " + e.getMessage());
        skipped.add(new Corpus.Skipped(where, e.getMessage()));
      }
    }
    progress.finish();
    return new Corpus(documents, skipped);
  }

  /** Loads one file, or says why it cannot be a document. */
  public SourceDocument load(Path file) throws SkippedDocumentException {
    try {
      long size = Files.size(file);
      if (size > maxFileBytes) { // refused before reading it whole
        throw new SkippedDocumentException(file, "the file is " + size + " bytes, over the limit of " + maxFileBytes);
      }
      return parse(file, Files.readAllBytes(file));
    } catch (IOException e) {
      throw new SkippedDocumentException(file, "cannot read the file: " + e.getMessage(), e);
    }
  }

  /**
   * Reads {@code content} exactly as {@link #load} would read it from {@code file}, without touching
   * the disk: {@code file} only names the document (its extension picks the loader, its stem is the
   * id when the content names none). Lets trainers' uploads be checked before anything is written.
   */
  public SourceDocument parse(Path file, byte[] content) throws SkippedDocumentException {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    DocumentLoader loader = loaders.get(ext);
    if (loader == null) {
      throw new SkippedDocumentException(file, "unsupported file type '" + (ext.isEmpty() ? name : "." + ext)
          + "': supported are " + String.join(", ", loaders.keySet().stream().sorted().toList()));
    }
    if (content.length == 0) {
      throw new SkippedDocumentException(file, "the file is empty");
    }
    if (content.length > maxFileBytes) {
      throw new SkippedDocumentException(file, "the file is " + content.length + " bytes, over the limit of "
          + maxFileBytes);
    }
    if (!ext.equals("pdf")) { // a PDF's text is bounded as it is extracted
      int lines = lines(content);
      if (lines > MAX_LINES) {
        throw new SkippedDocumentException(file, String.format(Locale.ROOT, "the file has %,d lines, over the limit "
            + "of %,d: split it into several documents", lines, MAX_LINES));
      }
      long chars = utf8Chars(content);
      if (chars > MAX_TEXT_CHARS + METADATA_ALLOWANCE) {
        throw new SkippedDocumentException(file, String.format(Locale.ROOT, "the file has %,d characters, over the "
            + "limit of %,d: split it into several documents", chars, MAX_TEXT_CHARS + METADATA_ALLOWANCE));
      }
    }
    try {
      return loader.load(file, content, Slugs.slug(dot < 0 ? name : name.substring(0, dot)));
    } catch (RuntimeException e) {
      // A loader bug or a pathological file must not stop the rest of the corpus.
      throw new SkippedDocumentException(file, "cannot parse the file: " + e, e);
    }
  }

  /** Lines in {@code content} as an editor counts them (LF, CRLF or CR ends one): counted on the bytes. */
  static int lines(byte[] content) {
    int breaks = 0;
    for (int i = 0; i < content.length; i++) {
      if (content[i] == '\n' || content[i] == '\r' && (i + 1 == content.length || content[i + 1] != '\n')) {
        breaks++;
      }
    }
    byte last = content.length == 0 ? (byte) '\n' : content[content.length - 1];
    return last == '\n' || last == '\r' ? breaks : breaks + 1;
  }

  /** Characters in UTF-8 {@code content}, counted on the bytes (every byte that does not continue one). */
  public static long utf8Chars(byte[] content) {
    long chars = 0;
    for (byte b : content) {
      if ((b & 0xC0) != 0x80) {
        chars++;
      }
    }
    return chars;
  }
}
