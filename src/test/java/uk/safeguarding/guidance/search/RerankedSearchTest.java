package uk.safeguarding.guidance.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.corpus.CorpusReader;
import uk.safeguarding.guidance.embed.Embedder;
import uk.safeguarding.guidance.embed.Vectors;
import uk.safeguarding.guidance.index.IndexStore;
import uk.safeguarding.guidance.index.LibraryHolder;

/** A reranker reorders the top of a hybrid search before the page is cut; totals and facets stay the search's. */
class RerankedSearchTest {

  /** Words hashed into 64 dimensions: enough for a hybrid search over the five-passage fixture. */
  static final Embedder WORDS = new Embedder() {

    @Override
    public String modelId() {
      return "hashed-words-64";
    }

    @Override
    public int dimension() {
      return 64;
    }

    @Override
    public float[] embedQuery(String query) {
      return vector(query);
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
      return passages.stream().map(RerankedSearchTest::vector).toList();
    }
  };

  @TempDir
  static Path data;
  static LibraryHolder holder = new LibraryHolder();
  static SearchService search;

  @BeforeAll
  static void index() {
    holder.swap(new IndexStore(data, CorpusReader.standard(), WORDS).open(Path.of("src/test/resources/fixtures/mini")));
    search = new SearchService(holder, WORDS);
  }

  @AfterAll
  static void close() {
    holder.close();
  }

  static float[] vector(String text) {
    float[] v = new float[64];
    for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (!w.isEmpty()) {
        v[Math.floorMod(w.hashCode(), 64)] += 1;
      }
    }
    return Vectors.normalise(v);
  }

  /** Reverses the top {@code depth}; counts its calls. */
  static final class Reverse implements Reranker {

    final int depth;
    int calls;

    Reverse(int depth) {
      this.depth = depth;
    }

    @Override
    public int depth() {
      return depth;
    }

    @Override
    public int[] order(String query, List<SearchHit> hits) {
      calls++;
      assertTrue(hits.stream().allMatch(h -> h.snippet().isEmpty()), "candidates come without snippets");
      int[] order = new int[hits.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = order.length - 1 - i;
      }
      return order;
    }
  }

  private static List<String> ids(SearchResults r) {
    return r.hits().stream().map(h -> h.passage().id()).toList();
  }

  @Test
  void the_top_is_reordered_before_the_page_is_cut_and_totals_and_facets_stay() {
    SearchRequest all = new SearchRequest("babies bruise father social worker night", 3, 0, Filters.NONE);
    SearchResults plain = search.search(all);
    assertEquals(3, plain.hits().size(), "the fixture query finds several passages: " + ids(plain));
    List<String> expected = new ArrayList<>(ids(plain));
    Collections.reverse(expected);
    Reverse reverse = new Reverse(3);
    SearchResults reranked = search.reranked(all, reverse);
    assertEquals(expected, ids(reranked));
    assertEquals(plain.total(), reranked.total());
    assertEquals(plain.facets(), reranked.facets());
    assertTrue(plain.total() > 3, "more found than the page: " + plain.total());
    assertEquals(1, reverse.calls);
    assertTrue(reranked.hits().stream().anyMatch(h -> !h.snippet().isEmpty()), "the page has its snippets");
    SearchResults second = search.reranked(new SearchRequest(all.query(), 1, 1, Filters.NONE), reverse);
    assertEquals(expected.subList(1, 2), ids(second), "page 2 of 1 is the reordered second");
  }

  @Test
  void a_page_deeper_than_the_reranker_looks_or_no_order_keeps_the_search_order() {
    SearchRequest all = new SearchRequest("babies bruise father social worker night", 10, 0, Filters.NONE);
    List<String> plain = ids(search.search(all));
    assertEquals(plain, ids(search.reranked(all, new Reverse(2))), "10 asked, the reranker looks at 2");
    assertEquals(plain, ids(search.reranked(all, new Reranker() {

      @Override
      public int depth() {
        return 30;
      }

      @Override
      public int[] order(String query, List<SearchHit> hits) {
        return null;
      }
    })));
    SearchService words = new SearchService(holder);
    Reverse unused = new Reverse(30);
    assertEquals(ids(words.search(all)), ids(words.reranked(all, unused)), "words alone: nothing to rerank with");
    assertEquals(0, unused.calls);
  }
}
