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

  public static String mask(String text) {
    return mask(text, word -> false);
  }

  /**
   * As {@link #mask(String)}, but a name whose every word {@code keep} accepts stays as typed; other
   * identifiers are masked as ever. Only for text that is searched and never kept: the answer step
   * keeps the words the library itself uses, so a review's own name for its child ("baby Alfie") or a
   * word the detector mistook for a name ("Covid-related", "child criminl exploitaton") still finds
   * what the library says, while the question is kept and shown fully masked.
   */
  public static String mask(String text, Predicate<String> keep) {
    if (text == null) {
      return "";
    }
    // Shapes first: "14 Acacia Avenue" is an address before "Acacia" could look like a name.
    return NAMES.mask(StructuredIdentifiers.mask(text), keep);
  }
}
