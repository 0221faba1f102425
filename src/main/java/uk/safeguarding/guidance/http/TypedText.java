package uk.safeguarding.guidance.http;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Text a person typed, in the form the library is written in. Phones and pasted text bring
 * characters that look like the library's but do not match it: full-width letters and digits
 * ("ｓ４７"), ligatures and compatibility forms (Unicode NFKC folds them to "s47"), and invisible
 * format characters (zero-width spaces and joiners, soft hyphens, direction marks, the byte order
 * mark: Unicode category Cf), which split one word in two for the search ("s4", a zero-width space, "7"). Both are
 * undone before a question or a search is validated, searched, screened or stored, so the same
 * question in either form gets the same answer.
 */
final class TypedText {

  /** Unicode's format characters: invisible, never part of a word a practitioner means. */
  private static final Pattern FORMAT = Pattern.compile("\\p{Cf}+");
  /** C0 control characters and DEL, but for tab, line feed and carriage return: no question needs them. */
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

  private TypedText() {}

  /** {@code typed} folded by NFKC with its format characters removed; null stays null. */
  static String normalise(String typed) {
    if (typed == null) {
      return null;
    }
    return FORMAT.matcher(Normalizer.normalize(typed, Normalizer.Form.NFKC)).replaceAll("");
  }

  /**
   * Refuses, naming {@code name}, a control character other than tabs and line breaks, and half of a
   * character: a lone UTF-16 surrogate ("\\ud800" in JSON) that no text can hold, which would otherwise be
   * stored and shown as "?".
   */
  static void check(String name, String value) {
    if (value == null) {
      return;
    }
    if (CONTROL.matcher(value).find()) {
      throw new BadRequest(name, null,
          "The parameter '" + name + "' must not contain control characters other than tabs and line breaks.");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new BadRequest(name, null, "The parameter '" + name + "' holds half of a character (a lone UTF-16 "
            + "surrogate, \\u" + Integer.toHexString(c) + "): send whole characters.");
      }
    }
  }
}
