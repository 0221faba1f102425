package uk.safeguarding.guidance.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import uk.safeguarding.guidance.embed.Vectors;
import uk.safeguarding.guidance.index.Library;

/**
 * Ranks over the library's own Lucene index, in this process: the embedded default. One collection
 * pass for the words (top hits and, when needed, the set of every match), or on a large library two
 * ({@link LexicalPass#twoPassesPay}: the top with Lucene's skipping, then every match counted), one
 * nearest-neighbour search when the question has a vector, facets from each document's count of
 * matches. Stateless; thread-safe.
 */
public final class LuceneBackend implements SearchBackend {

  public static final LuceneBackend INSTANCE = new LuceneBackend();

  private LuceneBackend() {}

  @Override
  public Engine engine() {
    return new Engine("embedded", "ready", "Lucene in this process");
  }

  @Override
  public boolean dense(Library library) {
    return library.dense();
  }

  @Override
  public Ranking rank(Library library, Retrieval r) {
    try {
      boolean fusing = r.vector() != null;
      boolean perDocCounts = r.facets() || r.perDocument();
      // Fusing, the dense neighbours join the words' matches, so the set of them is kept; otherwise
      // each document's count of matches is all the facets and a document total need, kept while the
      // matches are collected (in the one pass, or the counting pass of two), and the exact count is the total.
      BitSet matching = fusing ? new BitSet() : null;
      int[] perDoc = !fusing && perDocCounts ? new int[library.catalog().facets().size()] : null;
      CollectorManager<?, int[]> counting = perDoc != null ? LexicalPass.perDocument(library::documentOrdinalAt, perDoc)
          : null;
      TopDocs lexical = !fusing && LexicalPass.twoPassesPay(library.passageCount(), library.idOrdered())
          ? LexicalPass.topThenCount(library.searcher(), r.query(), r.depth(), counting)
          : LexicalPass.run(library.searcher(), r.query(), r.depth(),
              fusing ? LexicalPass.matchSet(matching) : counting, library.idOrdered());
      List<Ranked> ranked = new ArrayList<>();
      long matches;
      if (!fusing) {
        for (ScoreDoc d : lexical.scoreDocs) {
          ranked.add(new Ranked(library.passageAt(d.doc), d.score, OptionalDouble.empty(), d.doc));
        }
        matches = lexical.totalHits.value;
      } else {
        int wordMatches = matching.cardinality(); // before the dense neighbours join
        ranked = fuse(library, lexical, wordMatches, dense(library, r, matching), r.vector());
        matches = matching.cardinality();
        perDoc = perDocCounts ? Facets.passagesPerDocument(library, matching) : null;
      }
      boolean cut = lexical.scoreDocs.length == r.depth() && r.depth() < matches;
      int total = r.perDocument() ? Facets.documents(perDoc) : Math.toIntExact(matches);
      return new Ranking(ranked, total, r.facets() ? Facets.count(library, perDoc, r.perDocument()) : null, cut);
    } catch (IOException e) {
      throw new UncheckedIOException("Search failed for '" + r.text() + "'", e);
    }
  }

  /**
   * Nearest passages by embedding, within the filters, best first; those similar enough to count
   * as matches (see {@link Fusion#DENSE_MIN_COSINE}) join {@code matching}.
   */
  private static TopDocs dense(Library library, Retrieval r, BitSet matching) throws IOException {
    TopDocs knn = library.nearestDocs(r.vector(), r.depth(), QueryFactory.filterOnly(r.filters()));
    for (ScoreDoc d : knn.scoreDocs) {
      if (Fusion.similarEnough(d.score)) { // DOT_PRODUCT scores are (1 + cosine) / 2
        matching.set(d.doc);
      }
    }
    return knn;
  }

  private static List<Ranked> fuse(Library library, TopDocs lexical, int wordMatches, TopDocs knn, float[] vector) {
    Map<Integer, Double> fused = Fusion.fuse(hits(lexical), wordMatches, hits(knn));
    List<Ranked> out = new ArrayList<>(fused.size());
    fused
        .forEach((doc, score) -> out.add(new Ranked(library.passageAt(doc), score, cosine(library, doc, vector), doc)));
    out.sort(Comparator.comparingDouble(Ranked::score).reversed().thenComparing(x -> x.passage().id()));
    return out;
  }

  private static List<Fusion.Hit<Integer>> hits(TopDocs docs) {
    List<Fusion.Hit<Integer>> out = new ArrayList<>(docs.scoreDocs.length);
    for (ScoreDoc d : docs.scoreDocs) {
      out.add(new Fusion.Hit<>(d.doc, d.score));
    }
    return out;
  }

  private static OptionalDouble cosine(Library library, int doc, float[] vector) {
    float[] v = library.vector(library.passageAt(doc).id());
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(Vectors.dot(v, vector));
  }
}
