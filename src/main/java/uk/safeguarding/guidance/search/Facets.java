package uk.safeguarding.guidance.search;

import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.safeguarding.guidance.index.Catalog;
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
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    NAMES.forEach(facet -> counts.put(facet, new TreeMap<>()));
    // Matches counted per document first (an array increment per passage), then spread over each
    // document's facet values once: the metadata is read per document, not per hit.
    int[] perDoc = passagesPerDocument(library, matching);
    List<Catalog.DocumentFacets> documents = library.catalog().facets();
    for (int d = 0; d < perDoc.length; d++) {
      int n = perDocument ? Math.min(1, perDoc[d]) : perDoc[d];
      if (n == 0) {
        continue;
      }
      Catalog.DocumentFacets f = documents.get(d);
      add(counts.get("documentType"), f.type(), n);
      add(counts.get("organisation"), f.organisation(), n);
      f.themes().forEach(t -> add(counts.get("theme"), t, n));
      add(counts.get("year"), f.year(), n);
    }
    Map<String, Map<String, Integer>> sorted = new LinkedHashMap<>();
    counts.forEach((facet, values) -> {
      Map<String, Integer> byCount = new LinkedHashMap<>();
      values.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
              .thenComparing(Map.Entry.comparingByKey()))
          .forEach(e -> byCount.put(e.getKey(), e.getValue()));
      sorted.put(facet, byCount);
    });
    return sorted;
  }

  /** How many documents hold at least one matching passage. */
  static int documents(Library library, BitSet matching) {
    int n = 0;
    for (int count : passagesPerDocument(library, matching)) {
      n += count > 0 ? 1 : 0;
    }
    return n;
  }

  private static int[] passagesPerDocument(Library library, BitSet matching) {
    int[] perDocument = new int[library.catalog().facets().size()];
    for (int doc = matching.nextSetBit(0); doc >= 0; doc = matching.nextSetBit(doc + 1)) {
      perDocument[library.documentOrdinalAt(doc)]++;
    }
    return perDocument;
  }

  private static void add(Map<String, Integer> counts, String value, int n) {
    if (!value.isEmpty()) {
      counts.merge(value, n, Integer::sum);
    }
  }
}
