package uk.safeguarding.guidance.privacy;

import java.util.function.Predicate;

/**
 * Masks identifiers in free text before it is kept anywhere (conversation memory, the
 * unanswered-questions log, feedback): people's names, dates of birth and other dates, NHS and
 * National Insurance numbers, phone numbers, emails (also "jo dot bloggs at …"), postcodes, street
 * addresses, school names and case references, each replaced by a bracketed word such as [name].
 * Masking masked text changes nothing. Stateless, thread-safe.
 */
public final class PersonalData {

  private static final NameDetector NAMES = new NameDetector(Lexicon.shared());

  private PersonalData() {}

  /**
   * A text masked twice from one reading: {@code kept} as {@link #mask} masks it, and {@code searched}
   * the same but for names whose every word the caller keeps, left as typed; other identifiers are
   * masked in both. {@code searched} is only for text that is searched and never kept: the answer step
   * keeps the words the library itself uses, so a review's own name for its child ("baby Alfie") or a
   * word the detector mistook for a name ("Covid-related", "child criminl exploitaton") still finds
   * what the library says, while the question is kept and shown fully masked.
   */
  public record Masked(String kept, String searched) {}

  public static String mask(String text) {
    if (text == null) {
      return "";
    }
    // Shapes first: "14 Acacia Avenue" is an address before "Acacia" could look like a name.
    return NAMES.mask(StructuredIdentifiers.mask(text));
  }

  /** {@code text} masked for keeping and for searching ({@link Masked}); {@code keep} says which name words to search as typed. */
  public static Masked forSearch(String text, Predicate<String> keep) {
    return text == null ? new Masked("", "") : NAMES.mask(StructuredIdentifiers.mask(text), keep);
  }
}
