package uk.safeguarding.guidance.search;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A query built by {@link QueryFactory} written in Solr's JSON Query DSL, clause for clause, so Solr
 * scores it as the embedded index does: terms go as they are (the {@code term} parser does no
 * analysis, and the server analysed them already), phrases as their terms with {@code _gap_} where a
 * stop word left a gap (the collection's query analyzer turns it back into a position gap), boosts
 * as constant multipliers. Only the shapes QueryFactory builds are known; anything else is a bug, and
 * says so. Stateless.
 */
final class SolrQueries {

  /** The word the configset's query analyzer drops, leaving a position gap (solr/conf/gap.txt). */
  static final String GAP = "_gap_";

  private SolrQueries() {}

  static JsonElement toJson(Query query) {
    if (query instanceof BooleanQuery bool) {
      return bool(bool);
    }
    if (query instanceof BoostQuery boost) {
      JsonObject inner = new JsonObject();
      inner.add("query", toJson(boost.getQuery()));
      inner.addProperty("b", Float.toString(boost.getBoost()));
      return wrap("boost", inner);
    }
    if (query instanceof ConstantScoreQuery constant && constant.getQuery() instanceof TermQuery term) {
      // Solr's "^=" gives a clause a constant score, as ConstantScoreQuery does (1 before any boost).
      return wrap("lucene", local(term.getTerm().field() + ":" + escape(term.getTerm().text()) + "^=1"));
    }
    if (query instanceof TermQuery term) {
      JsonObject p = local(term.getTerm().text());
      p.addProperty("f", term.getTerm().field());
      return wrap("term", p);
    }
    if (query instanceof PhraseQuery phrase && phrase.getSlop() == 0) {
      return wrap("lucene", local(phrase.getField() + ":\"" + phraseText(phrase) + "\""));
    }
    throw new IllegalArgumentException("Cannot write " + query.getClass().getSimpleName() + " for Solr: " + query);
  }

  private static JsonElement bool(BooleanQuery bool) {
    JsonObject clauses = new JsonObject();
    for (BooleanClause c : bool.clauses()) {
      String occur = switch (c.getOccur()) {
        case MUST -> "must";
        case SHOULD -> "should";
        case FILTER -> "filter";
        case MUST_NOT -> "must_not";
      };
      if (!clauses.has(occur)) {
        clauses.add(occur, new JsonArray());
      }
      clauses.getAsJsonArray(occur).add(toJson(c.getQuery()));
    }
    if (bool.getMinimumNumberShouldMatch() > 0) {
      clauses.addProperty("mm", Integer.toString(bool.getMinimumNumberShouldMatch()));
    }
    return wrap("bool", clauses);
  }

  /** The phrase's terms in order, {@value #GAP} at each position no term holds. */
  static String phraseText(PhraseQuery phrase) {
    Term[] terms = phrase.getTerms();
    int[] positions = phrase.getPositions();
    StringBuilder out = new StringBuilder();
    int expected = positions.length == 0 ? 0 : positions[0];
    for (int i = 0; i < terms.length; i++) {
      for (; expected < positions[i]; expected++) {
        out.append(GAP).append(' ');
      }
      out.append(escapeInPhrase(terms[i].text())).append(' ');
      expected = positions[i] + 1;
    }
    return out.toString().strip();
  }

  private static JsonObject local(String value) {
    JsonObject o = new JsonObject();
    o.add("query", new JsonPrimitive(value));
    return o;
  }

  private static JsonObject wrap(String parser, JsonObject params) {
    JsonObject o = new JsonObject();
    o.add(parser, params);
    return o;
  }

  /** A term as one token of Solr's standard query syntax. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (char ch : text.toCharArray()) {
      if ("\\+-!():^[]\"{}~*?|&/ ".indexOf(ch) >= 0) {
        out.append('\\');
      }
      out.append(ch);
    }
    return out.toString();
  }

  private static String escapeInPhrase(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
