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

  private TypedText() {}

  /** {@code typed} folded by NFKC with its format characters removed; null stays null. */
  static String normalise(String typed) {
    if (typed == null) {
      return null;
    }
    return FORMAT.matcher(Normalizer.normalize(typed, Normalizer.Form.NFKC)).replaceAll("");
  }
}
