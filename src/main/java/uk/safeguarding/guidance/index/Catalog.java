package uk.safeguarding.guidance.index;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import uk.safeguarding.guidance.corpus.DocumentMetadata;
import uk.safeguarding.guidance.corpus.SourceDocument;

/**
 * The library's metadata as search needs it, worked out once per index generation rather than per
 * request: the values each filter accepts, and each document's facet values by document ordinal
 * (the year parsed once, not by a regex per hit). Immutable, thread-safe.
 *
 * @param facets each document's facet values, indexed by its ordinal in the library
 */
public record Catalog(Set<String> types, Set<String> organisations, Set<String> themes, Set<String> years,
    List<DocumentFacets> facets) {

  /** One document's values for the four facets ("" when it has none). */
  public record DocumentFacets(String type, String organisation, List<String> themes, String year) {}

  public Catalog {
    types = Collections.unmodifiableSet(new TreeSet<>(types));
    organisations = Collections.unmodifiableSet(new TreeSet<>(organisations));
    themes = Collections.unmodifiableSet(new TreeSet<>(themes));
    years = Collections.unmodifiableSet(new TreeSet<>(years));
    facets = List.copyOf(facets);
  }

  static Catalog of(List<SourceDocument> documents) {
    Set<String> types = new TreeSet<>();
    Set<String> orgs = new TreeSet<>();
    Set<String> themes = new TreeSet<>();
    Set<String> years = new TreeSet<>();
    List<DocumentFacets> facets = new ArrayList<>();
    for (SourceDocument d : documents) {
      DocumentMetadata m = d.metadata();
      facets.add(new DocumentFacets(m.documentType(), m.organisation(), List.copyOf(m.themes()), m.year()));
      types.add(m.documentType());
      orgs.add(m.organisation());
      themes.addAll(m.themes());
      years.add(m.year());
    }
    for (Set<String> known : List.of(types, orgs, themes, years)) {
      known.remove(""); // an undated or untyped document offers no filter value
    }
    return new Catalog(types, orgs, themes, years, facets);
  }
}
