package uk.safeguarding.guidance.answer;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises questions that describe a child at immediate risk, so the page can say first who to
 * contact now. Deliberately errs towards showing the prompt: a needless reminder to call 999 costs
 * little, a missed one may cost much. Stateless and thread-safe.
 */
public final class Urgency {

  /** Shown above the answer. Product text, not guidance from the library, so not cited. */
  public static final String MESSAGE = "If a child is in immediate danger, call the police on 999 now. "
      + "If the child is not in immediate danger but you are worried they will be harmed, contact children's "
      + "social care straight away, and out of hours the Emergency Duty Team. Do not wait to read guidance first.";

  /** Phrases that on their own describe danger now. */
  private static final List<Pattern> ALONE = patterns(
      "immediate (danger|risk)", "in danger (right )?now", "at risk (right )?now", "(right now|tonight|today).{0,40}(hurt|harm|abus|beat|hit|kill)",
      "scared to go home", "(afraid|frightened|terrified|not safe|unsafe|won'?t go|doesn'?t want to go) (to go )?home",
      "(going|threaten\\w*|want\\w*) to (kill|hurt|harm) (her|him|them|me|the (child|baby|kid))", "kill (her|him)self",
      "(suicid\\w*|overdos\\w*|self[- ]harm\\w*).{0,30}(now|tonight|today|plan)", "(unconscious|not breathing|unresponsive|bleeding)",
      "(left|alone) (home )?alone.{0,30}(baby|toddler|infant|young children)", "(baby|toddler|infant).{0,30}(left|home) alone",
      "(has|just|been) (been )?(raped|sexually assaulted)", "missing (right )?now", "has gone missing", "run away (tonight|today|now)",
      "(with|meeting|gone off with) (an? )?(older|adult) (man|men|stranger)");

  /** A disclosure or harm word together with a "now" word. */
  private static final Pattern HARM = Pattern.compile(
      "\\b(hurts?|hurting|hit(s|ting)?|beat(s|ing|en)?|abus\\w*|touch\\w*|assault\\w*|injur\\w*|bruis\\w*|burn\\w*|"
          + "threat\\w*|weapon|knife|violent|violence|disclos\\w*|told me|has told|sexual\\w*|exploit\\w*)\\b");
  private static final Pattern NOW = Pattern.compile(
      "\\b(now|tonight|today|this (evening|afternoon|morning)|just (told|disclosed|said|seen|found)|right away|"
          + "at the moment|currently|still there|waiting outside|picking (her|him|them) up|go(ing)? home)\\b");

  private Urgency() {}

  public static boolean isUrgent(String question) {
    String q = question.toLowerCase(Locale.ROOT).replace('’', '\'');
    if (ALONE.stream().anyMatch(p -> p.matcher(q).find())) {
      return true;
    }
    return HARM.matcher(q).find() && NOW.matcher(q).find();
  }

  private static List<Pattern> patterns(String... regexes) {
    return java.util.Arrays.stream(regexes).map(Pattern::compile).toList();
  }
}
