package uk.safeguarding.guidance.privacy;

import static uk.safeguarding.guidance.privacy.NameCues.BIRTH_CUES;
import static uk.safeguarding.guidance.privacy.NameCues.DETERMINERS;
import static uk.safeguarding.guidance.privacy.NameCues.FUNCTION_WORDS;
import static uk.safeguarding.guidance.privacy.NameCues.NAME_CUES;
import static uk.safeguarding.guidance.privacy.NameCues.PERSON_VERBS;
import static uk.safeguarding.guidance.privacy.NameCues.PLACE_PREPOSITIONS;
import static uk.safeguarding.guidance.privacy.NameCues.RELATIONS;
import static uk.safeguarding.guidance.privacy.NameCues.SPEECH_VERBS;
import static uk.safeguarding.guidance.privacy.NameCues.after;
import static uk.safeguarding.guidance.privacy.NameCues.afterCue;
import static uk.safeguarding.guidance.privacy.NameCues.afterNameIs;
import static uk.safeguarding.guidance.privacy.NameCues.ageAfter;
import static uk.safeguarding.guidance.privacy.NameCues.bracketAfter;
import static uk.safeguarding.guidance.privacy.NameCues.joinedToName;
import static uk.safeguarding.guidance.privacy.NameCues.namesALaw;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds people's names among the words of a question. A capitalised word is a name when no word
 * list vouches for it (not English, not a place or language, not the library's vocabulary); an
 * English word that is also a given name (Grace, Will) only with evidence: a cue before it ("mum",
 * "Mrs", "called"), a surname after it (one the dictionary lists, "Mark Cooper"), a possessive, or
 * standing alone in mid-sentence. Words in lower case are names only after a cue ("nana joan") or
 * before "'s mum": "john smith" is two dictionary words, as "will cook" is. Stateless, thread-safe.
 */
final class NameDetector {

  /** Shortest lower-case surname read after a name: shorter words are text-speak ("n", "ur", "bc"). */
  private static final int MIN_SURNAME_CHARS = 3;
  /** "I've", "Don't": a contraction is never a name. */
  private static final Pattern CONTRACTION = Pattern.compile("['’](?:ve|m|d|ll|re|t)$");
  /** "aint", "hasnt": text-speak drops the apostrophe of "n't". */
  private static final Pattern APOSTROPHE_LOST = Pattern.compile("nt$");
  /**
   * Three or more plain consonants and no vowel or y: a word like this opening a sentence before a verb
   * is text-speak ("ppl kept reporting it", "mgr wants to close it"), not someone's name. Only this
   * weakest cue needs it; a name after "called" or before "'s mum" is masked whatever its letters, and
   * initials ("tj said"), accented letters and other scripts are still taken for names here.
   */
  private static final Pattern TEXT_SPEAK = Pattern.compile("[b-df-hj-np-tv-xz]{3,}");
  /** A vowel in a word in capitals: "TASHA" may be a name, "NFA" and "CSC" are not. */
  private static final Pattern SHOUTED_VOWEL = Pattern.compile("[AEIOUY]");

  /** "pre-birth", "multi-agency": prefixes that make a hyphenated word English. */
  private static final Set<String> PREFIXES = Set.of("pre", "non", "multi", "self", "co", "re", "post", "anti",
      "sub", "inter", "cross", "well", "step", "half", "ex", "e", "under", "over", "out", "de", "semi");

  private final Lexicon lexicon;

  NameDetector(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  String mask(String text) {
    List<Token> tokens = Tokens.of(text);
    return NameRuns.replace(text, tokens, names(text, tokens), word -> false);
  }

  /** {@link #mask(String)}'s text, and the same but for names whose every word {@code keep} accepts: one reading. */
  PersonalData.Masked mask(String text, Predicate<String> keep) {
    List<Token> tokens = Tokens.of(text);
    boolean[] name = names(text, tokens);
    return new PersonalData.Masked(NameRuns.replace(text, tokens, name, word -> false),
        NameRuns.replace(text, tokens, name, keep));
  }

  /** Which of the words are (part of) a person's name. */
  private boolean[] names(String text, List<Token> tokens) {
    boolean[] name = new boolean[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      name[i] = isName(text, tokens, i);
    }
    spreadAcrossFullNames(text, tokens, name);
    return name;
  }

  private boolean isName(String text, List<Token> tokens, int i) {
    Token t = tokens.get(i);
    if (t.caseless()) {
      // The library is in English: a word in a script without capitals, in a question, is most often
      // someone's name, and masking it costs the search nothing.
      return true;
    }
    // "a boy called Will": after a cue a capitalised "Will" or "May" is a given name, not a verb.
    boolean functionWord = FUNCTION_WORDS.contains(t.lower())
        && !(t.capitalised() && lexicon.isProperNoun(t.core()) && afterCue(text, tokens, i));
    if (t.acronym() && shouted(t) && afterCue(text, tokens, i)) {
      return true; // "my client TASHA SMITH": capitals after a cue are a name typed in capitals, not an acronym
    }
    if (t.core().length() < 2 || t.acronym() || NAME_CUES.contains(t.lower()) || functionWord
        || CONTRACTION.matcher(t.core()).find()) {
      return false;
    }
    if (t.lowercase()) {
      return isLowercaseName(text, tokens, i);
    }
    if (!t.capitalised() || namesALaw(tokens, i)) {
      return false;
    }
    boolean english = isEnglish(t.core());
    boolean givenName = lexicon.isProperNoun(t.core());
    if (afterCue(text, tokens, i)) {
      // "mum Jade": capitalised after a lower-case cue; "Child Protection" is a title, not a name.
      return !english || givenName || (tokens.get(i - 1).lowercase() && !t.sentenceInitial());
    }
    if (t.sentenceInitial() && lexicon.isCompound(t.lower())) {
      // "Handover", "Childminder": two English words run together, capitalised only by position.
      return false;
    }
    if (t.core().length() == 2) {
      // Two capital-only letters in the dictionary are symbols and abbreviations ("Ni", "He").
      return false;
    }
    if (lexicon.isNeverAName(t.core()) || lexicon.isGroupOfPeople(t.core()) || t.brandLike()) {
      return false;
    }
    if (english) {
      return givenName && isEnglishWordUsedAsName(text, tokens, i) || ageAfter(text, t);
    }
    return !after(tokens, i, PLACE_PREPOSITIONS);
  }

  /** "Grace told me", "see Hope n Grace", "Will's behaviour"; not "Grace period", "the Bill". */
  private boolean isEnglishWordUsedAsName(String text, List<Token> tokens, int i) {
    Token t = tokens.get(i);
    if (after(tokens, i, DETERMINERS) || after(tokens, i, PLACE_PREPOSITIONS)) {
      return false;
    }
    if (t.possessive()) {
      return true;
    }
    Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
    boolean surnameAfter = next != null && NameRuns.adjacent(text, t, next) && isEnglishSurname(next);
    if (t.sentenceInitial()) {
      // "Will Smith said", not "May Church schools": a sentence's first word may be a verb or month.
      Token afterSurname = surnameAfter && i + 2 < tokens.size() ? tokens.get(i + 2) : null;
      boolean surnameThenVerb = afterSurname != null && NameRuns.adjacent(text, next, afterSurname)
          && PERSON_VERBS.contains(afterSurname.lower());
      return next != null && NameRuns.adjacent(text, t, next) && PERSON_VERBS.contains(next.lower())
          || bracketAfter(text, t) || surnameThenVerb;
    }
    Token previous = i > 0 ? tokens.get(i - 1) : null;
    boolean capitalBefore = previous != null && previous.capitalised() && NameRuns.adjacent(text, previous, t);
    boolean capitalAfter = next != null && next.capitalised() && NameRuns.adjacent(text, t, next);
    return !capitalBefore && (!capitalAfter || surnameAfter);
  }

  /**
   * "Smith", "Cooper", "Baker": an English word the dictionary also lists as a proper noun, so it
   * can be the surname after a given name ("Mark Cooper"); "Social", "Care", "Protection" are not
   * listed, so "Will Social Care" and "May Child Protection" stay. Famous pairs ("Mark Twain") are
   * masked too: they are people's names, and guidance never turns on them.
   */
  private boolean isEnglishSurname(Token t) {
    return t.capitalised() && !t.sentenceInitial() && surnameTheListsKnow(t) && !lexicon.isNeverAName(t.core())
        && !t.brandLike();
  }

  /** A surname by the word lists, in any case: a proper noun of three letters or more, not a pronoun, cue or people. */
  private boolean surnameTheListsKnow(Token t) {
    return t.core().length() > 2 && lexicon.isProperNoun(t.core()) && !FUNCTION_WORDS.contains(t.lower())
        && !NAME_CUES.contains(t.lower()) && !lexicon.isGroupOfPeople(t.core());
  }

  /** Text-speak names: "nana joan", "jayden's mum", "patrick b 4/11/09". */
  private boolean isLowercaseName(String text, List<Token> tokens, int i) {
    Token t = tokens.get(i);
    if (i > 0 && opensWithFullName(text, tokens, i - 1)) {
      return true; // the surname of "jayden smith told me", a dictionary word or not
    }
    if (lowercaseFullName(text, tokens, i) || i > 0 && lowercaseFullName(text, tokens, i - 1)) {
      return true; // "worried about olivia jones", "kayla brown's mum"
    }
    if (isEnglish(t.core()) && !afterNameIs(tokens, i)) {
      // "his name is peter": after "name is" even a dictionary word ("peter out") is the name; so is one
      // that is also a given name before "'s mum" ("lily's mum").
      return NameCues.wordNameBeforeFamily(text, tokens, i, lexicon);
    }
    Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
    boolean beforeRelation = t.possessive() && next != null && RELATIONS.contains(next.lower());
    boolean beforeBirth = next != null && BIRTH_CUES.contains(next.lower());
    boolean startsWithVerb = t.sentenceInitial() && next != null && NameRuns.adjacent(text, t, next)
        && PERSON_VERBS.contains(next.lower()) && !lexicon.isNeverAName(t.core())
        && !TEXT_SPEAK.matcher(t.lower()).matches();
    // "ayesha (14)", "bill (grandad)": an age or a relation in brackets after it, as for capitalised names.
    return afterCue(text, tokens, i) || beforeRelation || beforeBirth || startsWithVerb || bracketAfter(text, t)
        || opensWithFullName(text, tokens, i);
  }

  /**
   * "jayden smith told me": a sentence opening with a word no dictionary has, then a surname the name
   * lists know (or another word no dictionary has), then a verb a person does. Both words are the name.
   */
  private boolean opensWithFullName(String text, List<Token> tokens, int i) {
    if (i + 2 >= tokens.size()) {
      return false;
    }
    Token given = tokens.get(i);
    Token surname = tokens.get(i + 1);
    Token verb = tokens.get(i + 2);
    return given.sentenceInitial() && given.lowercase() && surname.lowercase() && !given.possessive()
        && !surname.possessive() && NameRuns.adjacent(text, given, surname) && NameRuns.adjacent(text, surname, verb)
        && SPEECH_VERBS.contains(verb.lower()) && !isEnglish(given.core()) && !lexicon.isNeverAName(given.core())
        && !TEXT_SPEAK.matcher(given.lower()).matches() && !TEXT_SPEAK.matcher(surname.lower()).matches()
        && given.core().length() > 2
        && (lexicon.isProperNoun(surname.core()) || !isEnglish(surname.core()))
        && !FUNCTION_WORDS.contains(surname.lower()) && !NAME_CUES.contains(given.lower());
  }

  /**
   * "olivia jones", "kayla brown", "mohammed khan" anywhere in a sentence: a given name the name lists know
   * and the dictionary does not (so not "will", "grace", "mark"), then a word the name lists know (a
   * surname, "Jones", or one that is also a word, "Brown"). Both words are the name. A given name alone in
   * lower case is left ("fraser guidelines", "moses basket", "refer to chanel" are the library's words, and
   * the lists cannot tell them from a child's name); so are places, languages and the library's own words.
   */
  private boolean lowercaseFullName(String text, List<Token> tokens, int i) {
    if (i + 1 >= tokens.size()) {
      return false;
    }
    Token given = tokens.get(i);
    Token surname = tokens.get(i + 1);
    return given.lowercase() && surname.lowercase() && !given.possessive() && NameRuns.adjacent(text, given, surname)
        && given.core().length() > 2 && lexicon.isProperNoun(given.core()) && !isEnglish(given.core())
        && !lexicon.isNeverAName(given.core()) && !lexicon.isGroupOfPeople(given.core())
        && !TEXT_SPEAK.matcher(given.lower()).matches() && !NAME_CUES.contains(given.lower())
        && surnameTheListsKnow(surname)
        && (!lexicon.isNeverAName(surname.core()) || lexicon.isLibraryOnly(surname.core()));
  }

  /**
   * A word in capitals that reads as a name typed in capitals, not an acronym: three letters or more with a
   * vowel, no dictionary word ("CARE") and none the library or the lists know ("MASH", "CAMHS", "ADHD").
   */
  private boolean shouted(Token t) {
    return t.core().length() >= 3 && SHOUTED_VOWEL.matcher(t.core()).find() && !isEnglish(t.core())
        && !lexicon.isNeverAName(t.core()) && !lexicon.isGroupOfPeople(t.core()) && !FUNCTION_WORDS.contains(t.lower())
        && !NAME_CUES.contains(t.lower());
  }

  /**
   * "Rose Mulligan", "Summer Hope Lawson", "wayne and kerry's baby": a capitalised word next to a
   * name is part of it, and a word joined to a name by "and" is one too.
   */
  private void spreadAcrossFullNames(String text, List<Token> tokens, boolean[] name) {
    boolean titleCase = Tokens.titleCase(tokens);
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < tokens.size(); i++) {
        if (name[i]) {
          continue;
        }
        Token t = tokens.get(i);
        boolean nextIsName = i + 1 < tokens.size() && name[i + 1] && NameRuns.adjacent(text, t, tokens.get(i + 1));
        boolean previousIsName = i > 0 && name[i - 1] && !tokens.get(i - 1).possessive()
            && NameRuns.adjacent(text, tokens.get(i - 1), t);
        boolean surname = previousIsName && (!lexicon.isNeverAName(t.core()) || lexicon.isLibraryOnly(t.core()))
            && (!titleCase || lexicon.isProperNoun(t.core()) || !isEnglish(t.core()));
        if (t.acronym() && previousIsName && tokens.get(i - 1).acronym() && t.core().length() >= 3
            && lexicon.isProperNoun(t.core()) && !lexicon.isNeverAName(t.core())
            && !lexicon.isGroupOfPeople(t.core())) {
          name[i] = true; // the surname of "TASHA SMITH", one the name lists know
        }
        if (t.capitalised() && !NAME_CUES.contains(t.lower())) {
          name[i] = surname || (nextIsName && !lexicon.isNeverAName(t.core())
              && (lexicon.isProperNoun(t.core()) || !isEnglish(t.core())));
        }
        if (!name[i] && t.lowercase() && surname && t.core().length() >= MIN_SURNAME_CHARS && !isEnglish(t.core())
            && !TEXT_SPEAK.matcher(t.lower()).matches() && !BIRTH_CUES.contains(t.lower())
            && (lexicon.isProperNoun(t.core()) || !lexicon.isOneSlipFromEnglish(t.core()))) {
          name[i] = true; // "Amira okafor": a surname typed in lower case, one no dictionary has
        }
        if (!name[i] && (t.capitalised() || !isEnglish(t.core())) && !lexicon.isNeverAName(t.core())) {
          name[i] = joinedToName(tokens, name, i) && (lexicon.isProperNoun(t.core()) || !isEnglish(t.core()));
        }
      }
    }
  }

  /** English as the dictionary has it; "pre-birth" through its parts, "Kerry-Ann" is not. */
  private boolean isEnglish(String word) {
    if (lexicon.isEnglish(word) || lexicon.isEnglish(APOSTROPHE_LOST.matcher(word).replaceFirst("n't"))) {
      return true;
    }
    String[] parts = word.split("-");
    if (parts.length < 2) {
      return false;
    }
    for (String part : parts) {
      if (!part.isEmpty() && !lexicon.isEnglish(part) && !PREFIXES.contains(part.toLowerCase())) {
        return false;
      }
    }
    return true;
  }
}
