package uk.safeguarding.guidance.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads and validates query parameters, failing with a {@link BadRequest} that names the parameter. */
final class Params {

  /** The filters, which may be given more than once ({@code type=a&type=b}); any other parameter once. */
  static final Set<String> REPEATABLE = Set.of("type", "organisation", "theme", "year");
  /** A whole number as a client writes one: ASCII digits only (Java would also read "+5" and "５"). */
  private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");

  private Params() {}

  /**
   * Refuses a parameter outside {@code known}, so a misspelt filter is never silently ignored; and a
   * query string the server would otherwise read leniently ({@link #wellFormed}).
   */
  static void onlyKnown(Context ctx, Set<String> known) {
    wellFormed(ctx.queryString());
    BadRequest.refuseUnknown("parameter", ctx.queryParamMap().keySet(), known, ctx::queryParam);
  }

  /** A text parameter a person typed ({@link TypedText}), present, not blank and at most {@code maxChars}. */
  static String requiredText(Context ctx, String name, int maxChars) {
    String value = TypedText.normalise(ctx.queryParam(name));
    if (value == null || value.isBlank()) {
      throw new BadRequest(name, value, "The parameter '" + name + "' must not be empty.");
    }
    if (value.length() > maxChars) {
      throw new BadRequest(name, value.substring(0, 40) + "…",
          "The parameter '" + name + "' must be at most " + maxChars + " characters.");
    }
    TypedText.check(name, value);
    return value.strip();
  }

  static int integer(Context ctx, String name, int defaultValue, int min, int max) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      if (!WHOLE_NUMBER.matcher(value.strip()).matches()) {
        throw new NumberFormatException();
      }
      int n = Integer.parseInt(value.strip());
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadRequest(name, value,
          "The parameter '" + name + "' must be a whole number from " + min + " to " + max + ", got '" + value + "'.");
    }
  }

  /** One of {@code allowed} (case-insensitive, returned in lower case), or {@code defaultValue} when absent. */
  static String oneOf(Context ctx, String name, String defaultValue, Set<String> allowed) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return defaultValue;
    }
    String v = value.strip().toLowerCase(java.util.Locale.ROOT);
    if (!allowed.contains(v)) {
      throw new BadRequest(name, value, "The parameter '" + name + "' must be one of "
          + String.join(", ", new TreeSet<>(allowed)) + ", got '" + value + "'.");
    }
    return v;
  }

  /** All values given for a filter; each must be one of {@code known} (case-insensitive). */
  static Set<String> filter(Context ctx, String name, Set<String> known) {
    return filter(name, ctx.queryParams(name), known);
  }

  /** Filter values from any source (query string or JSON body), checked against {@code known}. */
  static Set<String> filter(String name, List<String> values, Set<String> known) {
    Set<String> out = new TreeSet<>();
    if (values == null) {
      return out;
    }
    for (String value : values) {
      if (value == null) {
        throw new BadRequest(name, "null", "The filter '" + name + "' must be a list of text values, not null.");
      }
      for (String v : value.split(",")) {
        String s = v.strip();
        if (s.isEmpty()) {
          continue;
        }
        if (known.stream().noneMatch(k -> k.equalsIgnoreCase(s))) {
          throw new BadRequest(name, s, "Unknown value '" + s + "' for parameter '" + name + "'; known values: "
              + String.join(", ", new TreeSet<>(known)) + ".");
        }
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Refuses what the server's query-string reader would quietly get past: a malformed %-escape or
   * escaped bytes that are not UTF-8 (it drops the parameter or replaces the bytes), and a one-value
   * parameter given twice (it would take the first). Each is a 400 naming the parameter.
   */
  static void wellFormed(String query) {
    if (query == null || query.isEmpty()) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      String name = decode(rawName, rawName);
      decode(eq < 0 ? "" : pair.substring(eq + 1), name);
      if (!REPEATABLE.contains(name) && !seen.add(name)) {
        throw new BadRequest(name, null, "The parameter '" + name + "' must be given once.");
      }
    }
  }

  /** Form-encoded text decoded strictly: every '%' starts two hex digits, and the bytes are UTF-8. */
  private static String decode(String s, String parameter) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
        int lo = hi < 0 ? -1 : Character.digit(s.charAt(i + 2), 16);
        if (hi < 0 || lo < 0 || s.charAt(i + 1) > 'f' || s.charAt(i + 2) > 'f') {
          throw new BadRequest(parameter, null, "The parameter '" + parameter
              + "' is not correctly URL-encoded: '%' must be followed by two hexadecimal digits.");
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else {
        int cp = c == '+' ? ' ' : s.codePointAt(i); // a character sent unescaped, a pair of surrogates as one
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        bytes.write(b, 0, b.length);
        i += Character.charCount(cp) - 1;
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw new BadRequest(parameter, null, "The parameter '" + parameter + "' is not UTF-8 once URL-decoded.");
    }
  }
}
