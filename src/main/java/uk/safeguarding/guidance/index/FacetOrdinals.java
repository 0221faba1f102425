package uk.safeguarding.guidance.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The four facets (type, organisation, themes, year) as numbers, worked out once per index
 * generation: each dimension's distinct values in sorted order, and the documents holding each,
 * so counting a search's facets is sums over int arrays, not map lookups per document. Empty
 * values are left out. Immutable after construction; thread-safe.
 */
public final class FacetOrdinals {

  /** Dimensions in the order {@link #values} and {@link #count} number them. */
  public static final int TYPE = 0;
  public static final int ORGANISATION = 1;
  public static final int THEME = 2;
  public static final int YEAR = 3;
  private static final int DIMENSIONS = 4;

  private final String[][] values = new String[DIMENSIONS][];
  /**
   * Per dimension, the documents holding each value, value by value (value 0's document ordinals,
   * then value 1's …), and where each value's run starts. A count then sums each value's documents'
   * matches into a local (a gather, reading memory in order for a value most documents share)
   * rather than adding each document's matches into its value's slot, which chains every add on
   * the one before when most documents share a value.
   */
  private final int[][] holders = new int[DIMENSIONS][];
  private final int[][] starts = new int[DIMENSIONS][];

  FacetOrdinals(List<Catalog.DocumentFacets> documents) {
    List<Function<Catalog.DocumentFacets, List<String>>> dimensions = List.of(
        d -> List.of(d.type()), d -> List.of(d.organisation()), Catalog.DocumentFacets::themes, d -> List.of(d.year()));
    for (int f = 0; f < DIMENSIONS; f++) {
      Function<Catalog.DocumentFacets, List<String>> read = dimensions.get(f);
      TreeSet<String> distinct = new TreeSet<>();
      documents.forEach(d -> distinct.addAll(read.apply(d)));
      distinct.remove("");
      values[f] = distinct.toArray(new String[0]);
      Map<String, List<Integer>> byValue = new TreeMap<>();
      distinct.forEach(v -> byValue.put(v, new ArrayList<>()));
      for (int d = 0; d < documents.size(); d++) {
        for (String v : read.apply(documents.get(d))) { // as listed: a value given twice counts twice
          if (!v.isEmpty()) {
            byValue.get(v).add(d);
          }
        }
      }
      starts[f] = new int[values[f].length + 1];
      List<Integer> all = new ArrayList<>();
      int o = 0;
      for (List<Integer> docs : byValue.values()) {
        starts[f][o++] = all.size();
        all.addAll(docs);
      }
      starts[f][o] = all.size();
      holders[f] = all.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /** The distinct non-empty values of {@code dimension}, sorted. Do not modify. */
  public String[] values(int dimension) {
    return values[dimension];
  }

  /**
   * Each value's count in {@code dimension} (by its ordinal into {@link #values}) over documents
   * that each hold {@code perDoc[d]} matches (by document ordinal): the sum of those matches, or
   * with {@code distinctDocuments} the number of documents with at least one.
   */
  public int[] count(int dimension, int[] perDoc, boolean distinctDocuments) {
    int[] docs = holders[dimension];
    int[] from = starts[dimension];
    int[] counts = new int[values[dimension].length];
    for (int o = 0; o < counts.length; o++) {
      int sum = 0;
      if (distinctDocuments) {
        for (int i = from[o]; i < from[o + 1]; i++) {
          sum += Math.min(perDoc[docs[i]], 1);
        }
      } else {
        for (int i = from[o]; i < from[o + 1]; i++) {
          sum += perDoc[docs[i]];
        }
      }
      counts[o] = sum;
    }
    return counts;
  }
}
