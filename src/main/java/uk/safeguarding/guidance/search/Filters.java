package uk.safeguarding.guidance.search;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Restricts a search to documents of the given types, organisations, themes and years. Values
 * within one filter are alternatives; different filters must all hold. Empty means unfiltered.
 */
public record Filters(Set<String> types, Set<String> organisations, Set<String> themes, Set<String> years) {

  public static final Filters NONE = new Filters(Set.of(), Set.of(), Set.of(), Set.of());

  public Filters {
    types = lower(types);
    organisations = lower(organisations);
    themes = lower(themes);
    years = lower(years);
  }

  public boolean isEmpty() {
    return types.isEmpty() && organisations.isEmpty() && themes.isEmpty() && years.isEmpty();
  }

  private static Set<String> lower(Set<String> values) {
    return values == null ? Set.of()
        : values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }
}
