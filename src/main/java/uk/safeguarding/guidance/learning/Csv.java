package uk.safeguarding.guidance.learning;

import java.util.List;

/**
 * CSV with RFC 4180 quoting, and cells that a spreadsheet would run as a formula prefixed with a
 * single quote: those starting {@code = + - @}, a tab or carriage return, or their look-alikes
 * (full-width {@code ＝ ＋ － ＠}, the minus sign {@code −}), including after invisible or blank
 * characters a spreadsheet skips (spaces, non-breaking and zero-width spaces, a byte-order mark).
 */
public final class Csv {

  /** Optional leading blanks and invisibles, then a character that starts a formula. */
  private static final java.util.regex.Pattern FORMULA = java.util.regex.Pattern.compile(
      "[\\s\\u00a0\\u2000-\\u200f\\u2028-\\u202f\\u205f-\\u2064\\u3000\\ufeff]*"
          + "[=+\\-@\\t\\r\\uff1d\\uff0b\\uff0d\\uff20\\u2212\\ufe62\\ufe63\\ufe66]");

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
    if (FORMULA.matcher(v).lookingAt()) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
