package uk.safeguarding.guidance.answer;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The topic of a question that names the library itself: "what does the guidance say about neglect",
 * "anything in the library on fathers?", "neglect guidance" ask about neglect and fathers, and are searched
 * and judged as "neglect" and "fathers". The words for the library ("the guidance", "the library", "the
 * reviews", "the documents") name no topic, yet writers used "what's the guidance on …" mostly for topics
 * the library lacks, so the learned decision read the wording as a sign of a gap (BENCHMARKS.md §8,
 * twenty-ninth session). A named document ("the Telford briefing") is a topic and stays. A rule rather
 * than labelled examples: 564 questions of a writer who used these words on both sides, joined to the
 * examples, gained on the wording as much as they lost elsewhere, where this changes no other writer's
 * answer. Stateless.
 */
final class SelfReference {

  /** The library as practitioners name it, slips included. */
  private static final String LIBRARY = "(?:the|this|your|ur|these) (?:guidance|guidence|library|libary|documents?"
      + "|docs|reviews?|learning|write-?ups|papers?)";
  private static final String ABOUT = "(?:about|on|re|regarding|bout|abt|for|around)";
  /** Openings that ask what the library holds on a topic; the topic follows. */
  private static final List<Pattern> OPENINGS = List.of(
      Pattern.compile("^(?:(?:can|could) (?:you|u) )?(?:please |pls )?(?:tell me |show me |give me )?"
          + "(?:what|wat|wot) (?:(?:does|do|did) )?" + LIBRARY + " (?:say|says|tell (?:me|us)|have|got)"
          + "(?: to say| in it)? " + ABOUT + " ", Pattern.CASE_INSENSITIVE),
      Pattern.compile("^(?:what|wat|wot)(?:'s| is|s)? (?:in|there in) " + LIBRARY + " " + ABOUT + " ",
          Pattern.CASE_INSENSITIVE),
      Pattern.compile("^(?:what|wat|wot) (?:have|has) " + LIBRARY + " got " + ABOUT + " ", Pattern.CASE_INSENSITIVE),
      Pattern.compile("^(?:is there |are there )?(?:anything|any thing|owt|stuff) (?:in|from) " + LIBRARY + " "
          + ABOUT + " ", Pattern.CASE_INSENSITIVE),
      Pattern.compile("^(?:does|do) " + LIBRARY + " (?:cover|mention|say anything about|talk about) ",
          Pattern.CASE_INSENSITIVE),
      Pattern.compile("^(?:what|wat|wot)(?:'s| is|s) the (?:guidance|guidence|learning) " + ABOUT + " ",
          Pattern.CASE_INSENSITIVE),
      Pattern.compile("^(?:any )?(?:guidance|guidence) " + ABOUT + " ", Pattern.CASE_INSENSITIVE));
  /** Endings that only point at the library: "neglect guidance", "…, what does the guidance say?". */
  private static final Pattern ENDING = Pattern.compile("(?:[\\s,;:-]+(?:what does " + LIBRARY
      + " say|any (?:guidance|guidence)|(?:in|from) " + LIBRARY + "|(?:guidance|guidence)))+\\s*[?.!]*$",
      Pattern.CASE_INSENSITIVE);

  private SelfReference() {}

  /** {@code question} without the words that name the library, or as asked when nothing else would be left. */
  static String topicOf(String question) {
    String q = question.strip();
    for (Pattern opening : OPENINGS) {
      q = opening.matcher(q).replaceFirst("");
    }
    q = ENDING.matcher(q).replaceFirst("").strip();
    return q.chars().anyMatch(Character::isLetterOrDigit) ? q : question;
  }
}
