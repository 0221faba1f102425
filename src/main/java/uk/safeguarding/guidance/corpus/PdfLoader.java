package uk.safeguarding.guidance.corpus;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Reads PDF with Apache PDFBox: the text of every page, split into blocks as plain text is
 * ({@link TextLoader#blocks}); the title and subject from the document information when given,
 * else the first heading-like line. Works within a memory and time budget whatever the file: the
 * decoded size of the streams text extraction would decode is checked first, as is the longest run
 * of operands PDFBox would collect before an operator; PDFBox buffers in temporary files rather
 * than the heap; text is counted glyph by glyph while it is extracted, so a page stops at its cap
 * before it is sorted or buffered whole; and a deadline is checked at every operator. Whatever
 * exceeds a limit is refused with a reason naming the limit. Stateless, thread-safe.
 */
public final class PdfLoader implements DocumentLoader {

  /** Decoded non-image stream bytes a PDF may hold before it is refused as a bomb. */
  public static final long MAX_DECODED_BYTES = 64L << 20;
  /** Characters of text extracted at most. */
  public static final int MAX_TEXT_CHARS = 5_000_000;
  /**
   * Characters of text one page may hold: a dense A4 page of 8-point text holds about 8,000, so
   * this is twelve times that. Each glyph costs PDFBox about 400 bytes until its page is written,
   * so this also caps a page's extraction at about 40 MB of heap.
   */
  public static final int MAX_PAGE_CHARS = 100_000;
  /**
   * Bytes of operands a content stream may hold between two operators. Real pages need a few
   * kilobytes at most (a long line's {@code TJ} array); PDFBox holds operands at about 25 bytes of
   * heap per byte, so this caps that at about 25 MB.
   */
  public static final long MAX_OPERAND_BYTES = 1L << 20;
  /**
   * Wall-clock time one PDF may take to read. A 300-page report takes a few seconds; a file that
   * keeps PDFBox busy longer is refused rather than holding a request thread.
   */
  public static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final int MAX_PAGES = 3000;

  /** The budget one extraction works within; the defaults are the constants above. */
  record Limits(int maxPageChars, int maxTextChars, long maxOperandBytes, Duration timeout) {

    static final Limits DEFAULT = new Limits(MAX_PAGE_CHARS, MAX_TEXT_CHARS, MAX_OPERAND_BYTES, TIMEOUT);

    Limits {
      if (maxPageChars < 1 || maxTextChars < 1 || maxOperandBytes < 1 || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("Every PDF limit must be positive, got " + maxPageChars + ", "
            + maxTextChars + ", " + maxOperandBytes + ", " + timeout + ".");
      }
    }
  }

  /** Why a PDF yields no usable text; the message is the reason to show. */
  public static final class UnreadablePdfException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnreadablePdfException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * A PDF's text with its structure recovered ({@link PdfStructure}), ready for the text loader;
   * its title; and the metadata found in its layout, words and document information, best first.
   */
  public record Extracted(String text, String title, String subject, List<FieldSource> metadata,
      List<String> warnings) {

    public Extracted {
      metadata = List.copyOf(metadata);
      warnings = List.copyOf(warnings);
    }

    /** The value found for {@code field} ("title", "organisation", "type", "date", "themes"), or empty. */
    public String value(String field) {
      return metadata.stream().filter(f -> f.field().equals(field)).map(FieldSource::value).findFirst().orElse("");
    }
  }

  @Override
  public Set<String> extensions() {
    return Set.of("pdf");
  }

  @Override
  public SourceDocument load(Path file, byte[] content, String fallbackId) throws SkippedDocumentException {
    Extracted pdf;
    try {
      pdf = extract(content);
    } catch (UnreadablePdfException e) {
      throw new SkippedDocumentException(file, e.getMessage(), e);
    }
    MetadataCandidates found = new MetadataCandidates();
    pdf.metadata().forEach(f -> found.offer(f.field(), f.value(), f.source()));
    pdf.warnings().forEach(found::warn);
    return FrontMatter.document(file, new HashMap<>(), TextLoader.blocks(pdf.text()), fallbackId, found);
  }

  /** The text of a PDF; refuses one that is not a PDF, is encrypted, is a bomb, or has no text. */
  public static Extracted extract(byte[] content) throws UnreadablePdfException {
    return extract(content, Limits.DEFAULT);
  }

  static Extracted extract(byte[] content, Limits limits) throws UnreadablePdfException {
    if (content.length < 5
        || !new String(content, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
      throw new UnreadablePdfException("not a PDF file (it does not start with %PDF-)", null);
    }
    long deadline = System.nanoTime() + limits.timeout().toNanos();
    // Temporary files, not the heap, hold what PDFBox decodes and buffers.
    try (PDDocument doc = Loader.loadPDF(content, "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
      if (doc.getNumberOfPages() > MAX_PAGES) {
        throw new UnreadablePdfException("the PDF has " + doc.getNumberOfPages() + " pages, over the limit of "
            + MAX_PAGES, null);
      }
      PdfStreamChecks.checkDecodedSize(doc);
      PdfStreamChecks.checkOperandRuns(doc, limits.maxOperandBytes());
      CappedWriter text = new CappedWriter(limits.maxTextChars());
      LineCollector stripper = new LineCollector(limits.maxPageChars(), deadline, limits.timeout());
      stripper.setSortByPosition(true);
      stripper.setParagraphStart("\n");
      stripper.setPageEnd("\n\n");
      stripper.writeText(doc, text);
      String extracted = text.toString().replace("\r\n", "\n").replace('\r', '\n').replace('\u0000', ' ');
      if (extracted.isBlank()) {
        throw new UnreadablePdfException("no extractable text: the PDF holds only images or nothing "
            + "(a scanned document needs OCR first)", null);
      }
      return PdfMetadata.extracted(stripper.lines(), doc.getDocumentInformation());
    } catch (BoundedTextStripper.OverBudget e) {
      throw new UnreadablePdfException(e.getMessage(), e);
    } catch (CappedWriter.Full e) {
      throw new UnreadablePdfException("the PDF's text is over " + number(limits.maxTextChars())
          + " characters, the most one document may hold", e);
    } catch (IOException e) {
      throw new UnreadablePdfException("cannot read the PDF: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new UnreadablePdfException("cannot read the PDF: " + e, e);
    }
  }

  static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String clean(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s+", " ");
  }

  /** Collects text and stops extraction once over its limit. */
  private static final class CappedWriter extends Writer {

    static final class Full extends IOException {

      private static final long serialVersionUID = 1L;

      Full() {
        super("text limit reached");
      }
    }

    private final StringBuilder out = new StringBuilder();
    private final int max;

    CappedWriter(int max) {
      this.max = max;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      if (out.length() + len > max) {
        throw new Full();
      }
      out.append(buf, off, len);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return out.toString();
    }
  }
}
