package uk.safeguarding.guidance.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.corpus.CorpusReader;
import uk.safeguarding.guidance.index.IndexStore;
import uk.safeguarding.guidance.index.Library;
import uk.safeguarding.guidance.index.LibraryHolder;

/** Two passes (top hits with Lucene's skipping, then every match counted) answer exactly what one pass does. */
class LexicalPassTest {

  @TempDir
  static Path data;
  static LibraryHolder holder = new LibraryHolder();
  static Library library;
  static List<String> questions;

  @BeforeAll
  static void index() throws IOException {
    library = new IndexStore(data, CorpusReader.standard()).open(Path.of("corpus"));
    holder.swap(library);
    questions = Files.readAllLines(Path.of("src/test/resources/eval/practitioner.jsonl")).stream()
        .filter(l -> !l.isBlank()).map(l -> JsonParser.parseString(l).getAsJsonObject().get("q").getAsString())
        .toList();
  }

  @AfterAll
  static void close() {
    holder.close();
  }

  @Test
  void the_shipped_index_numbers_documents_in_passage_id_order_so_two_passes_may_be_used() {
    assertTrue(library.idOrdered());
    assertTrue(LexicalPass.twoPassesPay(LexicalPass.TWO_PASSES_FROM, true));
    assertEquals(false, LexicalPass.twoPassesPay(LexicalPass.TWO_PASSES_FROM - 1, true));
    assertEquals(false, LexicalPass.twoPassesPay(Integer.MAX_VALUE, false));
  }

  @Test
  void two_passes_rank_count_and_facet_every_question_exactly_as_one_pass() throws IOException {
    int compared = 0;
    for (String q : questions) {
      Query query = QueryFactory.build(q, library.analysis(), Filters.NONE);
      if (query == null) {
        continue;
      }
      for (int depth : new int[] {1, 10, 30}) {
        int[] onePerDoc = new int[library.catalog().facets().size()];
        TopDocs one = LexicalPass.run(library.searcher(), query, depth,
            LexicalPass.perDocument(library::documentOrdinalAt, onePerDoc), true);
        int[] twoPerDoc = new int[onePerDoc.length];
        TopDocs two = LexicalPass.topThenCount(library.searcher(), query, depth,
            LexicalPass.perDocument(library::documentOrdinalAt, twoPerDoc));
        TopDocs counted = LexicalPass.topThenCount(library.searcher(), query, depth, null);
        String at = q + " at depth " + depth;
        assertEquals(describe(one), describe(two), at);
        assertEquals(describe(one), describe(counted), at);
        assertEquals(one.totalHits.value, two.totalHits.value, at);
        assertEquals(one.totalHits.value, counted.totalHits.value, at);
        assertArrayEquals(onePerDoc, twoPerDoc, at);
        compared++;
      }
    }
    assertTrue(compared >= 200, "compared " + compared);
  }

  @Test
  void lifting_the_action_clause_out_of_the_query_changes_no_score_rank_or_count() throws IOException {
    int compared = 0;
    for (String q : questions) {
      Query query = QueryFactory.build(q, library.analysis(), Filters.NONE);
      if (query == null) {
        continue;
      }
      assertTrue(LiftedClause.of(query).isPresent(), q);
      for (int depth : new int[] {1, 10, 30}) {
        // Lucene scoring the whole query (+words kind:action^0.6) itself, every match visited.
        TopDocs lucene = library.searcher().search(query,
            new TopScoreDocCollectorManager(depth, null, Integer.MAX_VALUE, false));
        String at = q + " at depth " + depth;
        for (TopDocs ours : List.of(LexicalPass.run(library.searcher(), query, depth, null, true),
            LexicalPass.run(library.searcher(), query, depth, null, false),
            LexicalPass.topThenCount(library.searcher(), query, depth, null))) {
          assertEquals(describe(lucene), describe(ours), at);
          assertEquals(lucene.totalHits.value, ours.totalHits.value, at);
        }
        compared++;
      }
    }
    assertTrue(compared >= 200, "compared " + compared);
  }

  /** Document numbers with their scores, in rank order; scores compared bit for bit. */
  private static String describe(TopDocs docs) {
    return Arrays.toString(Arrays.stream(docs.scoreDocs).map(LexicalPassTest::describe).toArray());
  }

  private static String describe(ScoreDoc d) {
    return d.doc + ":" + Integer.toHexString(Float.floatToIntBits(d.score));
  }
}
