package uk.safeguarding.guidance.corpus;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How deeply Markdown nests lists and block quotes, measured line by line before parsing: the
 * quote and list markers at a line's start (so "- - a" is two levels) open levels inside those
 * still open at lesser columns, so a list item indented past the one above it is a level deeper;
 * a marker at or left of an open one's column closes it. It errs high (a thematic break "- - -"
 * counts three) rather than low; fenced code is skipped, as it nests nothing. Stateless.
 */
final class MarkdownNesting {

  /**
   * The deepest nesting a document may have. Guidance nests lists three or four levels; 50 is far
   * beyond anything written by hand, and far below the thousands of levels at which commonmark's
   * recursion overflows a thread's stack, so the limit, not the stack, decides, the same way on
   * every thread and every run.
   */
  static final int MAX_DEPTH = 50;
  /** Columns a tab advances to the next multiple of, as CommonMark counts them. */
  private static final int TAB_STOP = 4;
  /** At most this many spaces before a fence, as CommonMark allows; more is indented code. */
  private static final int MAX_FENCE_INDENT = 3;
  private static final int LIST = 0;
  private static final int QUOTE = 1;

  private MarkdownNesting() {}

  /** The deepest nesting of lists and quotes in {@code markdown}; stops counting one past {@link #MAX_DEPTH}. */
  static int depth(String markdown) {
    // The open containers, innermost first: each its column shifted left one, the low bit its kind.
    Deque<Integer> open = new ArrayDeque<>();
    int deepest = 0;
    String fence = null;
    for (String line : markdown.split("\n", -1)) {
      int start = 0;
      while (start < line.length() && start <= MAX_FENCE_INDENT && line.charAt(start) == ' ') {
        start++;
      }
      String rest = line.substring(start);
      if (fence != null) {
        fence = start <= MAX_FENCE_INDENT && rest.startsWith(fence) ? null : fence;
        continue;
      }
      if (start <= MAX_FENCE_INDENT && (rest.startsWith("```") || rest.startsWith("~~~"))) {
        fence = rest.substring(0, 3); // code: "- - -" or "> >" inside it nest nothing
        continue;
      }
      int column = 0;
      for (int i = 0; i < line.length();) {
        char c = line.charAt(i);
        if (c == ' ' || c == '\t') {
          column = c == '\t' ? column + TAB_STOP - column % TAB_STOP : column + 1;
          i++;
          continue;
        }
        int width = c == '>' ? 1 : markerWidth(line, i);
        if (width == 0) {
          break;
        }
        int container = column << 1 | (c == '>' ? QUOTE : LIST);
        // A '>' where a quote is already open continues it; any other marker closes what is open at
        // its column or deeper (an item no deeper than an open one is its sibling) and opens a level.
        if (c != '>' || !open.contains(container)) {
          while (!open.isEmpty() && open.peek() >> 1 >= column) {
            open.pop();
          }
          open.push(container);
          deepest = Math.max(deepest, open.size());
          if (deepest > MAX_DEPTH) {
            return deepest; // at once, so a line of a million markers costs no more than 51
          }
        }
        i += width;
        column += width;
      }
    }
    return deepest;
  }

  /** The width of a list marker ("-", "*", "+", "1.", "12)") at {@code at} followed by a space or the end; else 0. */
  private static int markerWidth(String line, int at) {
    int end = at;
    while (end < line.length() && end - at < 9 && line.charAt(end) >= '0' && line.charAt(end) <= '9') {
      end++;
    }
    if (end > at ? end >= line.length() || (line.charAt(end) != '.' && line.charAt(end) != ')')
        : "-*+".indexOf(line.charAt(end)) < 0) {
      return 0;
    }
    end++;
    return end >= line.length() || line.charAt(end) == ' ' || line.charAt(end) == '\t' ? end - at : 0;
  }
}
