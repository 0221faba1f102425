package uk.safeguarding.guidance.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FacetOrdinalsTest {

  private final FacetOrdinals ordinals = new FacetOrdinals(List.of(
      new Catalog.DocumentFacets("report", "Newcastle", List.of("neglect", "audits"), "2017"),
      new Catalog.DocumentFacets("briefing", "Telford", List.of("neglect"), "2021"),
      new Catalog.DocumentFacets("report", "", List.of(), "2021")));

  @Test
  void values_are_sorted_and_empty_ones_left_out() {
    assertArrayEquals(new String[] {"briefing", "report"}, ordinals.values(FacetOrdinals.TYPE));
    assertArrayEquals(new String[] {"Newcastle", "Telford"}, ordinals.values(FacetOrdinals.ORGANISATION));
    assertArrayEquals(new String[] {"audits", "neglect"}, ordinals.values(FacetOrdinals.THEME));
  }

  @Test
  void counts_sum_each_values_matches_or_count_the_documents_with_any() {
    int[] perDoc = {3, 0, 2}; // passages matched in each document
    assertArrayEquals(new int[] {0, 5}, ordinals.count(FacetOrdinals.TYPE, perDoc, false));
    assertArrayEquals(new int[] {0, 2}, ordinals.count(FacetOrdinals.TYPE, perDoc, true));
    assertArrayEquals(new int[] {3, 3}, ordinals.count(FacetOrdinals.THEME, perDoc, false));
    assertArrayEquals(new int[] {3, 0}, ordinals.count(FacetOrdinals.ORGANISATION, perDoc, false));
    assertArrayEquals(new int[] {1, 1}, ordinals.count(FacetOrdinals.YEAR, perDoc, true));
  }
}
