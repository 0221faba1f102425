package uk.safeguarding.guidance.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a text into the words {@link NameDetector} weighs ({@link Token}). Stateless. */
final class Tokens {

  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’-]*");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\[[a-z ]+\\]");
  private static final Pattern POSSESSIVE = Pattern.compile("(?:['’]s|['’])$");
  private static final String SENTENCE_END = ".!?:;\n";
  private static final String OPENERS = "\"'‘“(*[";

  private Tokens() {}

  /** The words of {@code text}, skipping placeholders a masking already wrote ("[name]"). */
  static List<Token> of(String text) {
    List<int[]> placeholders = new ArrayList<>();
    Matcher p = PLACEHOLDER.matcher(text);
    while (p.find()) {
      placeholders.add(new int[] {p.start(), p.end()});
    }
    List<Token> tokens = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      if (insideAny(placeholders, m.start())) {
        continue;
      }
      String word = m.group().replaceAll("[-'’]+$", "");
      String core = POSSESSIVE.matcher(word).replaceFirst("");
      if (core.isEmpty()) {
        continue;
      }
      boolean possessive = core.length() < m.group().replaceAll("-+$", "").length();
      tokens.add(new Token(m.start(), m.start() + m.group().length(), core, possessive,
          sentenceInitial(text, m.start())));
    }
    return tokens;
  }

  private static boolean insideAny(List<int[]> spans, int position) {
    return spans.stream().anyMatch(s -> position > s[0] && position < s[1]);
  }

  private static boolean sentenceInitial(String text, int start) {
    int i = start - 1;
    while (i >= 0 && (Character.isWhitespace(text.charAt(i)) || OPENERS.indexOf(text.charAt(i)) >= 0)) {
      i--;
    }
    boolean dashClause = i >= 1 && text.charAt(i) == '-' && Character.isWhitespace(text.charAt(i - 1));
    return i < 0 || SENTENCE_END.indexOf(text.charAt(i)) >= 0 || dashClause;
  }

  /** A text of at least this many words may be written in Title Case ({@link #titleCase}). */
  static final int TITLE_CASE_MIN_WORDS = 4;
  /** …when at least this share of its words of two letters or more start with a capital. */
  static final double TITLE_CASE_SHARE = 0.8;

  /**
   * Whether the text capitalises nearly every word ("Mum Sarah Jones Has A New Partner", as some phones
   * and headings write): then a capital says nothing of a name, and a dictionary word beside a name is
   * not taken as its surname.
   */
  static boolean titleCase(List<Token> tokens) {
    List<Token> words = tokens.stream().filter(t -> t.core().length() >= 2 && !t.acronym()).toList();
    long capitals = words.stream().filter(Token::capitalised).count();
    return words.size() >= TITLE_CASE_MIN_WORDS && capitals >= TITLE_CASE_SHARE * words.size();
  }
}
