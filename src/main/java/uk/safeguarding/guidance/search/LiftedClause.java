package uk.safeguarding.guidance.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdStream;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.FilterScorable;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;

/**
 * A query's one optional constant-score term clause (the lift for what-to-do passages,
 * {@link QueryFactory#ACTION_BOOST}) taken out of the query and added to each hit's score as the hit
 * is collected. The same scores to the bit, the same matches: the clause never decides what matches,
 * only adds its constant where its term is. Why: {@code +words kind:action^0.6} is scored by Lucene
 * one document at a time through a required-plus-optional scorer, while the words alone, a plain
 * disjunction, are scored in bulk windows; on 9,840 SciFact passages the bare Lucene pass ran about
 * 3,000 queries a second with the clause and about 5,400 without it (BENCHMARKS.md §10, ninth session).
 *
 * <p>Lucene sums {@code required + optional} in float ({@code ReqOptSumScorer}), and this adds the
 * same constant to the same required score in float, so every score is identical. A query of any
 * other shape (a phrase besides the words, a follow-up's context) is left as it is. Immutable.
 */
record LiftedClause(Query matching, Term term, float boost) {

  /**
   * The lift of {@code query} when it is {@code +X} and one {@code Boost(ConstantScore(term))} SHOULD
   * clause, with any FILTER clauses and nothing else; empty otherwise.
   */
  static Optional<LiftedClause> of(Query query) {
    if (!(query instanceof BooleanQuery bool) || bool.getMinimumNumberShouldMatch() != 0) {
      return Optional.empty();
    }
    BooleanQuery.Builder rest = new BooleanQuery.Builder();
    int must = 0;
    Term term = null;
    float boost = 0f;
    for (BooleanClause c : bool.clauses()) {
      switch (c.getOccur()) {
        case MUST -> must++;
        case FILTER -> {
        }
        case SHOULD -> {
          if (term != null || !(c.getQuery() instanceof BoostQuery b)
              || !(b.getQuery() instanceof ConstantScoreQuery cs) || !(cs.getQuery() instanceof TermQuery t)) {
            return Optional.empty();
          }
          term = t.getTerm();
          boost = b.getBoost();
          continue;
        }
        default -> {
          return Optional.empty();
        }
      }
      rest.add(c);
    }
    // A lone MUST clause without filters: Lucene rewrites the rest to that clause, with its score.
    // Only a positive, finite constant: innerMinimum's reasoning (and the ranking's) assumes it.
    boolean lifts = must == 1 && term != null && boost > 0f && Float.isFinite(boost);
    return lifts ? Optional.of(new LiftedClause(rest.build(), term, boost)) : Optional.empty();
  }

  /**
   * The smallest score a hit may have before the constant is added and still reach {@code min}
   * after it: the threshold Lucene may skip below. {@code min - boost} alone is not safe: its rounding
   * can land above a score {@code s} whose {@code s + boost} rounds up to {@code min} (with 0.6, for
   * some {@code min} between 0.6 and 1.1), so it steps down while the next float below still reaches
   * {@code min}. Never negative, and never lower for a higher {@code min}.
   */
  static float innerMinimum(float min, float boost) {
    float t = Math.max(0f, min - boost);
    while (t > 0f && Math.nextDown(t) + boost >= min) {
      t = Math.nextDown(t);
    }
    return t;
  }

  /** {@code top} given every hit's score with the clause's constant added where the term is. */
  <C extends Collector, T> CollectorManager<Lifting<C>, T> around(CollectorManager<C, T> top) {
    return new Manager<>(top, this);
  }

  private record Manager<C extends Collector, T>(CollectorManager<C, T> inner, LiftedClause clause)
      implements
        CollectorManager<Lifting<C>, T> {

    @Override
    public Lifting<C> newCollector() throws IOException {
      return new Lifting<>(inner.newCollector(), clause);
    }

    @Override
    public T reduce(Collection<Lifting<C>> collectors) throws IOException {
      List<C> unwrapped = new ArrayList<>(collectors.size());
      collectors.forEach(c -> unwrapped.add(c.inner));
      return inner.reduce(unwrapped);
    }
  }

  /** Adds the constant to the score of each collected document that has the term. */
  static final class Lifting<C extends Collector> implements Collector {

    private final C inner;
    private final LiftedClause clause;

    Lifting(C inner, LiftedClause clause) {
      this.inner = inner;
      this.clause = clause;
    }

    @Override
    public ScoreMode scoreMode() {
      return inner.scoreMode();
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      // Null when no document of this segment has the term. Documents are collected in increasing
      // order within a segment, so one forward walk of the term's postings serves them all.
      PostingsEnum marked = context.reader().postings(clause.term(), PostingsEnum.NONE);
      return new LiftingLeaf(inner.getLeafCollector(context), marked, clause.boost());
    }
  }

  private static final class LiftingLeaf extends FilterLeafCollector {

    private final PostingsEnum marked;
    private final float boost;
    private float lift;

    LiftingLeaf(LeafCollector in, PostingsEnum marked, float boost) {
      super(in);
      this.marked = marked;
      this.boost = boost;
    }

    @Override
    public void setScorer(Scorable scorer) throws IOException {
      in.setScorer(new FilterScorable(scorer) {

        @Override
        public float score() throws IOException {
          return lift == 0f ? in.score() : in.score() + lift;
        }

        /** A hit below {@code min} by less than the constant may still reach it. */
        @Override
        public void setMinCompetitiveScore(float min) throws IOException {
          in.setMinCompetitiveScore(innerMinimum(min, boost));
        }
      });
    }

    /** One hit at a time, in order, so each gets its lift (a bulk scorer may hand over a window at once). */
    @Override
    public void collect(DocIdStream stream) throws IOException {
      stream.forEach(this::collect);
    }

    @Override
    public void collect(int doc) throws IOException {
      lift = has(doc) ? boost : 0f;
      in.collect(doc);
    }

    private boolean has(int doc) throws IOException {
      if (marked == null) {
        return false;
      }
      if (marked.docID() < doc) {
        marked.advance(doc);
      }
      return marked.docID() == doc; // a collected doc is never NO_MORE_DOCS
    }
  }
}
