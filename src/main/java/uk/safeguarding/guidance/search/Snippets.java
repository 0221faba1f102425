package uk.safeguarding.guidance.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import uk.safeguarding.guidance.index.Fields;
import uk.safeguarding.guidance.ops.Html;

/**
 * Marks the words of a passage that matched the query. Output is HTML-escaped text in which only
 * {@code <mark>} and {@code </mark>} are markup, so a client can render it without trusting it.
 */
public final class Snippets {

  private static final int CONTEXT_BEFORE = 60;

  private Snippets() {}

  /** The analysed terms a query searches in the text fields. */
  public static Set<String> terms(Query query) {
    Set<Term> terms = new HashSet<>();
    query.visit(QueryVisitor.termCollector(terms));
    Set<String> out = new HashSet<>();
    for (Term t : terms) {
      if (t.field().equals(Fields.BODY) || t.field().equals(Fields.SECTION) || t.field().equals(Fields.TITLE)) {
        out.add(t.text());
      }
    }
    return out;
  }

  /** Character ranges [start, end) of the words in {@code text} whose analysed form is in {@code terms}. */
  public static List<int[]> matches(String text, Set<String> terms, Analyzer analyzer) {
    List<int[]> out = new ArrayList<>();
    if (terms.isEmpty()) {
      return out;
    }
    try (TokenStream ts = analyzer.tokenStream(Fields.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (terms.contains(term.toString())) {
          out.add(new int[] {offset.startOffset(), offset.endOffset()});
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot analyse a passage for highlighting", e);
    }
    return out;
  }

  /**
   * The window of about {@code window} characters with the most matches, escaped and marked.
   * With {@code window} at or above the text length, the whole text is marked.
   */
  public static String snippet(String text, List<int[]> matches, int window) {
    int start = 0;
    int end = text.length();
    if (text.length() > window) {
      int best = -1;
      for (int[] m : matches) {
        int from = Math.max(0, m[0] - CONTEXT_BEFORE);
        int count = 0;
        // A plain loop: this runs for every pair of matches; a stream per match was 5 % of a request (JFR).
        for (int[] o : matches) {
          count += o[0] >= from && o[1] <= from + window ? 1 : 0;
        }
        if (count > best) {
          best = count;
          start = from;
        }
      }
      start = wordStart(text, start);
      end = Math.min(text.length(), start + window);
      end = wordEnd(text, end);
    }
    StringBuilder out = new StringBuilder();
    if (start > 0) {
      out.append("… ");
    }
    int pos = start;
    for (int[] m : matches) {
      if (m[0] < pos || m[1] > end) {
        continue;
      }
      out.append(escape(text.substring(pos, m[0]))).append("<mark>")
          .append(escape(text.substring(m[0], m[1]))).append("</mark>");
      pos = m[1];
    }
    out.append(escape(text.substring(pos, end)));
    if (end < text.length()) {
      out.append(" …");
    }
    return out.toString();
  }

  private static int wordStart(String text, int i) {
    if (i == 0) {
      return 0;
    }
    int space = text.indexOf(' ', i);
    return space < 0 || space - i > 20 ? i : space + 1;
  }

  private static int wordEnd(String text, int i) {
    if (i >= text.length()) {
      return text.length();
    }
    int space = text.lastIndexOf(' ', i);
    return space <= 0 || i - space > 20 ? i : space;
  }

  /** HTML-escaped text (the one escaper, {@link Html#escape}). */
  public static String escape(String s) {
    return Html.escape(s);
  }

}
