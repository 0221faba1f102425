package uk.safeguarding.guidance.curate;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.safeguarding.guidance.corpus.CorpusReader;
import uk.safeguarding.guidance.index.Analysis;
import uk.safeguarding.guidance.ops.TrainerLines;

/**
 * The corpus folder's text files trainers edit: the synonyms (read by the analyser), the glossary
 * (read by the answer step) and the labelled examples the safety screen and the answer step learn
 * from ({@link TrainerLines}). Finds them by name and checks a new text parses before it is saved.
 * Stateless, thread-safe.
 */
final class LibraryTextFiles {

  /** The names trainers edit them under, and their files. */
  private static final Map<String, String> FILES = Map.of("synonyms", CorpusReader.SYNONYMS_FILE, "glossary",
      CorpusReader.GLOSSARY_FILE, "urgency-examples", TrainerLines.URGENCY.file(), "answer-examples",
      TrainerLines.ANSWERS.file());
  static final Set<String> NAMES = FILES.keySet();
  /** Far more than any real list; stops a paste of a whole document. */
  static final int MAX_TEXT_FILE_CHARS = 900_000;

  private final Path corpusDir;

  LibraryTextFiles(Path corpusDir) {
    this.corpusDir = corpusDir;
  }

  /** @throws Rejected NOT_FOUND for any other name */
  Path path(String name) {
    if (!NAMES.contains(name)) {
      throw new Rejected(Rejected.Kind.NOT_FOUND, "name", name, "No library file '" + name
          + "': there are 'synonyms', 'glossary', 'urgency-examples' and 'answer-examples'.");
    }
    return corpusDir.resolve(FILES.get(name));
  }

  /**
   * {@code text} with Windows line ends made Unix ones, once it is known to parse.
   *
   * @throws Rejected naming 'text' when it is missing, too long, or does not parse
   */
  static String checked(String name, String text) {
    if (text == null) {
      throw Rejected.bad("text", null, "The parameter 'text' is required.");
    }
    if (text.length() > MAX_TEXT_FILE_CHARS || text.indexOf('\0') >= 0) {
      throw Rejected.bad("text", null, "The parameter 'text' must be at most " + MAX_TEXT_FILE_CHARS
          + " characters of text without NUL characters.");
    }
    String normalised = text.replace("\r\n", "\n");
    if (name.equals("synonyms")) {
      checkSynonymLines(normalised);
      String problem = Analysis.withSynonyms(normalised).synonymsProblem();
      if (!problem.isEmpty()) {
        throw Rejected.bad("text", null, "The synonyms do not parse: " + problem);
      }
    } else if (name.equals("glossary")) {
      checkGlossary(normalised);
    } else {
      List<String> skipped = TrainerLines
          .read(normalised, name.equals("answer-examples") ? TrainerLines.ANSWERS : TrainerLines.URGENCY).skipped();
      if (!skipped.isEmpty()) {
        throw Rejected.bad("text", null, "The examples do not parse: " + skipped.get(0) + ".");
      }
    }
    return normalised;
  }

  /** The entries in a checked text: lines neither blank nor comments. */
  static long entries(String text) {
    return text.lines().filter(l -> !l.isBlank() && !l.strip().startsWith("#")).count();
  }

  /**
   * Words or phrases one synonym rule may join: the shipped rules have at most 10. Every query word a rule
   * matches is searched as all of its alternatives, so one rule of 2,000 (an outsider's probe) made a
   * search of a word repeated 80 times run the heap out.
   */
  static final int MAX_TERMS_PER_RULE = 32;

  /**
   * Each rule says something: "a, b" (the same meaning) or "a => b" (a means b), with words on both sides
   * of "=>"; a lone word ("x") or an empty side ("=> dog") changes no search and is a slip; and none joins more
   * than {@link #MAX_TERMS_PER_RULE}.
   */
  private static void checkSynonymLines(String text) {
    int n = 0;
    for (String line : text.lines().toList()) {
      n++;
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      int arrow = l.indexOf("=>");
      boolean saysSomething = arrow >= 0
          ? !l.substring(0, arrow).replace(",", "").isBlank() && !l.substring(arrow + 2).replace(",", "").isBlank()
          : l.contains(",") && java.util.Arrays.stream(l.split(",")).filter(t -> !t.isBlank()).count() >= 2;
      if (!saysSomething) {
        throw Rejected.bad("text", l, "Line " + n + " of the synonyms does not make a rule: '" + l + "'. Write "
            + "'a, b' for words with the same meaning, or 'a => b' for a word to search as another.");
      }
      long terms = java.util.Arrays.stream(l.split(",|=>")).filter(t -> !t.isBlank()).count();
      if (terms > MAX_TERMS_PER_RULE) {
        throw Rejected.bad("text", l.substring(0, Math.min(l.length(), 80)), "Line " + n + " of the synonyms has "
            + terms + " words or phrases; a rule may have at most " + MAX_TERMS_PER_RULE + ". Split it into rules "
            + "of words that truly mean the same.");
      }
    }
  }

  /**
   * Each entry reads "TERM: what it stands for", and each term is defined once (in any case): a second
   * definition would answer "what does CSE stand for?" with whichever line won, beside a citation that
   * spells out the other.
   */
  private static void checkGlossary(String text) {
    int n = 0;
    java.util.Map<String, Integer> defined = new java.util.HashMap<>();
    for (String line : text.lines().toList()) {
      n++;
      String l = line.strip();
      int colon = l.indexOf(':');
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      if (colon < 1 || colon == l.length() - 1) {
        throw Rejected.bad("text", l, "Line " + n + " of the glossary must read 'TERM: what it stands for'.");
      }
      String term = l.substring(0, colon).strip();
      Integer first = defined.putIfAbsent(term.toLowerCase(java.util.Locale.ROOT), n);
      if (first != null) {
        throw Rejected.bad("text", l, "Line " + n + " of the glossary defines '" + term + "' again (first on line "
            + first + "); keep one definition.");
      }
    }
  }
}
