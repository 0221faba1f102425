package uk.safeguarding.guidance.index;

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

  /** Dimensions in the order {@link #values} and {@link #ordinals} number them. */
  public static final int TYPE = 0;
  public static final int ORGANISATION = 1;
  public static final int THEME = 2;
  public static final int YEAR = 3;
  private static final int DIMENSIONS = 4;

  private final String[][] values = new String[DIMENSIONS][];
  private final int[][][] byDocument = new int[DIMENSIONS][][];

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
      byDocument[f] = new int[documents.size()][];
      for (int d = 0; d < documents.size(); d++) {
        byDocument[f][d] = read.apply(documents.get(d)).stream().filter(v -> !v.isEmpty())
            .mapToInt(ordinal::get).toArray();
      }
    }
  }

  /** The distinct non-empty values of {@code dimension}, sorted. Do not modify. */
  public String[] values(int dimension) {
    return values[dimension];
  }

  /** The ordinals (into {@link #values}) of document {@code documentOrdinal}'s values. Do not modify. */
  public int[] ordinals(int dimension, int documentOrdinal) {
    return byDocument[dimension][documentOrdinal];
  }
}
