package uk.safeguarding.guidance.corpus;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one home of the rule for passages that tell a practitioner what to do ("What you should do",
 * recommendations, actions, key messages): the index stores it as a field, answers prefer such
 * passages, and the trainers' preview labels them. Stateless.
 */
public final class ActionSections {

  private static final Pattern ACTION_PATH = Pattern.compile(
      ".*\\b(should (you )?do|you should|to do|recommendations?|actions?|what can|key messages)\\b.*");
  /** A short "What we have learned" merged with its "What you should do" keeps the label in its text. */
  private static final Pattern ACTION_LABEL = Pattern.compile(
      "(?s)(.*\\n)?(what (you should|should you) do|recommendations?)\\s*[:?].*");

  private ActionSections() {}

  public static boolean isAction(Passage passage) {
    String path = String.join(" ", passage.subPath()).toLowerCase(Locale.ROOT);
    return ACTION_PATH.matcher(path).matches()
        || ACTION_LABEL.matcher(passage.text().toLowerCase(Locale.ROOT)).matches();
  }
}
