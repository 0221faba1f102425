package uk.safeguarding.guidance.answer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.search.QueryTerms;

/**
 * The passages closest to a question the answer step declined, pointed to rather than quoted as an
 * answer: a decline is sometimes wrong (the library mentions "three houses" once, in an audit's
 * findings, and a question on the tool is declined), and search ranks the passage that answers first for
 * about half of the in-scope questions declined on the writers' train splits, within the top three for
 * two thirds of them. Listing those passages, with the one sentence that shares most of the question's
 * words, lets a practitioner see that for themselves; the answer still says plainly that the library
 * does not answer the question, and the page labels the list as not an answer. Stateless.
 */
final class Closest {

  /** At most this many passages are pointed to, like the few results a search shows first. */
  static final int PASSAGES = 3;
  /**
   * A passage is pointed to only when it carries at least this (IDF-weighted) share of the question's
   * words ({@link QueryTerms#coverage}): half, so a passage sharing only a common word with a question
   * the library does not cover ("renew my passport", "book a holiday") is not offered, while one carrying
   * the question's topic words is ("three houses" of "three houses tool").
   */
  static final double MIN_COVERAGE = 0.5;
  /** A sentence longer than this is cut at a word, so the pointer stays a line or two. */
  static final int EXCERPT_CHARS = 300;

  private Closest() {}

  /**
   * The passages {@link #pick}ed, each with its sentence sharing most of the question's words;
   * {@code sentencesOf} gives a passage's analysed sentences (remembered, {@link PassageFacts}), and
   * {@code highlight} marks the question's terms in the excerpt.
   */
  static List<Answer.Citation> of(List<Scored> scored, QueryTerms terms,
      Function<Passage, List<SentenceFeatures.Quotable>> sentencesOf,
      BiFunction<String, Set<String>, String> highlight) {
    List<Answer.Citation> out = new ArrayList<>();
    for (Scored s : pick(scored)) {
      Passage p = s.hit().passage();
      String excerpt = cut(closestSentence(p.text(), sentencesOf.apply(p), terms));
      out.add(new Answer.Citation(out.size() + 1, p, s.hit().document(), excerpt,
          highlight.apply(excerpt, terms.allTerms())));
    }
    return out;
  }

  /**
   * Up to {@link #PASSAGES} of the scored passages, in their order, one per section of a document, each
   * carrying at least {@link #MIN_COVERAGE} of the question's words.
   */
  static List<Scored> pick(List<Scored> scored) {
    List<Scored> out = new ArrayList<>();
    Set<String> sections = new HashSet<>();
    for (Scored s : scored) {
      Passage p = s.hit().passage();
      if (out.size() < PASSAGES && s.coverage() >= MIN_COVERAGE && sections.add(p.docId() + "\n" + p.section())) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Of the passage's quotable {@code sentences} (in text order), the one carrying most of the
   * question's words; the earliest on a tie, the passage's whole {@code text} when none is quotable.
   */
  static String closestSentence(String text, List<SentenceFeatures.Quotable> sentences, QueryTerms terms) {
    String best = text;
    double bestCoverage = -1;
    for (SentenceFeatures.Quotable q : sentences) {
      double c = terms.coverage(q.terms());
      if (c > bestCoverage) {
        best = q.unit().text();
        bestCoverage = c;
      }
    }
    return best;
  }

  /** The text, or its first {@link #EXCERPT_CHARS} cut at a word and marked as cut. */
  static String cut(String text) {
    if (text.length() <= EXCERPT_CHARS) {
      return text;
    }
    int space = text.lastIndexOf(' ', EXCERPT_CHARS);
    return text.substring(0, space > 0 ? space : EXCERPT_CHARS).strip() + " …";
  }
}
