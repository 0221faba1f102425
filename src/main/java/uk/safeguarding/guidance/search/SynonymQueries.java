package uk.safeguarding.guidance.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.util.graph.GraphTokenStreamFiniteStrings;
import uk.safeguarding.guidance.index.Analysis;

/**
 * The words of a question as a query with the trainers' synonyms. The question is expanded into a
 * graph of alternatives before stop words and stemming ({@link Analysis#expansion}); each stretch of
 * it becomes a choice between its alternatives, and every alternative — the words as typed among
 * them — is analysed on its own by the index's chain. A rule whose words include stop words ("dna,
 * did not attend, was not brought") then adds what it should, and no rule can make a question find
 * less than it finds without it: Lucene's own graph queries drop such a path whole. Stateless.
 */
final class SynonymQueries {

  /** Alternatives kept for one stretch of a question: a rule with more entries than this is cut short. */
  static final int MAX_ALTERNATIVES = 24;

  private SynonymQueries() {}

  /** Any of the question's words (or their synonyms) in {@code field}; null when nothing is left to find. */
  static Query anyWords(String field, String text, Analysis analysis) {
    if (!hasTokens(field, text, analysis)) {
      return null; // punctuation alone ("*", "~"): an empty graph has no stretches to walk
    }
    QueryBuilder plain = new QueryBuilder(analysis.index());
    try (TokenStream stream = analysis.expansion().tokenStream(field, text)) {
      GraphTokenStreamFiniteStrings graph = new GraphTokenStreamFiniteStrings(stream);
      int[] articulation = graph.articulationPoints();
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      int clauses = 0;
      int start = 0;
      for (int i = 0; i <= articulation.length; i++) {
        int end = i < articulation.length ? articulation[i] : -1;
        Query stretch = stretch(field, graph, start, end, plain);
        if (stretch != null) {
          all.add(stretch, Occur.SHOULD);
          clauses++;
        }
        start = end;
      }
      return clauses == 0 ? null : all.build();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot analyse the question", e);
    }
  }

  /**
   * The words as a phrase, or any of the phrases the trainers' synonyms make of them (each whole
   * path through the expansion, analysed by the index's chain); null when nothing is left to find.
   */
  static Query phrase(String field, String text, Analysis analysis) {
    if (!hasTokens(field, text, analysis)) {
      return null;
    }
    QueryBuilder plain = new QueryBuilder(analysis.index());
    try (TokenStream stream = analysis.expansion().tokenStream(field, text)) {
      Iterator<TokenStream> paths = new GraphTokenStreamFiniteStrings(stream).getFiniteStrings();
      Map<String, Query> distinct = new LinkedHashMap<>();
      while (paths.hasNext() && distinct.size() < MAX_ALTERNATIVES) {
        Query q = plain.createPhraseQuery(field, text(paths.next()));
        if (q != null) {
          distinct.putIfAbsent(q.toString(), q);
        }
      }
      return anyOf(distinct);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot analyse the question", e);
    }
  }

  /** One stretch of the question: its alternatives, each analysed as a phrase of the index's terms. */
  private static Query stretch(String field, GraphTokenStreamFiniteStrings graph, int start, int end,
      QueryBuilder plain) throws IOException {
    List<String> alternatives = new ArrayList<>();
    if (graph.hasSidePath(start)) {
      Iterator<TokenStream> paths = graph.getFiniteStrings(start, end);
      while (paths.hasNext()) {
        alternatives.add(text(paths.next()));
      }
    } else {
      for (Term t : graph.getTerms(field, start)) {
        alternatives.add(t.text());
      }
    }
    Map<String, Query> distinct = new LinkedHashMap<>();
    for (String alternative : alternatives) {
      if (distinct.size() == MAX_ALTERNATIVES) {
        break;
      }
      // Stop words leave gaps the index also has, so "was not brought" matches where the text says it.
      Query q = alternative.contains(" ") ? plain.createPhraseQuery(field, alternative)
          : plain.createBooleanQuery(field, alternative);
      if (q != null) {
        distinct.putIfAbsent(q.toString(), q);
      }
    }
    return anyOf(distinct);
  }

  /** Null for none, the query itself for one, else any of them. */
  private static Query anyOf(Map<String, Query> distinct) {
    if (distinct.isEmpty()) {
      return null;
    }
    if (distinct.size() == 1) {
      return distinct.values().iterator().next();
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    distinct.values().forEach(q -> any.add(q, Occur.SHOULD));
    return any.build();
  }

  private static boolean hasTokens(String field, String text, Analysis analysis) {
    try (TokenStream stream = analysis.expansion().tokenStream(field, text)) {
      stream.reset();
      boolean any = stream.incrementToken();
      while (stream.incrementToken()) {
        // consume the rest: the stream must be read to its end before it is closed
      }
      stream.end();
      return any;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot analyse the question", e);
    }
  }

  private static String text(TokenStream path) throws IOException {
    CharTermAttribute term = path.addAttribute(CharTermAttribute.class);
    StringBuilder out = new StringBuilder();
    path.reset();
    while (path.incrementToken()) {
      out.append(out.length() == 0 ? "" : " ").append(term);
    }
    path.end();
    path.close();
    return out.toString();
  }
}
