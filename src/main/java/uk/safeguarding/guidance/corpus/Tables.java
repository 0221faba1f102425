package uk.safeguarding.guidance.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes a table the way a passage quotes it: each row as "label: value" lines, the label being the
 * column's header cell, so a quoted row reads on its own ("Role: Designated safeguarding lead",
 * "Telephone: 01952 …") instead of as raw pipes. Shared by the HTML, Markdown and text loaders.
 * Stateless, thread-safe.
 */
final class Tables {

  /** A separator row of a pipe table: only pipes, dashes, colons and spaces, at least one dash. */
  private static final Pattern SEPARATOR_ROW =
      Pattern.compile("^\\s*\\|?\\s*:?-{1,}:?\\s*(\\|\\s*:?-{1,}:?\\s*)*\\|?\\s*$");
  private static final Pattern PIPE_ROW = Pattern.compile("^\\s*\\|?[^|]*(\\|[^|]*)+\\|?\\s*$");

  private Tables() {}

  /**
   * The table block for a grid of cells, or empty when no cell has text. Without a header row a
   * two-column table reads as "first cell: second cell" (a list of contacts, a glossary); a wider
   * one takes its first row as the header. A header row with no text is no header (how a pipe
   * table, which must have one, says it has none).
   */
  static Optional<Block> block(List<List<String>> grid, boolean firstRowIsHeader) {
    if (firstRowIsHeader && !grid.isEmpty() && grid.get(0).stream().allMatch(c -> clean(c).isEmpty())) {
      return block(grid.subList(1, grid.size()), false);
    }
    List<List<String>> rows = grid.stream().map(r -> r.stream().map(Tables::clean).toList())
        .filter(r -> r.stream().anyMatch(c -> !c.isEmpty())).toList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    int width = rows.stream().mapToInt(List::size).max().orElse(0);
    List<String> header;
    List<List<String>> body;
    if (firstRowIsHeader || (width != 2 && rows.size() > 1)) {
      header = rows.get(0);
      body = rows.subList(1, rows.size());
    } else {
      header = List.of();
      body = rows;
    }
    if (body.isEmpty()) {
      return Optional.of(Block.paragraph(String.join(", ", header.stream().filter(c -> !c.isEmpty()).toList())));
    }
    List<String> out = new ArrayList<>();
    for (List<String> row : body) {
      String text = header.isEmpty() ? pairRow(row) : row(header, row);
      if (!text.isEmpty()) {
        out.add(text);
      }
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(Block.table(String.join(Block.ROW_SEPARATOR, out)));
  }

  /** One body row as "header: cell" lines; a cell under an empty header stands alone. */
  private static String row(List<String> header, List<String> row) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < row.size(); i++) {
      String cell = row.get(i);
      if (cell.isEmpty()) {
        continue;
      }
      String label = i < header.size() ? header.get(i) : "";
      lines.add(label.isEmpty() ? cell : label + (label.endsWith(":") ? " " : ": ") + cell);
    }
    return String.join("\n", lines);
  }

  /** A header-less two-column row: "first: second"; a wider one keeps its cells as lines. */
  private static String pairRow(List<String> row) {
    List<String> cells = row.stream().filter(c -> !c.isEmpty()).toList();
    if (cells.size() == 2) {
      return cells.get(0) + (cells.get(0).endsWith(":") ? " " : ": ") + cells.get(1);
    }
    return String.join("\n", cells);
  }

  /**
   * A table written as a pipe table the text loader reads back ({@link #isPipeTable}); without a
   * header, the header row is left empty ({@link #block} then reads it as having none). Pipes in
   * cells are escaped.
   */
  static String pipeTable(List<String> header, List<List<String>> rows) {
    int width = Math.max(header.size(), rows.stream().mapToInt(List::size).max().orElse(0));
    List<String> out = new ArrayList<>();
    out.add(pipeRow(header, width));
    out.add("|" + "---|".repeat(width));
    rows.forEach(r -> out.add(pipeRow(r, width)));
    return String.join("\n", out);
  }

  private static String pipeRow(List<String> cells, int width) {
    StringBuilder row = new StringBuilder("|");
    for (int i = 0; i < width; i++) {
      String cell = i < cells.size() && cells.get(i) != null ? clean(cells.get(i)) : "";
      row.append(' ').append(cell.replace("|", "\\|")).append(" |");
    }
    return row.toString();
  }

  /** Whether {@code lines} are a pipe table: a header row, a separator row, then body rows. */
  static boolean isPipeTable(List<String> lines) {
    return lines.size() >= 2 && SEPARATOR_ROW.matcher(lines.get(1)).matches() && lines.get(1).contains("-")
        && lines.stream().filter(l -> !SEPARATOR_ROW.matcher(l).matches()).allMatch(l -> PIPE_ROW.matcher(l).matches());
  }

  /** The cells of a pipe table's rows, separator rows left out. */
  static List<List<String>> pipeGrid(List<String> lines) {
    List<List<String>> grid = new ArrayList<>();
    for (String line : lines) {
      if (SEPARATOR_ROW.matcher(line).matches()) {
        continue;
      }
      String l = line.strip();
      l = l.startsWith("|") ? l.substring(1) : l;
      l = l.endsWith("|") && !l.endsWith("\\|") ? l.substring(0, l.length() - 1) : l;
      List<String> cells = new ArrayList<>();
      for (String cell : l.split("(?<!\\\\)\\|", -1)) {
        cells.add(cell.replace("\\|", "|"));
      }
      grid.add(cells);
    }
    return grid;
  }

  private static String clean(String cell) {
    return cell == null ? "" : cell.replaceAll("\\s+", " ").strip();
  }
}
