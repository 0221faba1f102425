package uk.safeguarding.guidance.answer;

import java.util.List;
import java.util.regex.Pattern;
import uk.safeguarding.guidance.search.Filters;
import uk.safeguarding.guidance.search.QueryTerms;

/**
 * Whether a question leans on the previous turn of the conversation, and the search it gets. A
 * question that points back ("and for teenagers?", "who does that?") is searched with the previous
 * turn's words. One that names something new ("who should be at the handover meeting?" after a
 * question on a family moving area) is searched alone and with them, and takes the previous topic only
 * when it is short ({@link #MAX_WORDS}), that makes it answerable and no less likely so ({@link #MARGIN}),
 * and the best passage found with it carries the question's own words at least as well as the one
 * found alone; a fresh question the library answers alone, or one about a topic it does not cover,
 * keeps its own search. Two searches for such a question: the cost of a conversation's later turns.
 * Thread-safe.
 */
final class FollowUps {

  private static final Pattern FOLLOW_UP = Pattern.compile(
      "^(and|but|also|or|so|then|what about|how about|what if|and if|and what|what else|same for|is that|does that|"
          + "do they|does it|is it|are they|can they|should they|should i also)\\b.*",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern PRONOUN =
      Pattern.compile("\\b(they|them|their|it|this|that|these|those|he|she|him|her)\\b",
          Pattern.CASE_INSENSITIVE);
  /** A word standing for the previous question's topic, not for a person. */
  private static final Pattern TOPIC_PRONOUN =
      Pattern.compile("\\b(it|its|they|them|their|this|that|these|those)\\b", Pattern.CASE_INSENSITIVE);
  /** A question of at most this many content words that points back with a pronoun is a follow-up. */
  static final int PRONOUN_FOLLOW_UP_WORDS = 3;
  /**
   * How much more likely answerable the previous topic must make a question for it to be taken: it
   * must at least not lower it (and reach the answer threshold). Chosen on the follow-up bank's train
   * split (126 conversations, {@code followups-train.jsonl}) with {@link #MAX_WORDS}: margins 0, 0.05,
   * 0.1 and 0.2 over five lengths; 0 and 5 answered 4 more of 48 "names something new" questions than
   * searching alone, with no fresh question lost and no out-of-scope one answered; longer questions
   * (6 words, or any) answered 1–3 out-of-scope questions from the previous topic.
   */
  static final double MARGIN = 0;
  /**
   * Only a question of at most this many content words may lean on the previous topic: one that names
   * something new is short ("who should be at the handover meeting?", 3–5 words), while a longer one
   * carries its own topic (in the train split most fresh and out-of-scope questions had 6–13).
   */
  static final int MAX_WORDS = 5;

  private final AnswerSearch finder;

  FollowUps(AnswerSearch finder) {
    this.finder = finder;
  }

  /** The search for {@code searched}, with the previous turn's words when the question leans on them. */
  AnswerSearch.Found find(String question, String searched, QueryTerms terms, List<Conversations.Turn> history,
      Filters filters, LearnedModels.Trained models) {
    String previous = history.isEmpty() ? null : history.get(history.size() - 1).query();
    if (leansOnDeclined(question, terms, history)) {
      return finder.find(searched, terms, null, filters, models); // the turn before has nothing to lean on
    }
    if (pointsBack(question, terms, history)) {
      return finder.find(searched, terms, previous, filters, models);
    }
    AnswerSearch.Found alone = finder.find(searched, terms, null, filters, models);
    if (previous == null || models == null || terms.words().size() > MAX_WORDS) {
      return alone; // without the learned decision there is no measure of "more answerable"
    }
    AnswerSearch.Found leaning = finder.find(searched, terms, previous, filters, models);
    return leans(alone, leaning, models.answerability().threshold()) ? leaning : alone;
  }

  /** Whether the search with the previous topic answers clearly better, on the question's own words. */
  static boolean leans(AnswerSearch.Found alone, AnswerSearch.Found leaning, double threshold) {
    return leaning.answerable() >= threshold && leaning.answerable() - alone.answerable() >= MARGIN
        && leaning.topCoverage() >= alone.topCoverage();
  }

  /**
   * Whether the question points back at a turn the library declined ("what about the SUDI review then?"
   * after "safe sleep advice - co-sleeping on the sofa"). It is searched alone, and answered only when it
   * names no declined topic ({@link #onDeclinedTopic}) and the answer-or-decline decision is sure of it
   * ({@link Answerability#answerableStrictly}): its few words would otherwise be answered from whatever
   * shares them ("and who attends it?" after "MARAC referral criteria": "non-attendance at appointments").
   */
  static boolean leansOnDeclined(String question, QueryTerms terms, List<Conversations.Turn> history) {
    return pointsBack(question, terms, history) && !history.get(history.size() - 1).grounded();
  }

  /**
   * Whether a question carries on the situation of the turn before it: it points back, or is too short
   * ({@link #MAX_WORDS} content words) to bring a topic of its own ("what now?", "who do i ring", "can i
   * wait till monday?"). After an urgent turn, such a question is still about the child in danger.
   */
  static boolean carriesOn(String question, QueryTerms terms, List<Conversations.Turn> history) {
    return !history.isEmpty() && (terms.words().size() <= MAX_WORDS || pointsBack(question, terms, history));
  }

  /**
   * Whether the question points back at a declined turn's topic with a word for it ("and who attends
   * it?", "who do they report to?", "what do the reviews say about them?"): it asks about what the library
   * does not cover, and is declined too. One without such a word may bring a topic of its own ("what about
   * the SUDI review then?"; "him" in "does moving him out of area help?" is the child, not the topic).
   */
  static boolean onDeclinedTopic(String question, QueryTerms terms, List<Conversations.Turn> history) {
    return leansOnDeclined(question, terms, history) && TOPIC_PRONOUN.matcher(question).find();
  }

  /** A question that points back: opens with "and"/"what about", or says little alone. */
  static boolean pointsBack(String question, QueryTerms terms, List<Conversations.Turn> history) {
    if (history.isEmpty()) {
      return false;
    }
    String q = question.strip();
    return FOLLOW_UP.matcher(q).matches() || terms.words().size() <= 1
        || PRONOUN.matcher(q).find() && terms.words().size() <= PRONOUN_FOLLOW_UP_WORDS;
  }
}
