package uk.safeguarding.guidance.privacy;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Writes the text with the names {@link NameDetector} found masked: each run of name words ("Rose
 * Mulligan", "Summer Hope Lawson") becomes one {@code [name]}, unless every word of it is one the
 * caller keeps. Stateless.
 */
final class NameRuns {

  /** Between two words of one name: spaces or tabs only (a line break or comma ends the name). */
  private static final Pattern NAME_GAP = Pattern.compile("[ \\t]+");

  private NameRuns() {}

  /** Whether only spaces separate the two words. */
  static boolean adjacent(String text, Token left, Token right) {
    return NAME_GAP.matcher(text.substring(left.end(), right.start())).matches();
  }

  /** {@code text} with each run of words flagged in {@code name} masked, unless {@code keep} accepts all its words. */
  static String replace(String text, List<Token> tokens, boolean[] name, Predicate<String> keep) {
    StringBuilder out = new StringBuilder();
    int copied = 0;
    int i = 0;
    while (i < tokens.size()) {
      if (!name[i]) {
        i++;
        continue;
      }
      int end = i + 1; // one past the run's last word
      while (end < tokens.size() && continues(text, tokens, name, end)) {
        end++;
      }
      if (!tokens.subList(i, end).stream().map(Token::core).allMatch(keep)) {
        out.append(text, copied, tokens.get(i).start()).append("[name]");
        copied = tokens.get(end - 1).coreEnd();
      }
      i = end;
    }
    return out.append(text.substring(copied)).toString();
  }

  /** Whether word {@code i} carries on the name before it: both names, no possessive between, only spaces. */
  private static boolean continues(String text, List<Token> tokens, boolean[] name, int i) {
    return name[i] && name[i - 1] && !tokens.get(i - 1).possessive()
        && adjacent(text, tokens.get(i - 1), tokens.get(i));
  }
}
