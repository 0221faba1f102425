package uk.safeguarding.guidance.privacy;

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
    if (text == null) {
      return "";
    }
    // Shapes first: "14 Acacia Avenue" is an address before "Acacia" could look like a name.
    return NAMES.mask(StructuredIdentifiers.mask(text));
  }
}
