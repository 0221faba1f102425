package uk.safeguarding.guidance.http;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.Writer;
import java.util.Arrays;

/**
 * A JSON response written by the server's one Gson straight into UTF-8 bytes. {@code ctx.json}
 * serialises into a String, then encodes that String again (for passage text with any character
 * beyond Latin-1, the slow char-by-char path: an eighth of a search request's time under load);
 * here each character is encoded once as Gson writes it. The bytes are the ones {@code ctx.json}
 * sends: same Gson, same settings, and the same UTF-8 (a lone surrogate becomes {@code ?}, as
 * {@link String#getBytes} makes it). Not thread-safe: one per response.
 */
final class Utf8Json extends Writer {

  /** Most search responses fit: a page of ten passages with their text is about 16 KB. */
  static final int INITIAL_BYTES = 16 * 1024;
  /** What {@link String#getBytes} writes for a surrogate without its pair. */
  private static final byte UNMAPPABLE = '?';

  private byte[] bytes = new byte[INITIAL_BYTES];
  private int size;
  /** A high surrogate waiting for its low half, or 0. */
  private char pendingHigh;

  private Utf8Json() {}

  /** Sets {@code body} as the response: {@code application/json}, UTF-8, as {@code ctx.json(body)} would. */
  static void send(Context ctx, Object body) {
    Utf8Json out = write(body);
    ctx.contentType(ContentType.APPLICATION_JSON).result(new ByteArrayInputStream(out.bytes, 0, out.size));
  }

  /** Sets {@code body}, JSON already in UTF-8, as the response, exactly as {@link #send(Context, Object)} does. */
  static void send(Context ctx, byte[] body) {
    ctx.contentType(ContentType.APPLICATION_JSON).result(new ByteArrayInputStream(body));
  }

  /** The response body's bytes, trimmed to their length (a copy): for the search cache and tests. */
  static byte[] bytes(Object body) {
    Utf8Json out = write(body);
    return Arrays.copyOf(out.bytes, out.size);
  }

  private static Utf8Json write(Object body) {
    Utf8Json out = new Utf8Json();
    WebServer.GSON.toJson(body, body.getClass(), out);
    out.flush();
    return out;
  }

  @Override
  public void write(int c) {
    put((char) c);
  }

  @Override
  public void write(char[] chars, int off, int len) {
    ensure(len * 3 + 4);
    for (int i = off; i < off + len; i++) {
      put(chars[i]);
    }
  }

  @Override
  public void write(String s, int off, int len) {
    ensure(len * 3 + 4);
    for (int i = off; i < off + len; i++) {
      put(s.charAt(i));
    }
  }

  /** A lone high surrogate left at the end is written as {@code ?}, as {@link String#getBytes} does. */
  @Override
  public void flush() {
    if (pendingHigh != 0) {
      pendingHigh = 0;
      ensure(1);
      bytes[size++] = UNMAPPABLE;
    }
  }

  @Override
  public void close() {
    flush();
  }

  private void put(char c) {
    ensure(4);
    if (pendingHigh != 0) {
      char high = pendingHigh;
      pendingHigh = 0;
      if (Character.isLowSurrogate(c)) {
        int cp = Character.toCodePoint(high, c);
        bytes[size++] = (byte) (0xF0 | (cp >> 18));
        bytes[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        bytes[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        bytes[size++] = (byte) (0x80 | (cp & 0x3F));
        return;
      }
      bytes[size++] = UNMAPPABLE;
    }
    if (c < 0x80) {
      bytes[size++] = (byte) c;
    } else if (c < 0x800) {
      bytes[size++] = (byte) (0xC0 | (c >> 6));
      bytes[size++] = (byte) (0x80 | (c & 0x3F));
    } else if (Character.isHighSurrogate(c)) {
      pendingHigh = c;
    } else if (Character.isLowSurrogate(c)) {
      bytes[size++] = UNMAPPABLE;
    } else {
      bytes[size++] = (byte) (0xE0 | (c >> 12));
      bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
      bytes[size++] = (byte) (0x80 | (c & 0x3F));
    }
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
