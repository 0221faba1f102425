package uk.safeguarding.guidance.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Lays out the structure fixtures' PDFs from their {@code .pdf.spec} files as a word processor would:
 * a running header and "Page n of m" footer on every page, a large title, bold numbered headings,
 * bold labels opening paragraphs, wrapped body text. The PDFs are checked in beside their specs;
 * run {@code main} to regenerate them after editing a spec.
 *
 * <p>Spec lines: {@code info-title:}, {@code info-author:}, {@code info-created: YYYY-MM-DD},
 * {@code header:} (running header), {@code T:} title, {@code H1:}/{@code H2:} headings (16/13 pt bold),
 * {@code HB:} a heading in body-size bold, {@code HN:} a heading in body type (numbered),
 * {@code P:} a paragraph, {@code L: Label: | rest} a bold label opening a paragraph,
 * {@code *:} a bullet, {@code S:} a small line, {@code ---} a page break; a table as
 * {@code TC: 0 | 170 | 350} (its columns' offsets from the margin), then {@code TH: a | b | c} (a bold
 * header row) and {@code TR: a | b | c} rows, each cell drawn on its own at its column; {@code TW:}
 * is a row's cells wrapped onto the next line (an empty cell draws nothing).
 */
public final class StructurePdfs {

  private static final float BODY = 11;
  private static final float LEADING = 14;
  private static final float LEFT = 72;
  private static final float TOP = 700;
  private static final float BOTTOM = 100;
  private static final int WRAP = 88;

  private StructurePdfs() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/structure");
    try (var specs = Files.list(dir)) {
      for (Path spec : specs.filter(p -> p.toString().endsWith(".pdf.spec")).sorted().toList()) {
        String name = spec.getFileName().toString().replace(".pdf.spec", ".pdf");
        Files.write(dir.resolve(name), render(Files.readAllLines(spec, StandardCharsets.UTF_8)));
        System.out.println("wrote " + dir.resolve(name));
      }
    }
  }

  private record Line(PDType1Font font, float size, String text, float gapBefore, String rest, float[] columns) {

    Line(PDType1Font font, float size, String text, float gapBefore, String rest) {
      this(font, size, text, gapBefore, rest, null);
    }
  }

  /** Gap above a table row: rows are set a little apart, as word processors pad cells. */
  private static final float ROW_PADDING = 6;

  public static byte[] render(List<String> spec) throws IOException {
    PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    String header = "";
    List<List<Line>> pages = new ArrayList<>();
    List<Line> page = new ArrayList<>();
    pages.add(page);
    float y = TOP;
    float[] columns = {0};
    try (PDDocument doc = new PDDocument()) {
      for (String raw : spec) {
        int colon = raw.indexOf(':');
        String key = raw.equals("---") ? "---" : colon < 0 ? "" : raw.substring(0, colon);
        String value = colon < 0 ? "" : raw.substring(colon + 1).strip();
        List<Line> add = new ArrayList<>();
        switch (key) {
          case "info-title" -> doc.getDocumentInformation().setTitle(value);
          case "info-author" -> doc.getDocumentInformation().setAuthor(value);
          case "info-created" -> {
            Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            c.clear();
            String[] d = value.split("-");
            c.set(Integer.parseInt(d[0]), Integer.parseInt(d[1]) - 1, Integer.parseInt(d[2]), 12, 0);
            doc.getDocumentInformation().setCreationDate(c);
          }
          case "header" -> header = value;
          case "T" -> add.add(new Line(bold, 22, value, 10, ""));
          case "H1" -> add.add(new Line(bold, 16, value, 20, ""));
          case "H2" -> add.add(new Line(bold, 13, value, 16, ""));
          case "HB" -> add.add(new Line(bold, BODY, value, 16, ""));
          case "HN" -> add.add(new Line(regular, BODY, value, 16, ""));
          case "S" -> add.add(new Line(regular, 9, value, 8, ""));
          case "P" -> wrap(value, 0).forEach(l -> add.add(new Line(regular, BODY, l, add.isEmpty() ? 10 : 0, "")));
          case "*" -> {
            List<String> wrapped = wrap(value, 4);
            for (int i = 0; i < wrapped.size(); i++) {
              add.add(new Line(regular, BODY, (i == 0 ? "• " : "   ") + wrapped.get(i), i == 0 ? 2 : 0, ""));
            }
          }
          case "L" -> {
            String[] parts = value.split("\\|", 2);
            String rest = parts.length > 1 ? parts[1].strip() : "";
            List<String> wrapped = wrap(parts[0].strip() + " " + rest, 0);
            add.add(new Line(bold, BODY, parts[0].strip(), 10,
                wrapped.get(0).substring(parts[0].strip().length()).strip()));
            wrapped.subList(1, wrapped.size()).forEach(l -> add.add(new Line(regular, BODY, l, 0, "")));
          }
          case "TC" -> {
            String[] xs = value.split("\\|");
            columns = new float[xs.length];
            for (int c = 0; c < xs.length; c++) {
              columns[c] = Float.parseFloat(xs[c].strip());
            }
          }
          case "TH", "TR" ->
            add.add(new Line(key.equals("TH") ? bold : regular, BODY, value, ROW_PADDING, "", columns));
          case "TW" -> add.add(new Line(regular, BODY, value, 0, "", columns));
          case "---" -> y = -1;
          default -> {
          }
        }
        for (Line l : add) {
          float need = l.gapBefore() + Math.max(LEADING, l.size() * 1.25f);
          if (y < 0 || y - need < BOTTOM) {
            page = new ArrayList<>();
            pages.add(page);
            y = TOP;
          }
          y -= need;
          page.add(new Line(l.font(), l.size(), l.text(), y, l.rest(), l.columns()));
        }
      }
      int n = pages.size();
      for (int i = 0; i < n; i++) {
        PDPage p = new PDPage(PDRectangle.A4);
        doc.addPage(p);
        try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
          float top = p.getMediaBox().getHeight() - (792 - TOP) + 40;
          float offset = p.getMediaBox().getHeight() - 792;
          if (!header.isEmpty()) {
            show(cs, regular, 9, LEFT, top + 20, header);
          }
          show(cs, regular, 9, LEFT, 50, "Page " + (i + 1) + " of " + n);
          for (Line l : pages.get(i)) {
            if (l.columns() != null) {
              String[] cells = l.text().split("\\|", -1);
              for (int c = 0; c < cells.length; c++) {
                if (cells[c].isBlank()) {
                  continue;
                }
                show(cs, l.font(), l.size(), LEFT + l.columns()[c], l.gapBefore() + offset, cells[c].strip());
              }
              continue;
            }
            show(cs, l.font(), l.size(), LEFT, l.gapBefore() + offset, l.text());
            if (!l.rest().isEmpty()) {
              show(cs, regular, l.size(), LEFT + l.font().getStringWidth(l.text() + " ") / 1000 * l.size(),
                  l.gapBefore() + offset, l.rest());
            }
          }
        }
      }
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static void show(PDPageContentStream cs, PDType1Font font, float size, float x, float y, String text)
      throws IOException {
    cs.beginText();
    cs.setFont(font, size);
    cs.newLineAtOffset(x, y);
    cs.showText(text);
    cs.endText();
  }

  private static List<String> wrap(String text, int indent) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > WRAP - indent) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
