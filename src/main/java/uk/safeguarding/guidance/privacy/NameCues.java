package uk.safeguarding.guidance.privacy;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the words around a word say about whether it is a name ({@link NameDetector}): the cues before
 * it ("mum", "Mrs", "called", "name is"), what follows it (a verb a person does, an age or a relation in
 * brackets, "'s Law"), and the word lists these read. Stateless.
 */
final class NameCues {

  /** Between a cue and a name: spaces, an opening bracket or quote, a colon ("Child: Ruby"). */
  private static final Pattern CUE_GAP = Pattern.compile("[\\s(\"'‘“:]*");
  private static final Pattern BRACKETED_AGE_OR_RELATION = Pattern.compile(
      "\\s*\\(\\s*(?:\\d{1,2}|aged?\\s*\\d{1,2}|[a-z]+)\\s*\\)");
  /**
   * "Amir (6)", "Hunter (aged 4)", "Cash (3yo)": an age in brackets right after a capitalised word
   * makes it a person, even one the dictionary lists as a word and no name list knows.
   */
  private static final Pattern BRACKETED_AGE = Pattern.compile(
      "\\s*\\(\\s*(?:aged?\\s*)?\\d{1,2}\\s*(?:yo|y/o|yrs?|years?(?:\\s*old)?)?\\s*\\)");

  /** Words after which the next capitalised word is a person: titles, relations, "called". */
  static final Set<String> NAME_CUES = Set.of("called", "named", "name", "mr", "mrs", "ms", "miss", "mx",
      "dr", "pc", "dc", "ds", "sgt", "mum", "mam", "mom", "mummy", "mother", "dad", "daddy", "father",
      "stepdad", "stepmum", "nan", "nana", "nanna", "gran", "granny", "grandma", "grandad", "grandpa",
      "grandmother", "grandfather", "aunt", "aunty", "auntie", "uncle", "brother", "sister", "cousin", "son",
      "daughter", "partner", "boyfriend", "girlfriend", "husband", "wife", "baby", "twins", "kids", "child",
      "carer", "sw", "hv", "patient", "client", "pupil", "student",
      // How practitioners write a partner, a relative or someone in the home in their own words: "mums new
      // fella kyle", "her bf jaxon", "the lodger tomasz".
      "fella", "bloke", "bf", "gf", "ex", "hubby", "fiance", "fiancé", "fiancee", "stepson", "stepdaughter",
      "niece", "nephew", "neighbour", "lodger");
  /** A possessive before these ("jayden's mum") makes even a lower-case word a name. */
  static final Set<String> RELATIONS = Set.of("mum", "mam", "mom", "dad", "nan", "nana", "brother",
      "sister", "baby", "kids", "children", "partner", "boyfriend", "girlfriend", "phone", "family", "house",
      "school", "behaviour", "attendance", "teacher");
  /** Sentence-initial "Grace told", "Faith is": verbs a person does, unlike "Grace period". */
  static final Set<String> PERSON_VERBS = Set.of("said", "says", "told", "tells", "has", "had", "is",
      "was", "keeps", "kept", "and", "n", "from", "disclosed", "reported", "wants", "wanted", "asked", "came",
      "went", "goes", "rang", "lives", "lived", "got", "gets", "turned", "started", "ran", "looks", "seems",
      "stays", "attends", "moved", "refuses", "refused", "needs", "won't", "doesn't", "didn't", "can't",
      "hasn't", "isn't", "wasn't", "hasnt", "isnt", "wont", "cant");
  /**
   * Verbs of telling, the only ones a lower-case two-word opening must be followed by to be a full
   * name ("jayden smith told me"): "wat storyline is", "strat mtg n s47" are text-speak, not names.
   */
  static final Set<String> SPEECH_VERBS = Set.of("said", "says", "told", "tells", "disclosed",
      "reported", "rang", "asked");
  /** Pronouns and the like, which the dictionary also lists capitalised ("He" for helium). */
  static final Set<String> FUNCTION_WORDS = Set.of("he", "she", "it", "we", "they", "you", "i", "his",
      "her", "him", "them", "their", "our", "who", "what", "that", "there", "here", "where", "when", "how",
      "why", "this", "these", "those", "let", "one", "can", "will", "may", "might", "does", "did", "is", "are",
      "was", "were", "has", "have", "had", "am", "not", "no", "yes", "so", "but", "and", "or", "if", "as");
  static final Set<String> DETERMINERS = Set.of("the", "a", "an", "this", "that", "these", "those",
      "our", "your", "their", "my", "its", "no", "any", "every", "each", "some");
  /** "in Lagos", "through Parliament": after these a capitalised word is a place or body. */
  static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "into", "through", "throughout", "across",
      "near", "around", "outside", "within", "towards", "via");
  private static final Set<String> AND = Set.of("and", "n", "&", "or");
  static final Set<String> BIRTH_CUES = Set.of("b", "dob", "born", "d.o.b");

  private NameCues() {}

  /** "Bill (grandad)", "Daniel Wright (10)": a relation or an age in brackets after the word. */
  static boolean bracketAfter(String text, Token t) {
    return BRACKETED_AGE_OR_RELATION.matcher(text).region(t.end(), text.length()).lookingAt();
  }

  static boolean ageAfter(String text, Token t) {
    return BRACKETED_AGE.matcher(text).region(t.end(), text.length()).lookingAt();
  }

  /** "Clare's Law", "Sarah's Law": laws named after people are guidance, not identifiers. */
  static boolean namesALaw(List<Token> tokens, int i) {
    return tokens.get(i).possessive() && i + 1 < tokens.size() && tokens.get(i + 1).core().equals("Law");
  }

  static boolean afterCue(String text, List<Token> tokens, int i) {
    if (i == 0) {
      return false;
    }
    Token previous = tokens.get(i - 1);
    if (!CUE_GAP.matcher(text.substring(previous.end(), tokens.get(i).start())).matches()) {
      return false;
    }
    String cue = previous.lower();
    return NAME_CUES.contains(cue) || afterNameIs(tokens, i) || cue.equals("name's")
        || previous.core().equalsIgnoreCase("name");
  }

  /** "name is peter", "name's will": the one cue that says outright that the next word is a name. */
  static boolean afterNameIs(List<Token> tokens, int i) {
    if (i == 0) {
      return false;
    }
    Token previous = tokens.get(i - 1);
    return previous.lower().equals("name") && previous.possessive() // "name's", its "'s" read as a possessive
        || previous.lower().equals("is") && i > 1 && tokens.get(i - 2).lower().equals("name");
  }

  /** Family words a given name that is also a word is read before ("lily's mum", "grace's mother"). */
  static final Set<String> FAMILY = Set.of("mum", "mam", "mom", "mummy", "mother", "dad", "daddy", "father", "nan",
      "nana", "nanna", "gran", "granny", "grandma", "grandad", "stepdad", "stepmum", "stepfather", "stepmother",
      "brother", "sister", "aunt", "auntie", "aunty", "uncle", "cousin", "partner", "boyfriend", "girlfriend");
  /**
   * People named by what they are, which the dictionary also lists capitalised ("Man" for the island, "Head",
   * "Doctor"): "the other man's partner" and "the doctor's partner" name nobody.
   */
  static final Set<String> PERSON_NOUNS = Set.of("man", "men", "male", "female", "guy", "lad", "lass", "boy", "girl",
      "woman", "lady", "doctor", "head", "nurse", "officer", "worker", "friend", "mate", "stranger", "person",
      "neighbour", "bishop", "vicar", "priest", "judge", "king", "queen", "prince", "princess", "master", "boss");
  /** Possessive pronouns before a possessive, which make it someone described, not a name: "her sister's". */
  private static final Set<String> DESCRIBED_BY = Set.of("his", "her");

  /**
   * "lily's mum", "grace's dad", "mark's nan": in lower case, a given name that is also an English word
   * (the dictionary lists it capitalised too: "Lily", "Grace", "Mark") right before "'s" and a family word,
   * with no determiner or possessive pronoun before it ("the baby's dad", "her sister's boyfriend" are not
   * names), nothing between ("when mummy's cross', mum is…" is not) and not a word for a person ("the other
   * man's partner"). Girls' names that are flowers, gems and virtues (Lily, Ruby, Amber, Hope) were left in
   * the stored questions.
   */
  static boolean wordNameBeforeFamily(String text, List<Token> tokens, int i, Lexicon lexicon) {
    Token t = tokens.get(i);
    Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
    String word = text.substring(t.start(), t.end());
    boolean apostropheS = word.endsWith("'s") || word.endsWith("\u2019s"); // not the plural "sisters'"
    return apostropheS && next != null && FAMILY.contains(next.lower()) && NameRuns.adjacent(text, t, next)
        && t.core().length() > 2
        && lexicon.isProperNoun(t.core()) && !lexicon.isNeverAName(t.core()) && !lexicon.isGroupOfPeople(t.core())
        && !FUNCTION_WORDS.contains(t.lower()) && !NAME_CUES.contains(t.lower()) && !RELATIONS.contains(t.lower())
        && !PERSON_NOUNS.contains(t.lower()) && !after(tokens, i, DETERMINERS) && !after(tokens, i, DESCRIBED_BY);
  }

  static boolean after(List<Token> tokens, int i, Set<String> words) {
    return i > 0 && words.contains(tokens.get(i - 1).lower());
  }

  static boolean joinedToName(List<Token> tokens, boolean[] name, int i) {
    boolean before = i >= 2 && name[i - 2] && AND.contains(tokens.get(i - 1).lower());
    boolean after = i + 2 < tokens.size() && name[i + 2] && AND.contains(tokens.get(i + 1).lower());
    return before || after;
  }
}
