package uk.safeguarding.guidance.search;

import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The same query over another field. Every text field is analysed by the one chain, so a question
 * makes the same terms, phrases and alternatives in each; analysing it once and copying the query
 * to the other fields gives what analysing it again per field would, at a fraction of the cost.
 * Only the shapes {@link SynonymQueries} builds from that chain are copied (terms, phrases,
 * boolean choices, boosts); anything else is left to the caller to build. Stateless.
 */
final class QueryFields {

  private QueryFields() {}

  /** {@code query} with every term moved to {@code field}; empty for a kind of query not handled here. */
  static Optional<Query> inField(Query query, String field) {
    if (query instanceof TermQuery t) {
      return Optional.of(new TermQuery(new Term(field, t.getTerm().bytes())));
    }
    if (query instanceof PhraseQuery p) {
      PhraseQuery.Builder copy = new PhraseQuery.Builder().setSlop(p.getSlop());
      Term[] terms = p.getTerms();
      int[] positions = p.getPositions();
      for (int i = 0; i < terms.length; i++) {
        copy.add(new Term(field, terms[i].bytes()), positions[i]);
      }
      return Optional.of(copy.build());
    }
    if (query instanceof BoostQuery b) {
      return inField(b.getQuery(), field).map(q -> new BoostQuery(q, b.getBoost()));
    }
    if (query instanceof BooleanQuery b) {
      BooleanQuery.Builder copy =
          new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
      for (BooleanClause c : b.clauses()) {
        Optional<Query> q = inField(c.getQuery(), field);
        if (q.isEmpty()) {
          return Optional.empty();
        }
        copy.add(q.get(), c.getOccur());
      }
      return Optional.of(copy.build());
    }
    return Optional.empty();
  }
}
