package uk.safeguarding.guidance.corpus;

import java.util.regex.Pattern;

/**
 * The one home of the words reviews and briefings use to label their parts ("What we have learned",
 * "What you should do", "Recommendations", "Key messages" …), for the three rules that read them:
 * <ul>
 *   <li>{@link #SUB_SECTION}: the splitter opens a sub-section at any of these printed as a label;
 *   <li>{@link #POINT_PREFIX}: an answer point drops the label a merged sub-section kept at its start;
 *   <li>{@link #ACTION_PATH} and {@link #ACTION_LABEL}: the passages that say what to do
 *       ({@link ActionSections}), which the index marks and answers prefer.
 * </ul>
 * Each rule takes its own subset on purpose: a wider action rule would move every ranking (the index
 * stores it), so widening one is a measured change, not a tidy-up.
 */
public final class GuidanceLabels {

  private GuidanceLabels() {}

  /** "What we have learned", "What did we find" … */
  static final String LEARNED = "What (?:we have|have we|did we|we) (?:learn(?:ed|t)?|found)";
  /** "What you should do", "What should you do next" … */
  static final String TO_DO = "What (?:you should|should you|to) do(?: next)?";

  /** Labels that open a sub-section when printed at the start of a paragraph or on a line of their own. */
  static final String SUB_SECTION = "(?:" + LEARNED + "|" + TO_DO
      + "|What (?:can|could|should|must) (?:you|we|practitioners|professionals|managers) do"
      + "|What (?:practitioners|professionals|managers|agencies|you|we) (?:should|must|can|could|need to) (?:do|know)"
      + "|Key (?:learning|messages?|findings?|points?)|Why (?:it|this) matters"
      + "|Recommendations?|Learning(?: points?)?|Actions?|Findings?)";

  /** The labels a merged sub-section keeps at its start, as an answer point must not quote them. */
  public static final Pattern POINT_PREFIX = Pattern.compile(
      "^(What (?:we have|have we|did we|we) learn(?:ed|t)?|What (?:you should|should you|to) do|Recommendations?|"
          + "Key (?:learning|messages?|findings?)|Background)\\s*[:?]\\s*",
      Pattern.CASE_INSENSITIVE);

  /**
   * Which of a merged sub-section's labels ({@link #POINT_PREFIX}) opens what was learned ("What we have
   * learned:", "Key findings:"), and which opens what to do ("What you should do:", "Recommendations:",
   * "Key messages:"): the sentences after one belong to it until the next, so an answer point is labelled
   * by its own sub-section, not by the passage that merged the two.
   */
  public static final Pattern LEARNED_PREFIX = Pattern.compile(
      "^(What (?:we have|have we|did we|we) learn(?:ed|t)?|Key (?:learning|findings?))\\s*[:?]",
      Pattern.CASE_INSENSITIVE);
  public static final Pattern TO_DO_PREFIX = Pattern.compile(
      "^(What (?:you should|should you|to) do|Recommendations?|Key messages?)\\s*[:?]", Pattern.CASE_INSENSITIVE);

  /** A heading path that says what to do (lowercased before matching). */
  static final Pattern ACTION_PATH = Pattern.compile(
      ".*\\b(should (you )?do|you should|to do|recommendations?|actions?|what can|key messages)\\b.*");
  /** A short "What we have learned" merged with its "What you should do" keeps the label in its text. */
  static final Pattern ACTION_LABEL = Pattern.compile(
      "(?s)(.*\\n)?(what (you should|should you) do|recommendations?)\\s*[:?].*");
}
