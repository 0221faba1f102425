package uk.safeguarding.guidance.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the tables in a PDF's body lines from their layout: consecutive lines on one page whose
 * spans ({@link PdfLine.Span}, text set apart by wide gaps) start at the same columns, two rows or
 * more of two columns or more. A line with no cell in the first column, or one short cell there
 * set tight under the row above, continues that row's cells (a cell wrapped over lines); the first
 * line of the next page, if its cells fall in the same columns, goes on with the table (a header
 * row repeated there is dropped). A bold first row is the header. Each table is written as the text loader reads it back: a pipe table,
 * with an empty header row when the table has none ({@link Tables#block}), so a passage quotes its
 * rows as "label: value" lines. Two columns of prose side by side (every column's cells long), and
 * list items whose markers stand apart from their text ("•", "1.", set at a tab), are not a table. Stateless, thread-safe.
 */
final class PdfTables {

  /** Column starts within this many times the type size of each other are one column. */
  static final float ALIGN = 0.6f;
  /** Rows farther apart than this many times the type size are not one table. */
  static final float ROW_GAP = 2.6f;
  /** A line this close under the one before (times the type size) may continue its cells. */
  static final float WRAP_GAP = 1.5f;
  /** Columns whose cells hold at least this many words each (median) are prose, not a table. */
  static final int PROSE_WORDS = 5;

  /**
   * The body lines {@code start} (inclusive) to {@code end} (exclusive) are a table, written as
   * {@code text}; or, with an empty text, a run of aligned lines that is no table (prose in columns).
   */
  record Table(int start, int end, String text) {}

  /**
   * A list item's marker, set apart from its text by a tab ("•", "1.", "2.1", "a)", "iv."): a first
   * column of nothing else is a list or numbered headings, not a table.
   */
  private static final Pattern MARKER = Pattern.compile(
      "^(?:[•·▪◦‣●○■□➢►✓\\-–*]|\\(?\\d{1,2}(?:\\.\\d{1,2})*[.)]?|\\(?[a-zA-Z][.)]|\\(?[ivxIVX]{1,4}[.)])$");

  private PdfTables() {}

  /** The tables among {@code lines}, by the index of their first line. */
  static Map<Integer, Table> find(List<PdfLine> lines) {
    Map<Integer, Table> tables = new HashMap<>();
    int i = 0;
    while (i < lines.size()) {
      Table t = lines.get(i).spans().size() >= 2 ? tableAt(lines, i) : null;
      if (t != null && !t.text().isEmpty()) {
        tables.put(i, t);
      }
      // A run of aligned lines is looked at once, from its first line, so this is linear in the lines.
      i = t == null ? i + 1 : Math.max(i + 1, t.end());
    }
    return tables;
  }

  /** The table whose first row is line {@code start}; its text is empty when the lines there are no table. */
  private static Table tableAt(List<PdfLine> lines, int start) {
    PdfLine first = lines.get(start);
    float[] columns = new float[first.spans().size()];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = first.spans().get(c).x();
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(cells(first, columns));
    int end = start + 1;
    for (; end < lines.size(); end++) {
      PdfLine prev = lines.get(end - 1);
      PdfLine l = lines.get(end);
      float gap = l.y() - prev.y();
      int[] at = columnsOf(l, columns);
      if (at != null && at.length >= 2 && l.page() == prev.page() + 1) {
        if (!Arrays.equals(cells(l, columns), rows.get(0))) {
          rows.add(cells(l, columns)); // the table goes on over the page, its header row not repeated
        }
        continue;
      }
      if (l.page() != prev.page() || gap <= 0 || gap > ROW_GAP * Math.max(l.size(), prev.size()) || at == null) {
        break;
      }
      boolean tight = gap <= WRAP_GAP * Math.max(l.size(), prev.size());
      boolean shortFirst = at.length == 1 && (columns.length < 2 || l.spans().get(0).end() < columns[1]);
      if (at[0] > 0 || (tight && shortFirst && rows.size() > 1)) {
        String[] row = rows.get(rows.size() - 1); // a cell wrapped onto the next line
        for (int s = 0; s < at.length; s++) {
          row[at[s]] = (row[at[s]] + " " + l.spans().get(s).text()).strip();
        }
      } else if (at.length >= 2) {
        rows.add(cells(l, columns));
      } else {
        break;
      }
    }
    boolean markers = rows.stream().allMatch(r -> r[0].isEmpty() || MARKER.matcher(r[0]).matches());
    if (rows.size() < 2 || prose(rows) || markers) {
      return new Table(start, end, "");
    }
    boolean header = first.spans().stream().allMatch(PdfLine.Span::bold)
        && lines.subList(start + 1, end).stream().anyMatch(l -> !l.bold());
    return new Table(start, end, pipeTable(rows, header));
  }

  /** The column of each of the line's spans, or null when one starts at no column. */
  private static int[] columnsOf(PdfLine l, float[] columns) {
    if (l.spans().isEmpty() || l.spans().size() > columns.length) {
      return null;
    }
    int[] at = new int[l.spans().size()];
    int last = -1;
    for (int s = 0; s < at.length; s++) {
      at[s] = -1;
      for (int c = last + 1; c < columns.length && at[s] < 0; c++) {
        if (Math.abs(l.spans().get(s).x() - columns[c]) <= ALIGN * Math.max(1, l.size())) {
          at[s] = c;
        }
      }
      if (at[s] < 0) {
        return null;
      }
      last = at[s];
    }
    return at;
  }

  private static String[] cells(PdfLine l, float[] columns) {
    String[] row = new String[columns.length];
    Arrays.fill(row, "");
    int[] at = columnsOf(l, columns);
    for (int s = 0; s < at.length; s++) {
      row[at[s]] = l.spans().get(s).text();
    }
    return row;
  }

  /** Every column's cells are as long as lines of prose: text set in columns, not a table. */
  private static boolean prose(List<String[]> rows) {
    for (int c = 0; c < rows.get(0).length; c++) {
      int col = c;
      int[] words = rows.stream().map(r -> r[col]).filter(x -> !x.isEmpty())
          .mapToInt(x -> x.split("\\s+").length).sorted().toArray();
      if (words.length == 0 || words[words.length / 2] < PROSE_WORDS) {
        return false;
      }
    }
    return true;
  }

  /** The rows as a pipe table; without a header, the header row is left empty. */
  private static String pipeTable(List<String[]> rows, boolean header) {
    List<List<String>> cells = rows.stream().map(List::of).toList();
    return Tables.pipeTable(header ? cells.get(0) : List.of(), header ? cells.subList(1, cells.size()) : cells);
  }
}
