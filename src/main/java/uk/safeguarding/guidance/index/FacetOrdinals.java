package uk.safeguarding.guidance.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The four facets (type, organisation, themes, year) as numbers, worked out once per index
 * generation: each dimension's distinct values in sorted order, and each document's values as
 * ordinals into them, so counting a search's facets is array increments, not map lookups per
 * document. Empty values are left out. Immutable after construction; thread-safe.
 */
public final class FacetOrdinals {

  /** Dimensions in the order {@link #values} and {@link #addTo} number them. */
  public static final int TYPE = 0;
  public static final int ORGANISATION = 1;
  public static final int THEME = 2;
  public static final int YEAR = 3;
  private static final int DIMENSIONS = 4;

  private final String[][] values = new String[DIMENSIONS][];
  /**
   * Per dimension, every document's value ordinals one after another (document 0's, then 1's …),
   * and where each document's run starts: two flat arrays instead of an array per document, so a
   * count over many documents reads memory in order.
   */
  private final int[][] ordinals = new int[DIMENSIONS][];
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
      Map<String, Integer> ordinal = new TreeMap<>();
      for (String v : values[f]) {
        ordinal.put(v, ordinal.size());
      }
      starts[f] = new int[documents.size() + 1];
      List<Integer> all = new ArrayList<>();
      for (int d = 0; d < documents.size(); d++) {
        starts[f][d] = all.size();
        read.apply(documents.get(d)).stream().filter(v -> !v.isEmpty()).map(ordinal::get).forEach(all::add);
      }
      starts[f][documents.size()] = all.size();
      ordinals[f] = all.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /** The distinct non-empty values of {@code dimension}, sorted. Do not modify. */
  public String[] values(int dimension) {
    return values[dimension];
  }

  /**
   * Adds {@code n} to {@code counts[o]} for the ordinal {@code o} (into {@link #values}) of each of
   * document {@code documentOrdinal}'s values in {@code dimension}.
   */
  public void addTo(int dimension, int documentOrdinal, int n, int[] counts) {
    int[] ords = ordinals[dimension];
    int end = starts[dimension][documentOrdinal + 1];
    for (int i = starts[dimension][documentOrdinal]; i < end; i++) {
      counts[ords[i]] += n;
    }
  }
}
