package uk.safeguarding.guidance.search;

import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import uk.safeguarding.guidance.index.FacetOrdinals;
import uk.safeguarding.guidance.index.Library;

/** Facet counts over a set of matching passages. Stateless; thread-safe. */
final class Facets {

  static final List<String> NAMES = List.of("documentType", "organisation", "theme", "year");

  private Facets() {}

  /**
   * Per facet, each value's count of matching passages (or of matching documents when
   * {@code perDocument}), largest first, then by value.
   */
  static Map<String, Map<String, Integer>> count(Library library, BitSet matching, boolean perDocument) {
    // Matches counted per document first (an array increment per passage), then summed per value over
    // the documents holding it (FacetOrdinals.count): no metadata or map lookups per hit.
    return count(library, passagesPerDocument(library, matching), perDocument);
  }

  /** As above, from each document's count of matching passages (by its ordinal in the catalog). */
  static Map<String, Map<String, Integer>> count(Library library, int[] perDoc, boolean perDocument) {
    FacetOrdinals table = library.facetOrdinals();
    int[][] counts = new int[NAMES.size()][];
    for (int f = 0; f < counts.length; f++) {
      // A dimension no document has a value in (themes, years of an undated library) is not walked.
      counts[f] = table.values(f).length == 0 ? new int[0] : table.count(f, perDoc, perDocument);
    }
    Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
    for (int f = 0; f < NAMES.size(); f++) {
      String[] values = table.values(f);
      int[] dimension = counts[f];
      List<Integer> present = new ArrayList<>();
      for (int o = 0; o < dimension.length; o++) {
        if (dimension[o] > 0) {
          present.add(o);
        }
      }
      // Values are sorted, so ordinal order breaks count ties alphabetically.
      present.sort(Comparator.<Integer>comparingInt(o -> -dimension[o]).thenComparingInt(o -> o));
      Map<String, Integer> byCount = new LinkedHashMap<>();
      present.forEach(o -> byCount.put(values[o], dimension[o]));
      out.put(NAMES.get(f), byCount);
    }
    return out;
  }

  /** How many documents hold at least one matching passage, from each document's count of them. */
  static int documents(int[] perDoc) {
    int n = 0;
    for (int count : perDoc) {
      n += count > 0 ? 1 : 0;
    }
    return n;
  }

  /** Each document's count (by its ordinal in the catalog) of the passages in {@code matching}. */
  static int[] passagesPerDocument(Library library, BitSet matching) {
    int[] perDocument = new int[library.catalog().facets().size()];
    for (int doc = matching.nextSetBit(0); doc >= 0; doc = matching.nextSetBit(doc + 1)) {
      perDocument[library.documentOrdinalAt(doc)]++;
    }
    return perDocument;
  }
}
