package uk.safeguarding.guidance.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import uk.safeguarding.guidance.index.Library;

/**
 * The bare Lucene top hits the in-process benchmark holds the full search up against: the very
 * query {@link SearchService} builds for each text (built once here, outside any clock), run
 * through {@link IndexSearcher#search(Query, int)} alone. Lucene may then skip matches that cannot
 * reach the top (no exact total), and nothing else is done: no facets, no snippets, no passage read.
 * Immutable; thread-safe (an {@link IndexSearcher} is).
 */
public final class LuceneBaseline {

  private final IndexSearcher searcher;
  private final List<Query> queries;
  private final List<String> texts;

  private LuceneBaseline(IndexSearcher searcher, List<Query> queries, List<String> texts) {
    this.searcher = searcher;
    this.queries = queries;
    this.texts = texts;
  }

  /** The queries of {@code texts} (no filters, no earlier question) in {@code library}; texts of stop words alone are left out. */
  public static LuceneBaseline of(Library library, List<String> texts) {
    List<Query> queries = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (String text : texts) {
      Query q = QueryFactory.build(text, library.analysis(), Filters.NONE);
      if (q != null) {
        queries.add(q);
        kept.add(text);
      }
    }
    return new LuceneBaseline(library.searcher(), List.copyOf(queries), List.copyOf(kept));
  }

  /** The texts that made a query, in order; {@link #top} numbers them. */
  public List<String> texts() {
    return texts;
  }

  /** How many queries there are; {@link #top} numbers them from 0. */
  public int size() {
    return queries.size();
  }

  /**
   * Runs query {@code i} for its best {@code n} hits and says how many came back: only Lucene's
   * own work is done (what the benchmark times).
   */
  public int run(int i, int n) {
    return top(i, n).scoreDocs.length;
  }

  /** Best first; ties by document number, which is passage id order in an index sorted by id. */
  private TopDocs top(int i, int n) {
    try {
      return searcher.search(queries.get(i), n);
    } catch (IOException e) {
      throw new UncheckedIOException("Bare search failed for '" + texts.get(i) + "'", e);
    }
  }

  /** The passage ids of {@link #top}, to check that the full search ranks the same passages. */
  public List<String> topIds(Library library, int i, int n) {
    List<String> ids = new ArrayList<>();
    for (ScoreDoc d : top(i, n).scoreDocs) {
      ids.add(library.passageAt(d.doc).id());
    }
    return ids;
  }
}
