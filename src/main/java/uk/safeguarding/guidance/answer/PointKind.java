package uk.safeguarding.guidance.answer;

import java.util.Locale;
import java.util.regex.Pattern;
import uk.safeguarding.guidance.corpus.Passage;

/**
 * What an answer point is: guidance on what to do, learning (what a review found), or background
 * from a case. Background is labelled as such on the page, so a case's narrative ("…suffered
 * injuries whilst in the care of his mother") is never read as guidance.
 */
public enum PointKind {

  DO("What to do"), LEARNED("What was learned"), BACKGROUND("Background from the case");

  private final String label;

  PointKind(String label) {
    this.label = label;
  }

  /** The heading the page shows above points of this kind. */
  public String label() {
    return label;
  }

  /**
   * A heading that names a section telling the story of a case rather than its learning ("Background",
   * "Case summary", "The incident", "Family history", "What happened"), read from its start once its
   * numbering is taken off: a topical heading that merely mentions a case or a child ("Learning from the
   * case", "Theme 3: Voice and experience of the child", "Serious Incident Notifications") is not one.
   */
  private static final Pattern BACKGROUND_SECTION = Pattern.compile(
      "^(background|case (summary|background|details|history)|the case\\b|circumstances|chronology of"
          + "|summary of (the )?(case|events|incident)|what happened|family (composition|history|context)"
          + "|(the )?incident\\b|events leading|about the (case|family|child))");
  /**
   * A sentence narrating a particular case: a child named by letter or pseudonym, or a parent named as
   * someone's, in the past tense, without telling anyone what to do.
   */
  private static final Pattern NARRATIVE = Pattern.compile(
      "\\b(Child [A-Z]\\b|Baby [A-Z]\\b|[A-Z][a-z]+'s (mother|father|mum|dad|parents|partner)|(his|her|their) "
          + "(mother|father|mum|dad|parents|step-?father|partner)|the (mother|father)('s)? (partner|boyfriend)"
          + "|(were|was) (charged|convicted|sentenced|arrested|admitted|found dead|pronounced))");
  private static final Pattern PAST = Pattern.compile("\\b(was|were|had|did|[a-z]{3,}ed)\\b");
  /**
   * "Never" or "always" after an auxiliary or "not" states a finding ("the local authority is never told",
   * "records do not always show the child's views", "was not always proportionate"), not an instruction
   * ("never shake a baby", "always check"): read without it, such a sentence tells no one what to do
   * unless something else in it does. Only the label reads this; the sentence scorer's action figure
   * ({@link PointPicker#isAction}) is unchanged.
   */
  private static final Pattern FINDING = Pattern.compile(
      "(?i)\\b(?:(?:is|are|was|were|been|has|have|had|do|does|did)(?:n't|\\s+not)?\\s+|not\\s+)(?:never|always)\\b");

  /**
   * As {@link #of(Passage, String, boolean, boolean)}, for a unit in a passage that merged a labelled "What
   * we have learned:" with its "What you should do:": a sentence that does not itself tell the reader what
   * to do is labelled by its own sub-section, not the passage's ("Records do not always show the views of
   * the child" is learning, though its passage says what to do). Only the label reads this.
   */
  static PointKind of(Passage passage, Sentences.Unit unit, boolean action, boolean actionPassage) {
    PointKind kind = of(passage, unit.text(), action, actionPassage);
    if (kind == BACKGROUND || unit.part() == Sentences.Part.UNLABELLED || tells(unit.text(), action)) {
      return kind;
    }
    return unit.part() == Sentences.Part.LEARNED ? LEARNED : DO;
  }

  /** The kind of a sentence quoted from {@code passage}; {@code action} when it tells the reader what to do. */
  static PointKind of(Passage passage, String sentence, boolean action, boolean actionPassage) {
    boolean tells = tells(sentence, action);
    if (tells && !NARRATIVE.matcher(sentence).find()) {
      return DO;
    }
    if (passage.subPath().stream().anyMatch(PointKind::backgroundHeading) && !actionPassage
        || NARRATIVE.matcher(sentence).find() && PAST.matcher(sentence).find()) {
      return BACKGROUND;
    }
    return actionPassage ? DO : LEARNED;
  }

  /** Whether the sentence tells the reader what to do once a finding's "never"/"always" is read out of it. */
  private static boolean tells(String sentence, boolean action) {
    return action && PointPicker.isAction(FINDING.matcher(sentence).replaceAll(" "));
  }

  private static boolean backgroundHeading(String heading) {
    String h = Suggestions.NUMBERING.matcher(heading.strip()).replaceFirst("").toLowerCase(Locale.ROOT);
    return BACKGROUND_SECTION.matcher(h).find();
  }
}
