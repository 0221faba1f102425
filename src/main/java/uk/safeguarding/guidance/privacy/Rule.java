package uk.safeguarding.guidance.privacy;

import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** One pattern of an identifier and what replaces each match (the match itself to keep it). */
record Rule(Pattern pattern, Function<MatchResult, String> replacement) {

  Rule {
    if (pattern == null || replacement == null) {
      throw new IllegalArgumentException("The parameters 'pattern' and 'replacement' must not be null.");
    }
  }

  static Rule replace(String regex, String placeholder) {
    return new Rule(Pattern.compile(regex), m -> placeholder);
  }

  String apply(String text) {
    return pattern.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(replacement.apply(m)));
  }
}
