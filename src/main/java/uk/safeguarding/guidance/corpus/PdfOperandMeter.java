package uk.safeguarding.guidance.corpus;

import java.io.IOException;
import java.io.InputStream;

/**
 * Measures, without parsing into objects, the longest run of operand bytes between two operators in
 * a PDF content stream. PDFBox collects every operand before an operator into a list (an array
 * operand whole), at about 25 bytes of heap per source byte, so a page of numbers or one huge
 * {@code TJ} array fills the heap before any text callback could stop it. Fed one content stream
 * after another (a page's contents are concatenated); inline image data is skipped, as PDFBox reads
 * it into one byte array bounded by the decoded size. Not thread-safe: one meter per page.
 */
final class PdfOperandMeter {

  private enum State {
    NORMAL, STRING, HEX, COMMENT, NAME, WORD, INLINE_DATA
  }

  private final long limit;
  private State state = State.NORMAL;
  private long run;
  private int stringDepth;
  private boolean escaped;
  private final StringBuilder word = new StringBuilder();
  private int recent; // the last three bytes inside inline image data, to find "EI"

  PdfOperandMeter(long limit) {
    this.limit = limit;
  }

  /** Reads {@code in} to its end; false as soon as an operand run exceeds the limit. */
  boolean read(InputStream in) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    int n;
    while ((n = in.read(buffer)) != -1) {
      for (int i = 0; i < n; i++) {
        accept(buffer[i] & 0xff);
        if (run > limit) {
          return false;
        }
      }
    }
    return true;
  }

  private void accept(int b) {
    if (state == State.INLINE_DATA) {
      inlineData(b);
      return;
    }
    run++;
    switch (state) {
      case STRING -> string(b);
      case HEX -> state = b == '>' ? State.NORMAL : State.HEX;
      case COMMENT -> state = b == '\n' || b == '\r' ? State.NORMAL : State.COMMENT;
      case NAME -> {
        if (isWhite(b) || isDelimiter(b)) {
          state = State.NORMAL;
          normal(b);
        }
      }
      case WORD -> {
        if (isWhite(b) || isDelimiter(b)) {
          endWord();
          if (state == State.NORMAL) {
            normal(b);
          }
        } else if (word.length() < 8) {
          word.append((char) b);
        }
      }
      default -> normal(b);
    }
  }

  private void normal(int b) {
    switch (b) {
      case '(' -> {
        state = State.STRING;
        stringDepth = 1;
      }
      case '<' -> state = State.HEX; // "<<" opens a dictionary: the second '<' is read as hex, harmlessly
      case '%' -> state = State.COMMENT;
      case '/' -> state = State.NAME;
      default -> {
        if (!isWhite(b) && !isDelimiter(b)) {
          state = State.WORD;
          word.setLength(0);
          word.append((char) b);
        }
      }
    }
  }

  private void string(int b) {
    if (escaped) {
      escaped = false;
    } else if (b == '\\') {
      escaped = true;
    } else if (b == '(') {
      stringDepth++;
    } else if (b == ')' && --stringDepth == 0) {
      state = State.NORMAL;
    }
  }

  /** A word is an operator unless it is a number or a keyword operand (true, false, null). */
  private void endWord() {
    state = State.NORMAL;
    char first = word.charAt(0);
    boolean number = first == '+' || first == '-' || first == '.' || Character.isDigit(first);
    String w = word.toString();
    if (number || w.equals("true") || w.equals("false") || w.equals("null")) {
      return;
    }
    run = 0;
    if (w.equals("ID")) {
      state = State.INLINE_DATA;
      recent = 0;
    }
  }

  private void inlineData(int b) {
    recent = ((recent << 8) | b) & 0xffffff;
    // "EI" after white space, seen once the byte after it is white space too.
    int e = (recent >> 16) & 0xff;
    if (((recent >> 8) & 0xff) == 'I' && e == 'E' && isWhite(b)) {
      state = State.NORMAL;
      run = 0;
    }
  }

  private static boolean isWhite(int b) {
    return b == 0 || b == 9 || b == 10 || b == 12 || b == 13 || b == 32;
  }

  private static boolean isDelimiter(int b) {
    return b == '(' || b == ')' || b == '<' || b == '>' || b == '[' || b == ']' || b == '{' || b == '}'
        || b == '/' || b == '%';
  }
}
