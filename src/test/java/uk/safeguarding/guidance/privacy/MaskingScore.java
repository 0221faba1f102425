package uk.safeguarding.guidance.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How well a masker does on labelled questions. Recall: the share of labelled identifiers of
 * which no word is left in the masked text. False masking: the share of ordinary words (words of
 * the question outside every identifier) that the masked text lost. Words are compared by count,
 * so "at" kept elsewhere does not hide a leaked "at" of a spoken email.
 */
record MaskingScore(int identifiers, int masked, int ordinaryWords, int lostWords,
    List<String> leaks, List<String> falseMasks) {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\[[a-z ]+\\]");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  double recall() {
    return identifiers == 0 ? 1.0 : (double) masked / identifiers;
  }

  double falseMasking() {
    return ordinaryWords == 0 ? 0.0 : (double) lostWords / ordinaryWords;
  }

  String summary() {
    return String.format("recall %.3f (%d/%d identifiers), false masking %.3f (%d/%d ordinary words)",
        recall(), masked, identifiers, falseMasking(), lostWords, ordinaryWords);
  }

  static MaskingScore of(List<LabelledQuestion> questions, UnaryOperator<String> masker) {
    int identifiers = 0;
    int masked = 0;
    int ordinary = 0;
    int lost = 0;
    List<String> leaks = new ArrayList<>();
    List<String> falseMasks = new ArrayList<>();
    for (LabelledQuestion question : questions) {
      // The words of the placeholders ("date of birth") are neither leaks nor kept words.
      String output = PLACEHOLDER.matcher(masker.apply(question.q())).replaceAll(" \u0001 ");
      String outside = outsideIdentifiers(question);
      for (String identifier : question.identifiers()) {
        identifiers++;
        if (leaked(identifier, outside, output)) {
          leaks.add(identifier + "  <-  " + output);
        } else {
          masked++;
        }
      }
      for (String word : new java.util.LinkedHashSet<>(words(outside))) {
        int before = count(outside, word);
        int gone = Math.max(0, before - count(output, word));
        ordinary += before;
        lost += gone;
        if (gone > 0) {
          falseMasks.add(word + "  <-  " + output);
        }
      }
    }
    return new MaskingScore(identifiers, masked, ordinary, lost, leaks, falseMasks);
  }

  /** A word of the identifier is left when the output has it more often than the rest of the question. */
  private static boolean leaked(String identifier, String outside, String output) {
    return words(identifier).stream().anyMatch(w -> count(output, w) > count(outside, w));
  }

  /** The question with every occurrence of every identifier cut out. */
  private static String outsideIdentifiers(LabelledQuestion question) {
    String rest = question.q();
    List<String> longestFirst = new ArrayList<>(question.identifiers());
    longestFirst.sort((a, b) -> b.length() - a.length());
    for (String identifier : longestFirst) {
      rest = rest.replace(identifier, " \u0000 ");
    }
    return rest;
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }

  /** Whole-word, case-sensitive occurrences; a repeated word is counted once per occurrence. */
  private static int count(String text, String word) {
    Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])").matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
