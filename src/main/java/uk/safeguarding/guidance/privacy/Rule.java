package uk.safeguarding.guidance.privacy;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * One pattern of an identifier and what replaces each match (the match itself to keep it), and a cheap
 * test every text the pattern can match passes ({@code needs}: a digit, an "@", a school word), so
 * most questions skip most patterns: two dozen regular expressions over every question were a fifth
 * of an answer's time in a profile. {@code needs} must never be false for a text the pattern matches.
 */
record Rule(Pattern pattern, Function<MatchResult, String> replacement, Predicate<String> needs) {

  Rule {
    if (pattern == null || replacement == null || needs == null) {
      throw new IllegalArgumentException("The parameters 'pattern', 'replacement' and 'needs' must not be null.");
    }
  }

  Rule(Pattern pattern, Function<MatchResult, String> replacement) {
    this(pattern, replacement, text -> true);
  }

  static Rule replace(String regex, String placeholder) {
    return new Rule(Pattern.compile(regex), m -> placeholder);
  }

  /** This rule, tried only on texts that pass {@code test} (which every match must pass). */
  Rule needs(Predicate<String> test) {
    return new Rule(pattern, replacement, test);
  }

  String apply(String text) {
    if (!needs.test(text)) {
      return text;
    }
    return pattern.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(replacement.apply(m)));
  }
}
