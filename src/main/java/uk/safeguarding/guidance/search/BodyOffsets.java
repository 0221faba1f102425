package uk.safeguarding.guidance.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import uk.safeguarding.guidance.index.Fields;
import uk.safeguarding.guidance.index.Library;

/**
 * Where a page of passages' words match a query's terms, read from the character offsets the index
 * keeps with the body's postings instead of analysing each passage again: each term is looked up
 * once for the whole page. The body is the passage text analysed by the same chain
 * ({@link Snippets#matches} with the index analyser), one term per position, so the ranges are the
 * same. Stateless; thread-safe.
 */
final class BodyOffsets {

  private BodyOffsets() {}

  /**
   * For each of {@code ranked}, in order, the character ranges [start, end) of its words whose
   * analysed form is in {@code terms}, in text order; empty when this index cannot say (built
   * without offsets, or a passage it does not hold), and the caller analyses the text instead.
   */
  static Optional<List<List<int[]>>> matches(Library library, List<SearchBackend.Ranked> ranked, Set<String> terms) {
    int[] docs = new int[ranked.size()];
    for (int i = 0; i < docs.length; i++) {
      SearchBackend.Ranked r = ranked.get(i);
      docs[i] = r.luceneDoc() >= 0 ? r.luceneDoc() : library.luceneDoc(r.passage().id());
      if (docs[i] < 0) {
        return Optional.empty();
      }
    }
    List<LeafReaderContext> leaves = library.searcher().getIndexReader().leaves();
    for (LeafReaderContext leaf : leaves) {
      FieldInfo body = leaf.reader().getFieldInfos().fieldInfo(Fields.BODY);
      if (body == null || body.getIndexOptions().compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS) < 0) {
        return Optional.empty();
      }
    }
    List<List<int[]>> out = new ArrayList<>();
    for (int i = 0; i < docs.length; i++) {
      out.add(new ArrayList<>());
    }
    if (terms.isEmpty()) {
      return Optional.of(out);
    }
    // Page positions in document order, so each term's postings are walked forwards once.
    Integer[] order = new Integer[docs.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> docs[i]));
    List<BytesRef> wanted = terms.stream().map(BytesRef::new).toList();
    try {
      int k = 0;
      while (k < order.length) {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[order[k]], leaves));
        int end = k;
        while (end < order.length && docs[order[end]] < leaf.docBase + leaf.reader().maxDoc()) {
          end++;
        }
        addOffsets(leaf, wanted, docs, order, k, end, out);
        k = end;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the body's offsets for highlighting", e);
    }
    for (int k = 1; k < order.length; k++) {
      if (docs[order[k - 1]] == docs[order[k]]) {
        out.set(order[k], new ArrayList<>(out.get(order[k - 1])));
      }
    }
    out.forEach(ranges -> ranges.sort(Comparator.comparingInt(r -> r[0])));
    return Optional.of(out);
  }

  /** The ranges of {@code wanted} terms in the page passages {@code order[from..to)}, all in {@code leaf}. */
  private static void addOffsets(LeafReaderContext leaf, List<BytesRef> wanted, int[] docs, Integer[] order,
      int from, int to, List<List<int[]>> out) throws IOException {
    Terms terms = leaf.reader().terms(Fields.BODY);
    if (terms == null) {
      return;
    }
    // One terms enumeration and one postings reader, reused for every term: opening them is most of the cost.
    TermsEnum te = terms.iterator();
    PostingsEnum postings = null;
    for (BytesRef term : wanted) {
      if (te.seekExact(term)) {
        postings = te.postings(postings, PostingsEnum.OFFSETS);
        addOffsets(postings, leaf.docBase, docs, order, from, to, out);
      }
    }
  }

  /** One term's ranges in each of the page passages {@code order[from..to)} it occurs in. */
  private static void addOffsets(PostingsEnum postings, int docBase, int[] docs, Integer[] order, int from, int to,
      List<List<int[]>> out) throws IOException {
    for (int k = from; k < to; k++) {
      int target = docs[order[k]] - docBase;
      if (k > from && docs[order[k - 1]] == docs[order[k]]) {
        continue; // the same passage twice on a page: copied once all terms are in
      }
      int at = postings.docID() < target ? postings.advance(target) : postings.docID();
      if (at == DocIdSetIterator.NO_MORE_DOCS) {
        return;
      }
      if (at != target) {
        continue;
      }
      List<int[]> ranges = out.get(order[k]);
      for (int n = postings.freq(); n > 0; n--) {
        postings.nextPosition();
        ranges.add(new int[] {postings.startOffset(), postings.endOffset()});
      }
    }
  }
}
