package uk.safeguarding.guidance.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.InflaterInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads PDF with Apache PDFBox: the text of every page, split into blocks as plain text is
 * ({@link TextLoader#blocks}); the title and subject from the document information when given,
 * else the first heading-like line. Guards against compressed bombs: the decoded size of the
 * streams text extraction would decode is checked before extraction, PDFBox's memory is capped and
 * the extracted text is capped. Stateless, thread-safe.
 */
public final class PdfLoader implements DocumentLoader {

  /** Decoded non-image stream bytes a PDF may hold before it is refused as a bomb. */
  public static final long MAX_DECODED_BYTES = 64L << 20;
  /** Characters of text extracted at most. */
  public static final int MAX_TEXT_CHARS = 5_000_000;
  static final int MAX_PAGES = 3000;
  private static final long MAX_PDFBOX_MEMORY = 256L << 20;

  /** Why a PDF yields no usable text; the message is the reason to show. */
  public static final class UnreadablePdfException extends Exception {
    public UnreadablePdfException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The text and the document information of a PDF. */
  public record Extracted(String text, String title, String subject) {}

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
    Map<String, List<String>> data = new HashMap<>();
    if (!pdf.title().isBlank()) {
      data.put("title", List.of(pdf.title()));
    }
    return FrontMatter.document(file, data, TextLoader.blocks(pdf.text()), fallbackId);
  }

  /** The text of a PDF; refuses one that is not a PDF, is encrypted, is a bomb, or has no text. */
  public static Extracted extract(byte[] content) throws UnreadablePdfException {
    if (content.length < 5 || !new String(content, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
      throw new UnreadablePdfException("not a PDF file (it does not start with %PDF-)", null);
    }
    try (PDDocument doc = Loader.loadPDF(content, "", null, null,
        MemoryUsageSetting.setupMainMemoryOnly(MAX_PDFBOX_MEMORY).streamCache)) {
      if (doc.getNumberOfPages() > MAX_PAGES) {
        throw new UnreadablePdfException("the PDF has " + doc.getNumberOfPages() + " pages, over the limit of "
            + MAX_PAGES, null);
      }
      checkDecodedSize(doc);
      CappedWriter text = new CappedWriter(MAX_TEXT_CHARS);
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      stripper.setParagraphStart("\n");
      stripper.setPageEnd("\n\n");
      stripper.writeText(doc, text);
      String extracted = text.toString().replace("\r\n", "\n").replace('\r', '\n').replace('\u0000', ' ');
      if (extracted.isBlank()) {
        throw new UnreadablePdfException("no extractable text: the PDF holds only images or nothing "
            + "(a scanned document needs OCR first)", null);
      }
      PDDocumentInformation info = doc.getDocumentInformation();
      return new Extracted(extracted, clean(info.getTitle()), clean(info.getSubject()));
    } catch (CappedWriter.Full e) {
      throw new UnreadablePdfException("the PDF's text is over " + MAX_TEXT_CHARS + " characters", e);
    } catch (IOException e) {
      throw new UnreadablePdfException("cannot read the PDF: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new UnreadablePdfException("cannot read the PDF: " + e, e);
    }
  }

  /**
   * Decodes, without keeping, every stream that text extraction could decode (images are never
   * decoded for text), counting bytes: a small file inflating to gigabytes is refused before
   * PDFBox tries to hold it.
   */
  private static void checkDecodedSize(PDDocument doc) throws IOException, UnreadablePdfException {
    long total = 0;
    List<COSObjectKey> keys = new ArrayList<>(doc.getDocument().getXrefTable().keySet());
    for (COSObjectKey key : keys) {
      COSObject object = doc.getDocument().getObjectFromPool(key);
      COSBase base = object == null ? null : object.getObject();
      if (!(base instanceof COSStream stream) || COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
        continue;
      }
      long budget = MAX_DECODED_BYTES - total;
      try (InputStream in = decoded(stream)) {
        total += count(in, budget + 1);
      }
      if (total > MAX_DECODED_BYTES) {
        throw new UnreadablePdfException("the PDF expands to more than " + (MAX_DECODED_BYTES >> 20)
            + " MB when decompressed (a compression bomb?)", null);
      }
    }
  }

  /** Flate chains are inflated here, lazily; other filters go through PDFBox. */
  private static InputStream decoded(COSStream stream) throws IOException {
    COSBase filters = stream.getFilters();
    List<COSBase> list = new ArrayList<>();
    if (filters instanceof COSArray array) {
      array.forEach(list::add);
    } else if (filters != null) {
      list.add(filters);
    }
    if (!list.isEmpty() && list.stream().allMatch(f -> COSName.FLATE_DECODE.equals(f) || COSName.FLATE_DECODE_ABBREVIATION.equals(f))) {
      InputStream in = stream.createRawInputStream();
      for (int i = 0; i < list.size(); i++) {
        in = new InflaterInputStream(in);
      }
      return in;
    }
    return stream.createInputStream();
  }

  private static long count(InputStream in, long limit) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long n = 0;
    int r;
    try {
      while (n < limit && (r = in.read(buffer)) != -1) {
        n += r;
      }
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      return n; // a truncated or damaged stream: PDFBox copes with those, and it is not large
    }
    return n;
  }

  private static String clean(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s+", " ");
  }

  /** Collects text and stops extraction once over its limit. */
  private static final class CappedWriter extends Writer {
    static final class Full extends IOException {
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
