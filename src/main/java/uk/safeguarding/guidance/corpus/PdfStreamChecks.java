package uk.safeguarding.guidance.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.InflaterInputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * The checks a loaded PDF passes before PDFBox extracts its text: the decoded size of every stream
 * extraction could decode, and the longest run of operands before an operator in every content
 * stream. Both stream the raw bytes without keeping them, so a bomb is refused before PDFBox tries
 * to hold it. Stateless, thread-safe.
 */
final class PdfStreamChecks {

  private PdfStreamChecks() {}

  /**
   * Meters every page's contents (its streams in order, as PDFBox concatenates them) and every
   * form XObject, the content streams text extraction parses.
   */
  static void checkOperandRuns(PDDocument doc, long limit) throws IOException, PdfLoader.UnreadablePdfException {
    int pageNumber = 0;
    for (PDPage page : doc.getPages()) {
      pageNumber++;
      PdfOperandMeter meter = new PdfOperandMeter(limit);
      COSBase contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
      List<COSBase> streams = new ArrayList<>();
      if (contents instanceof COSArray array) {
        array.forEach(item -> streams.add(item instanceof COSObject o ? o.getObject() : item));
      } else if (contents != null) {
        streams.add(contents);
      }
      for (COSBase item : streams) {
        if (item instanceof COSStream stream && !meterReads(meter, stream)) {
          throw operandsOverLimit("page " + pageNumber, limit);
        }
      }
    }
    for (COSObjectKey key : new ArrayList<>(doc.getDocument().getXrefTable().keySet())) {
      COSObject object = doc.getDocument().getObjectFromPool(key);
      COSBase base = object == null ? null : object.getObject();
      if (base instanceof COSStream stream && COSName.FORM.equals(stream.getCOSName(COSName.SUBTYPE))
          && !meterReads(new PdfOperandMeter(limit), stream)) {
        throw operandsOverLimit("a form (object " + key.getNumber() + ")", limit);
      }
    }
  }

  private static boolean meterReads(PdfOperandMeter meter, COSStream stream) throws IOException {
    try (InputStream in = decoded(stream)) {
      return meter.read(in);
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      return true; // a truncated or damaged stream: PDFBox copes with those, and it is not large
    }
  }

  private static PdfLoader.UnreadablePdfException operandsOverLimit(String where, long limit) {
    return new PdfLoader.UnreadablePdfException("the content of " + where + " has over " + PdfLoader.number(limit >> 10)
        + " KB of operands before an operator, the most allowed (a parser bomb?)", null);
  }

  /**
   * Decodes, without keeping, every stream that text extraction could decode (images are never
   * decoded for text), counting bytes: a small file inflating to gigabytes is refused before
   * PDFBox tries to hold it.
   */
  static void checkDecodedSize(PDDocument doc) throws IOException, PdfLoader.UnreadablePdfException {
    long total = 0;
    List<COSObjectKey> keys = new ArrayList<>(doc.getDocument().getXrefTable().keySet());
    for (COSObjectKey key : keys) {
      COSObject object = doc.getDocument().getObjectFromPool(key);
      COSBase base = object == null ? null : object.getObject();
      if (!(base instanceof COSStream stream) || COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
        continue;
      }
      long budget = PdfLoader.MAX_DECODED_BYTES - total;
      try (InputStream in = decoded(stream)) {
        total += count(in, budget + 1);
      }
      if (total > PdfLoader.MAX_DECODED_BYTES) {
        throw new PdfLoader.UnreadablePdfException("the PDF expands to more than " + (PdfLoader.MAX_DECODED_BYTES >> 20)
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
    if (!list.isEmpty()
        && list.stream().allMatch(f -> COSName.FLATE_DECODE.equals(f) || COSName.FLATE_DECODE_ABBREVIATION.equals(f))) {
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
}
