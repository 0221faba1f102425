package uk.safeguarding.guidance.search;

import java.io.IOException;
import java.util.BitSet;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import uk.safeguarding.guidance.index.Fields;

/**
 * The words' ranking: the best {@code depth} passages by score (ties by passage id, so rankings are
 * deterministic), the exact count, and what totals and facets need of every match (the set of them,
 * or each document's count), in one collection pass or, on a large library, two. The action clause
 * of a question's query is not run by Lucene but added as the hits are collected ({@link LiftedClause}):
 * the same scores, with Lucene's pass nearly twice as fast (BENCHMARKS §10). Stateless; thread-safe.
 */
final class LexicalPass {

  /** Score, then passage id: deterministic order for equal scores. */
  static final Sort ORDER = new Sort(SortField.FIELD_SCORE, new SortField(Fields.ID, SortField.Type.STRING));

  private LexicalPass() {}

  /**
   * Ranked hits, best first, each {@link ScoreDoc#score} set, and the exact count of matches in
   * {@code totalHits}; {@code everyMatch}, when not null, is also shown every match (the same pass).
   * {@code idOrdered}: document numbers follow passage ids, so ranking by score alone (Lucene breaks
   * ties by document number) gives the same order as {@link #ORDER} without reading any ids.
   */
  static TopDocs run(IndexSearcher searcher, Query query, int depth, CollectorManager<?, ?> everyMatch,
      boolean idOrdered) throws IOException {
    Optional<LiftedClause> lift = LiftedClause.of(query);
    Query matching = lift.map(LiftedClause::matching).orElse(query);
    if (idOrdered) {
      return collect(searcher, matching, lifted(lift, new TopScoreDocCollectorManager(Math.max(1, depth), null,
          Integer.MAX_VALUE, false)), everyMatch);
    }
    // Every match is visited anyway (for the exact total), so hit counting costs nothing extra.
    TopDocs docs = collect(searcher, matching,
        lifted(lift, new TopFieldCollectorManager(ORDER, Math.max(1, depth), null, Integer.MAX_VALUE, false)),
        everyMatch);
    for (ScoreDoc d : docs.scoreDocs) {
      // The score is the first sort value: no second scoring pass over the top hits is needed.
      d.score = (Float) ((FieldDoc) d).fields[0];
    }
    return docs;
  }

  /**
   * Whether {@link #topThenCount} beats {@link #run} on this index: in one pass every match is
   * scored (the exact count and the facets need every match, so Lucene cannot skip); in two, the top
   * hits come with Lucene's skipping and every match is then only counted, not scored, at the price
   * of a second walk over the postings and weights built twice. Measured (BENCHMARKS.md §10,
   * {@code Bench --in-process}): two passes are faster at 196,800 passages, slower at 9,840. Needs
   * document numbers in passage id order, so skipping's ties by document number are ties by id.
   */
  static boolean twoPassesPay(int passages, boolean idOrdered) {
    return idOrdered && passages >= TWO_PASSES_FROM;
  }

  /** Passages from which {@link #twoPassesPay}: between the two library sizes measured, nearer the small one. */
  static final int TWO_PASSES_FROM = 50_000;

  /**
   * The two-pass form of {@link #run}, for an index whose document numbers follow passage ids: the
   * best {@code depth} by score (ties by document number) with Lucene's skipping, exactly the top
   * that one pass ranks; then every match shown to {@code everyMatch} (or only counted when null)
   * without scores. Returns the top hits with {@code totalHits} set to the exact count of matches.
   */
  static TopDocs topThenCount(IndexSearcher searcher, Query query, int depth, CollectorManager<?, int[]> everyMatch)
      throws IOException {
    Optional<LiftedClause> lift = LiftedClause.of(query);
    Query rewritten = searcher.rewrite(lift.map(LiftedClause::matching).orElse(query)); // once for both passes
    // A hits threshold of depth: skipping starts as soon as the queue is full (the count comes next).
    TopDocs top = searcher.search(rewritten,
        lifted(lift, new TopScoreDocCollectorManager(Math.max(1, depth), null, Math.max(1, depth), false)));
    long matches = everyMatch == null ? searcher.count(rewritten) : sum(searcher.search(rewritten, everyMatch));
    return new TopDocs(new TotalHits(matches, TotalHits.Relation.EQUAL_TO), top.scoreDocs);
  }

  /** {@code top}, with the lifted clause's constant added to its scores when there is one. */
  private static <C extends Collector, T> CollectorManager<? extends Collector, T> lifted(Optional<LiftedClause> lift,
      CollectorManager<C, T> top) {
    return lift.isPresent() ? lift.get().around(top) : top;
  }

  private static long sum(int[] counts) {
    long n = 0;
    for (int c : counts) {
      n += c;
    }
    return n;
  }

  /** Every match into {@code bits} (index-wide document numbers). */
  static CollectorManager<?, ?> matchSet(BitSet bits) {
    return new MatchSetManager(bits);
  }

  /**
   * Every match counted against its document: {@code counts[documentOrdinal.applyAsInt(doc)]++},
   * all a search needs for its facets and document total when nothing joins the words' matches.
   */
  static CollectorManager<?, int[]> perDocument(IntUnaryOperator documentOrdinal, int[] counts) {
    return new PerDocumentManager(documentOrdinal, counts);
  }

  /** The top hits, and every match shown to {@code everyMatch} when given, in one pass over the matches. */
  private static TopDocs collect(IndexSearcher searcher, Query query,
      CollectorManager<? extends Collector, ? extends TopDocs> top, CollectorManager<?, ?> everyMatch)
      throws IOException {
    if (everyMatch == null) {
      return searcher.search(query, top);
    }
    Object[] both = searcher.search(query, new MultiCollectorManager(top, everyMatch));
    return (TopDocs) both[0];
  }

  /**
   * One {@link MatchSet} per slice, all setting bits of the one set: the library's searcher has no
   * executor, so slices are searched one after another and never write the set at once.
   */
  private record MatchSetManager(BitSet bits) implements CollectorManager<MatchSet, Void> {

    @Override
    public MatchSet newCollector() {
      return new MatchSet(bits);
    }

    @Override
    public Void reduce(java.util.Collection<MatchSet> collectors) {
      return null;
    }
  }

  /** Sets the bit of every matching document (index-wide ids). */
  private static final class MatchSet extends SimpleCollector {

    private final BitSet bits;
    private int base;

    MatchSet(BitSet bits) {
      this.bits = bits;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) {
      base = context.docBase;
    }

    @Override
    public void collect(int doc) {
      bits.set(base + doc);
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }

  /** As {@link MatchSetManager}: one collector per slice, slices searched one after another. */
  private record PerDocumentManager(IntUnaryOperator documentOrdinal, int[] counts)
      implements
        CollectorManager<PerDocument, int[]> {

    @Override
    public PerDocument newCollector() {
      return new PerDocument(documentOrdinal, counts);
    }

    /** The one array every slice counted into. */
    @Override
    public int[] reduce(java.util.Collection<PerDocument> collectors) {
      return counts;
    }
  }

  /** Counts each match against its document's ordinal. */
  private static final class PerDocument extends SimpleCollector {

    private final IntUnaryOperator documentOrdinal;
    private final int[] counts;
    private int base;

    PerDocument(IntUnaryOperator documentOrdinal, int[] counts) {
      this.documentOrdinal = documentOrdinal;
      this.counts = counts;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) {
      base = context.docBase;
    }

    @Override
    public void collect(int doc) {
      counts[documentOrdinal.applyAsInt(base + doc)]++;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
