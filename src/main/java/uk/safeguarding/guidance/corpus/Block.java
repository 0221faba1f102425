package uk.safeguarding.guidance.corpus;

import java.util.Objects;

/**
 * One structural piece of a loaded document, in reading order.
 *
 * @param kind  heading, paragraph, list or table
 * @param level heading level 1-6 for headings, 0 otherwise
 * @param text  the words; a list holds one item per line, each starting "- " or "1. "; a table holds
 *              one row per blank-line-separated group, each cell a "label: value" line
 *              ({@link Tables#rows})
 */
public record Block(Kind kind, int level, String text) {

  /** The kinds of block that passage splitting understands. */
  public enum Kind {
    HEADING, PARAGRAPH, LIST, TABLE
  }

  /** Separates a table block's rows. */
  public static final String ROW_SEPARATOR = "\n\n";

  public Block {
    Objects.requireNonNull(kind, "kind");
    text = text == null ? "" : text.strip();
    if (kind == Kind.HEADING && (level < 1 || level > 6)) {
      throw new IllegalArgumentException("A heading's level must be 1 to 6, got " + level);
    }
  }

  public static Block heading(int level, String text) {
    return new Block(Kind.HEADING, level, text);
  }

  public static Block paragraph(String text) {
    return new Block(Kind.PARAGRAPH, 0, text);
  }

  public static Block list(String text) {
    return new Block(Kind.LIST, 0, text);
  }

  /** A table whose rows are already written as "label: value" lines, rows separated by blank lines. */
  public static Block table(String rows) {
    return new Block(Kind.TABLE, 0, rows);
  }
}
