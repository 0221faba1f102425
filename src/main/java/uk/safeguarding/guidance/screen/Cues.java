package uk.safeguarding.guidance.screen;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Broad lexical cues the screen's model weighs alongside the embedding: who (a child, named in any
 * of the ways practitioners write), when (now, tonight), and what kind of danger. They are features,
 * not rules: no cue decides anything alone, the learned weights do, and a situation with none of
 * them is still judged by its embedding. Their names are shown to trainers as the screen's reason.
 * Stateless, thread-safe.
 */
final class Cues {

  /** One named cue; {@code shown} false for cues that point away from danger (not given as a reason). */
  record Cue(String name, Pattern pattern, boolean shown) {}

  private static Cue cue(String name, boolean shown, String regex) {
    return new Cue(name, Pattern.compile(regex), shown);
  }

  static final List<Cue> ALL = List.of(
      cue("a child", true,
          "\\b(bab(y|ies|e)|bby|newborn|infant|toddler|child(ren)?|kids?|son|daughter|boy|girl|lad|lass|bairn"
              + "|yp|young (person|people)|pupil|student|teen(ager)?s?|twins|sibling|sister|brother|y\\d{1,2}|year \\d{1,2}"
              + "|\\d{1,2} ?(yo|y/o|yrs?|years?|months?|mths?|weeks?|wks?|days?)( old)?|\\d{1,2}yr?s?)\\b"),
      cue("now or tonight", true,
          "\\b(now|rn|tonight|tonite|today|this (morning|afternoon|evening)|at the moment|currently"
              + "|still|just|asap|immediately|right away|minutes?|mins|in an hour|waiting|on (her|his|their) way"
              + "|home ?time|end of (the )?day|going home|go home|picking (her|him|them) up|collect(ing)? (her|him|them))\\b"),
      cue("alone or unsupervised", true, "\\b(alone|on (his|her|their) own|by (him|her|them)sel(f|ves)|unsupervised"
          + "|no ?(one|body)|no adult|left (in|at|with|outside)|locked (in|out)|not (been )?(collected|picked up)"
          + "|no answer|can'?t get hold|unreachable|nobody came)\\b"),
      cue("a carer drunk or high", true,
          "\\b(drunk|high|wasted|smashed|hammered|off (his|her|their) (face|head)|out of it"
              + "|passed out|slurr\\w*|stoned|mashed|bladdered|steaming|gouching|monged|intoxicated|under the influence"
              + "|can'?t stand|unconscious|paralytic)\\b"),
      cue("harm or injury", true, "\\b(hurt\\w*|hit(ting)?|beat(en|ing)?|batter\\w*|bruis\\w*|burns?|burnt|injur\\w*"
          + "|bleed\\w*|blood|marks?|strangl\\w*|chok\\w*|punch\\w*|kick\\w*|slap\\w*|abus\\w*|assault\\w*|rape\\w*"
          + "|touch\\w*|threat\\w*|kill\\w*|weapon|knife|gun|violen\\w*|attack\\w*|fractur\\w*)\\b"),
      cue("suicide or self-harm", true,
          "\\b(suicid\\w*|end (it|(his|her|my) life)|self[- ]?harm\\w*|cutting|cut (her|him)self"
              + "|overdos\\w*|od'?d|ligature|hang(ing)? (her|him)self|jump(ing)? off|kill (him|her|my)self)\\b"),
      cue("something swallowed", true, "\\b(swallow\\w*|ate|eaten|drank|drunk some|took|taken|tablets|pills|methadone"
          + "|bleach|battery|batteries|liquid|edibles?|substance|poison\\w*|medication)\\b"),
      cue("missing", true,
          "\\b(missing|not (come|came|been) (home|back|seen)|hasn'?t (come|been)|run away|ran away|runaway"
              + "|whereabouts|disappeared|phone('s)? (is )?off|no one knows where)\\b"),
      cue("exploitation", true,
          "\\b(older (man|men|boys?|males?|lads)|groom\\w*|county lines|package|sextortion|nudes|blackmail\\w*"
              + "|picked up by|in a car with|traffick\\w*|exploit\\w*|meet(ing)? (up with )?(a man|him|someone|them))\\b"),
      cue("fear of going home", true, "\\b(scared|afraid|frightened|terrified|petrified|won'?t go home|not going home"
          + "|doesn'?t want to go|refus\\w* to (go|leave)|not safe|unsafe)\\b"),
      cue("past, general or training", false, "\\b(research|training|session|course|slides|presentation|essay|learning"
          + "|review|reviews|policy|procedure|statistics|data|definition|mean|stand for|last (week|month|year|term)"
          + "|in (19|20)\\d\\d|historic\\w*|years ago|closed|chronology|supervision|in general|generally|ever"
          + "|hypothetical|scenario|what are the signs|safe now|foster care|placed with|police protection|recorded)\\b"));

  private Cues() {}

  /** The cues found in lower-cased text, in the order of {@link #ALL}, as a 0/1 vector. */
  static boolean[] found(String lower) {
    boolean[] out = new boolean[ALL.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ALL.get(i).pattern().matcher(lower).find();
    }
    return out;
  }

  /** The names of the shown cues found, for a trainer. */
  static List<String> names(boolean[] found) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < found.length; i++) {
      if (found[i] && ALL.get(i).shown()) {
        names.add(ALL.get(i).name());
      }
    }
    return names;
  }
}
