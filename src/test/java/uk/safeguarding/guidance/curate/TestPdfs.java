package uk.safeguarding.guidance.curate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Small PDFs made with PDFBox itself, so no binary fixtures are checked in. */
public final class TestPdfs {

  private TestPdfs() {}

  /** One page per entry; each page's lines written top-down. */
  public static byte[] text(String title, List<List<String>> pages) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      if (title != null) {
        doc.getDocumentInformation().setTitle(title);
      }
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (List<String> lines : pages) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          float y = 720;
          for (String line : lines) {
            if (!line.isEmpty()) {
              cs.beginText();
              cs.setFont(font, 11);
              cs.newLineAtOffset(72, y);
              cs.showText(line);
              cs.endText();
            }
            y -= line.isEmpty() ? 22 : 15;
          }
        }
      }
      return save(doc);
    }
  }

  /** A page with a picture and no text, like a scan. */
  public static byte[] imageOnly() throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      java.awt.image.BufferedImage img =
          new java.awt.image.BufferedImage(40, 40, java.awt.image.BufferedImage.TYPE_INT_RGB);
      for (int x = 0; x < 40; x++) {
        img.setRGB(x, x, 0xffffff);
      }
      PDImageXObject image = LosslessFactory.createFromImage(doc, img);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.drawImage(image, 72, 500, 200, 200);
      }
      return save(doc);
    }
  }

  /** A page and no content at all. */
  public static byte[] empty() throws IOException {
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      return save(doc);
    }
  }

  /** A small file whose page content inflates to {@code decodedBytes} of blanks: a compression bomb. */
  public static byte[] bomb(long decodedBytes) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      PDStream stream = new PDStream(doc);
      try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
        byte[] blanks = new byte[1 << 20];
        java.util.Arrays.fill(blanks, (byte) ' ');
        for (long n = 0; n < decodedBytes; n += blanks.length) {
          out.write(blanks);
        }
      }
      page.setContents(stream);
      return save(doc);
    }
  }

  /**
   * One page whose content, about 40 MB of text operators when {@code decodedBytes} is 40 MB,
   * deflates to roughly a 1:300 ratio: a text bomb. Every line is a short {@code Tj}, so no operand
   * run is long and only the page's text cap can stop it.
   */
  public static byte[] textBomb(long decodedBytes) throws IOException {
    return oneContentPage("(Refer the child to social care the same day.) Tj\n", "", decodedBytes);
  }

  /** One page whose content is a single {@code TJ} array of {@code decodedBytes} one-letter strings. */
  public static byte[] operandBomb(long decodedBytes) throws IOException {
    return oneContentPage("(a)", "[", decodedBytes);
  }

  private static byte[] oneContentPage(String unit, String prefix, long decodedBytes) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      PDResources resources = new PDResources();
      COSName font = resources.add(new PDType1Font(Standard14Fonts.FontName.HELVETICA));
      page.setResources(resources);
      PDStream stream = new PDStream(doc);
      try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
        out.write(ascii("BT /" + font.getName() + " 1 Tf 72 720 Td\n" + prefix));
        byte[] units = ascii(unit.repeat(Math.max(1, (1 << 16) / unit.length())));
        for (long n = 0; n < decodedBytes; n += units.length) {
          out.write(units);
        }
        out.write(ascii(prefix.isEmpty() ? "ET\n" : "] TJ ET\n"));
      }
      page.setContents(stream);
      return save(doc);
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  private static byte[] save(PDDocument doc) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.save(out);
    return out.toByteArray();
  }
}
