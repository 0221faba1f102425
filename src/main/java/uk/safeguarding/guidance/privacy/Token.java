package uk.safeguarding.guidance.privacy;

import java.util.Locale;

/**
 * One word of the text: where it is, the word without a possessive ("Ayesha" of "Ayesha's"), and
 * whether it starts a sentence (where every word is capitalised, so capitals say less).
 */
record Token(int start, int end, String core, boolean possessive, boolean sentenceInitial) {

  Token {
    if (core == null || core.isEmpty()) {
      throw new IllegalArgumentException("The parameter 'core' must not be empty.");
    }
  }

  /** End of the word without its possessive: a mask replaces only this much. */
  int coreEnd() {
    return start + core.length();
  }

  String lower() {
    return core.toLowerCase(Locale.ROOT);
  }

  /** "Grace", "O'Brien", "McDonagh": a capital then at least one small letter. */
  boolean capitalised() {
    return Character.isUpperCase(core.codePointAt(0)) && !acronym();
  }

  /** "MASH", "DSL", "NHS": written in capitals throughout (not a word of a script without capitals). */
  boolean acronym() {
    return core.length() > 1 && core.equals(core.toUpperCase(Locale.ROOT)) && !caseless();
  }

  /**
   * "محمد", "李明", "अनिल": written in a script without capital and small letters (Arabic, Hebrew,
   * Chinese, Devanagari …), so neither capitals nor a dictionary can tell a name from a word.
   */
  boolean caseless() {
    return core.codePoints().filter(Character::isLetter)
        .allMatch(c -> !Character.isUpperCase(c) && !Character.isLowerCase(c) && !Character.isTitleCase(c));
  }

  boolean lowercase() {
    return core.equals(lower());
  }

  /** "TikTok", "WhatsApp": a capital inside the word that no surname prefix explains. */
  boolean brandLike() {
    String rest = core.replaceFirst("^(?:Mc|Mac|O['’]|D['’]|Fitz)", "");
    return capitalised() && rest.length() > 1 && !rest.substring(1).equals(rest.substring(1).toLowerCase(Locale.ROOT))
        && !rest.contains("-");
  }
}
