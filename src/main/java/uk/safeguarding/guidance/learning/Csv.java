package uk.safeguarding.guidance.learning;

import java.util.List;

/**
 * CSV with RFC 4180 quoting, and cells that a spreadsheet would run as a formula (starting
 * {@code = + - @}, tab or carriage return) prefixed with a single quote.
 */
public final class Csv {

  private Csv() {}

  public static String of(List<String> header, List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    line(out, header);
    rows.forEach(r -> line(out, r));
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      out.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
    }
    out.append("\r\n");
  }

  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
