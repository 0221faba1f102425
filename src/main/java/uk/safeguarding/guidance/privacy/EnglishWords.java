package uk.safeguarding.guidance.privacy;

/** The English dictionary the masking uses (Debian's wbritish), for other packages that need to tell a word from a slip. */
public final class EnglishWords {

  private EnglishWords() {}

  /** Whether {@code word}, in any case, is an English word ("jabs", "fella", "telly"). */
  public static boolean contains(String word) {
    return Lexicon.shared().isEnglish(word);
  }
}
