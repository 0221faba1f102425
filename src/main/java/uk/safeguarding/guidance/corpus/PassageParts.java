package uk.safeguarding.guidance.corpus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A passage's text divided for showing: runs of prose, and the rows of a table as a table again. A
 * passage quotes a table row as "label: value" lines ({@link Tables}); which of its blank-line
 * separated pieces are rows is known from the document's table blocks, so a paragraph that happens
 * to read "Telephone: 101" stays a paragraph. Stateless, thread-safe.
 */
public final class PassageParts {

  /** A table wider than this many columns is shown as its text. */
  static final int MAX_COLUMNS = 12;

  /**
   * One part of a passage. {@code text} is always the part's exact words as the passage quotes
   * them. For a table, {@code columns} are its header labels and {@code rows} its cells under them
   * ("" where a row has none); a table without a header has no columns and rows of two cells, the
   * first naming the row. Prose has neither.
   *
   * @param kind "text" or "table"
   */
  public record Part(String kind, String text, List<String> columns, List<List<String>> rows) {

    public Part {
      if (!Set.of("text", "table").contains(kind)) {
        throw new IllegalArgumentException("A part's kind must be 'text' or 'table', got '" + kind + "'.");
      }
      Objects.requireNonNull(text, "text");
      columns = List.copyOf(columns);
      rows = rows.stream().map(List::copyOf).toList();
    }

    static Part text(String text) {
      return new Part("text", text, List.of(), List.of());
    }

    /** A table part as a pipe table the text loader reads back as this table; prose as its text. */
    public String written() {
      return kind.equals("table") ? Tables.pipeTable(columns, rows) : text;
    }
  }

  private PassageParts() {}

  /** Every table row of {@code doc} as a passage quotes it. */
  public static Set<String> tableRows(SourceDocument doc) {
    Set<String> rows = new HashSet<>();
    doc.blocks().forEach(b -> rows.addAll(tableRows(b)));
    return rows;
  }

  /** The rows of a table block as a passage quotes them; none for another block. */
  public static Set<String> tableRows(Block b) {
    Set<String> rows = new HashSet<>();
    if (b.kind() == Block.Kind.TABLE) {
      for (String row : b.text().split(Block.ROW_SEPARATOR)) {
        if (!row.isBlank()) {
          rows.add(row.strip());
        }
      }
    }
    return rows;
  }

  /** The parts of {@code text}: consecutive pieces found in {@code tableRows} make one table. */
  public static List<Part> of(String text, Set<String> tableRows) {
    List<Part> parts = new ArrayList<>();
    List<String> prose = new ArrayList<>();
    List<String> table = new ArrayList<>();
    for (String piece : text.strip().split("\\n\\s*\\n")) {
      boolean row = tableRows.contains(piece.strip());
      if (row && !prose.isEmpty()) {
        parts.add(Part.text(String.join("\n\n", prose)));
        prose.clear();
      } else if (!row && !table.isEmpty()) {
        parts.add(table(table));
        table.clear();
      }
      (row ? table : prose).add(piece.strip());
    }
    if (!prose.isEmpty()) {
      parts.add(Part.text(String.join("\n\n", prose)));
    }
    if (!table.isEmpty()) {
      parts.add(table(table));
    }
    return parts;
  }

  /** Rows of "label: value" lines back into columns and cells. */
  private static Part table(List<String> rows) {
    String text = String.join("\n\n", rows);
    List<List<String[]>> cells = rows.stream().map(r -> r.lines().map(PassageParts::labelled).toList()).toList();
    List<String> labels = new ArrayList<>();
    for (List<String[]> r : cells) {
      int after = -1; // a label first seen in a later row goes after the one before it in that row
      for (String[] c : r) {
        if (!labels.contains(c[0])) {
          labels.add(after + 1, c[0]);
        }
        after = labels.indexOf(c[0]);
      }
    }
    boolean pairs =
        cells.stream().allMatch(r -> r.size() == 1 && !r.get(0)[0].isEmpty()) && labels.size() == rows.size();
    if (pairs) {
      return new Part("table", text, List.of(), cells.stream().map(r -> List.of(r.get(0)[0], r.get(0)[1])).toList());
    }
    if (labels.size() > MAX_COLUMNS) {
      return Part.text(text);
    }
    List<String> columns = List.copyOf(labels);
    List<List<String>> out = new ArrayList<>();
    for (List<String[]> r : cells) {
      String[] line = new String[columns.size()];
      java.util.Arrays.fill(line, "");
      for (String[] c : r) {
        int i = columns.indexOf(c[0]);
        line[i] = line[i].isEmpty() ? c[1] : line[i] + " " + c[1];
      }
      out.add(List.of(line));
    }
    return new Part("table", text, columns, out);
  }

  /** "Telephone: 101" as label and value; a line with no label is a cell under an empty one. */
  private static String[] labelled(String line) {
    int colon = line.indexOf(": ");
    return colon > 0 ? new String[] {line.substring(0, colon).strip(), line.substring(colon + 2).strip()}
        : new String[] {"", line.strip()};
  }
}
