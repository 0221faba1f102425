package uk.safeguarding.guidance.search;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.lucene.search.Query;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.index.Library;

/**
 * Where passages are ranked: the library's own Lucene index ({@link LuceneBackend}, the default)
 * or a SolrCloud collection ({@link SolrBackend}). Both take the same query, built by
 * {@link QueryFactory} from the same analysis, and fuse with the same {@link Fusion}, so a question
 * ranks the same on either. The library passed in is the one the caller leased: it resolves passage
 * ids to text and metadata on both.
 */
public interface SearchBackend {

  /**
   * The engine's state for /health: {@code name} "embedded" or "solrcloud"; {@code state} "ready" or
   * "unavailable"; {@code detail} what an operator needs (nodes reachable, the collection serving).
   */
  record Engine(String name, String state, String detail) {}

  /** Where the engine stands now; may ask the engine, so not for every search. */
  Engine engine();

  /** True when this backend can rank by embedding for {@code library}. */
  boolean dense(Library library);

  /**
   * How many searches are worth running at once when thousands are to be run (training the answer step
   * on its examples): in process, one per core.
   */
  default int searchesAtOnce() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** One ranking: the lexical query, the question's vector (null: words only) and what else is needed. */
  Ranking rank(Library library, Retrieval retrieval);

  /**
   * What to rank: {@code query} (words and filters), {@code vector} (or null), {@code filters} (for
   * the nearest-neighbour pass), how deep to look, and whether facet counts are wanted and whether
   * totals and facets count documents rather than passages.
   */
  record Retrieval(String text, Query query, float[] vector, Filters filters, int depth, boolean facets,
      boolean perDocument) {}

  /**
   * A ranked passage: BM25 or fused score, its cosine to the question (empty on words alone), and
   * its document number in the library's own index, or -1 when the ranking came from elsewhere.
   */
  record Ranked(Passage passage, double score, OptionalDouble similarity, int luceneDoc) {

    /** Ranked outside the library's own index (SolrCloud). */
    Ranked(Passage passage, double score, OptionalDouble similarity) {
      this(passage, score, similarity, -1);
    }
  }

  /**
   * Best first, ties by passage id; {@code total} counts matches (documents when per document);
   * {@code facets} null unless asked; {@code cut} when more words-matches exist past {@code depth}.
   */
  record Ranking(List<Ranked> ranked, int total, Map<String, Map<String, Integer>> facets, boolean cut) {}
}
