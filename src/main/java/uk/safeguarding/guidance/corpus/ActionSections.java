package uk.safeguarding.guidance.corpus;

import java.util.Locale;

/**
 * The rule for passages that tell a practitioner what to do ("What you should do",
 * recommendations, actions, key messages): the index stores it as a field, answers prefer such
 * passages, and the trainers' preview labels them. Its words are in {@link GuidanceLabels}. Stateless.
 */
public final class ActionSections {

  private ActionSections() {}

  public static boolean isAction(Passage passage) {
    String path = String.join(" ", passage.subPath()).toLowerCase(Locale.ROOT);
    return GuidanceLabels.ACTION_PATH.matcher(path).matches()
        || GuidanceLabels.ACTION_LABEL.matcher(passage.text().toLowerCase(Locale.ROOT)).matches();
  }
}
