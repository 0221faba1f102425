package uk.safeguarding.guidance.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** The action clause taken out of a query and added back as hits are collected: same scores, same matches. */
class LiftedClauseTest {

  private static final Query ACTION =
      new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term("kind", "action"))), 0.6f);

  private static Query words(String... terms) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String t : terms) {
      b.add(new TermQuery(new Term("body", t)), Occur.SHOULD);
    }
    return b.build();
  }

  private static Query withAction(Query words, Query... filters) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(words, Occur.MUST).add(ACTION, Occur.SHOULD);
    for (Query f : filters) {
      b.add(f, Occur.FILTER);
    }
    return b.build();
  }

  @Test
  void lifts_only_one_must_clause_with_one_constant_term_clause_and_filters() {
    Query filter = new TermQuery(new Term("year", "2021"));
    LiftedClause lift = LiftedClause.of(withAction(words("neglect"), filter)).orElseThrow();
    assertEquals(new Term("kind", "action"), lift.term());
    assertEquals(0.6f, lift.boost());
    assertEquals("+(body:neglect) #year:2021", lift.matching().toString());

    // A phrase besides the words: the words are an optional clause summed with the action clause.
    Query phrase = new BooleanQuery.Builder().add(new PhraseQuery("body", "not", "brought"), Occur.MUST)
        .add(words("neglect"), Occur.SHOULD).add(ACTION, Occur.SHOULD).build();
    assertFalse(LiftedClause.of(phrase).isPresent());
    // A follow-up's context: its optional clause is a whole query, not a constant term.
    Query context = new BooleanQuery.Builder().add(withAction(words("neglect")), Occur.MUST)
        .add(new BoostQuery(words("housing"), 0.35f), Occur.SHOULD).build();
    assertFalse(LiftedClause.of(context).isPresent());
    assertFalse(LiftedClause.of(words("neglect")).isPresent());
    assertFalse(LiftedClause.of(new BooleanQuery.Builder().add(words("a"), Occur.MUST)
        .add(words("b"), Occur.MUST).add(ACTION, Occur.SHOULD).build()).isPresent());
    assertFalse(LiftedClause.of(new BooleanQuery.Builder().add(words("a"), Occur.MUST).add(ACTION, Occur.SHOULD)
        .add(new TermQuery(new Term("body", "b")), Occur.MUST_NOT).build()).isPresent());
  }

  @Test
  void the_threshold_passed_down_never_lets_lucene_skip_a_hit_the_constant_lifts_to_the_minimum() {
    // Found in review: max(0, nextDown(min - 0.6)) is 0.42009458 here, above a score that reaches min.
    float min = 1.0200946f;
    float s = 0.42009455f;
    assertTrue(s + 0.6f >= min);
    assertTrue(LiftedClause.innerMinimum(min, 0.6f) <= s);
    java.util.Random random = new java.util.Random(7);
    float previous = 0f;
    float[] mins = new float[200_000];
    for (int i = 0; i < mins.length; i++) {
      mins[i] = i < 100_000 ? 0.5f + i * (0.7f / 100_000) : random.nextFloat() * 40f;
    }
    for (int i = 0; i < mins.length; i++) {
      float m = mins[i];
      float t = LiftedClause.innerMinimum(m, 0.6f);
      assertTrue(t >= 0f);
      // Safe: the float just below t cannot reach m once lifted (nor can anything lower, sums being monotone).
      assertTrue(t == 0f || Math.nextDown(t) + 0.6f < m, "min " + m + " threshold " + t);
      // Not needlessly low: t itself still reaches m when lifted, unless clamped at 0.
      assertTrue(t == 0f || t + 0.6f >= m, "min " + m + " threshold " + t);
      if (i > 0 && i < 100_000) {
        assertTrue(t >= previous, "non-decreasing at " + m);
      }
      previous = t;
    }
    assertEquals(0f, LiftedClause.innerMinimum(0.3f, 0.6f));
  }

  @Test
  void a_constant_of_zero_is_not_lifted() {
    // Lucene's BoostQuery refuses a negative, NaN or infinite boost itself; zero it takes.
    for (float boost : new float[] {0f}) {
      Query q = new BooleanQuery.Builder().add(words("neglect"), Occur.MUST)
          .add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term("kind", "action"))), boost), Occur.SHOULD)
          .build();
      assertFalse(LiftedClause.of(q).isPresent(), "boost " + boost);
    }
  }

  @Test
  void scores_every_match_exactly_as_lucene_scores_the_whole_query_across_segments() throws IOException {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
        String[] texts = {"neglect of a baby at home", "a baby was not brought to appointments",
            "neglect neglect and housing", "home visits and housing", "the baby and the home"};
        for (int segment = 0; segment < 3; segment++) {
          for (int i = 0; i < texts.length; i++) {
            Document d = new Document();
            d.add(new TextField("body", texts[i], Field.Store.NO));
            // The second segment has no action passage at all: its postings for the term are null.
            d.add(new StringField("kind", segment != 1 && i % 2 == 0 ? "action" : "other", Field.Store.NO));
            w.addDocument(d);
          }
          w.commit();
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        assertEquals(3, reader.leaves().size());
        int compared = 0;
        for (Query q : List.of(withAction(words("neglect", "baby")), withAction(words("home", "housing", "baby")),
            withAction(words("appointments")))) {
          for (int depth : new int[] {1, 4, 15}) {
            TopDocs lucene = searcher.search(q, new TopScoreDocCollectorManager(depth, null, Integer.MAX_VALUE, false));
            for (TopDocs ours : List.of(LexicalPass.run(searcher, q, depth, null, true),
                LexicalPass.topThenCount(searcher, q, depth, null))) {
              assertEquals(describe(lucene), describe(ours), q + " at depth " + depth);
              assertEquals(lucene.totalHits.value, ours.totalHits.value);
              compared++;
            }
          }
        }
        assertEquals(18, compared);
        // The lift is real: the same text scores the constant higher as an action passage (document 0)
        // than as another (document 5, in the segment without actions).
        TopDocs neglect = LexicalPass.run(searcher, withAction(words("neglect")), 6, null, true);
        assertEquals(6, neglect.totalHits.value);
        float action = score(neglect, 0);
        float other = score(neglect, 5);
        assertEquals(other + 0.6f, action);
      }
    }
  }

  private static float score(TopDocs docs, int doc) {
    for (ScoreDoc d : docs.scoreDocs) {
      if (d.doc == doc) {
        return d.score;
      }
    }
    throw new AssertionError("document " + doc + " not among the hits");
  }

  private static String describe(TopDocs docs) {
    List<String> out = new ArrayList<>();
    for (ScoreDoc d : docs.scoreDocs) {
      out.add(d.doc + ":" + Integer.toHexString(Float.floatToIntBits(d.score)));
    }
    return out.toString();
  }
}
