package uk.safeguarding.guidance.answer;

import java.util.List;
import java.util.regex.Pattern;
import uk.safeguarding.guidance.search.QueryTerms;

/** Whether a question leans on the previous turn of the conversation. Stateless. */
final class FollowUps {

  private static final Pattern FOLLOW_UP = Pattern.compile(
      "^(and|but|also|or|so|then|what about|how about|what if|and if|and what|what else|same for|is that|does that|"
          + "do they|does it|is it|are they|can they|should they|should i also)\\b.*",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern PRONOUN =
      Pattern.compile("\\b(they|them|their|it|this|that|these|those|he|she|him|her)\\b",
          Pattern.CASE_INSENSITIVE);
  /** A question of at most this many content words that points back with a pronoun is a follow-up. */
  static final int PRONOUN_FOLLOW_UP_WORDS = 3;

  private FollowUps() {}

  /** A question that leans on the previous turn: opens with "and"/"what about", or says little alone. */
  static boolean isFollowUp(String question, QueryTerms terms, List<Conversations.Turn> history) {
    if (history.isEmpty()) {
      return false;
    }
    String q = question.strip();
    return FOLLOW_UP.matcher(q).matches() || terms.words().size() <= 1
        || PRONOUN.matcher(q).find() && terms.words().size() <= PRONOUN_FOLLOW_UP_WORDS;
  }
}
