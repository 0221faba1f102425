package uk.safeguarding.guidance.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Metadata values found in a document while loading it, best first: the first value offered for a
 * field wins, so a loader offers its most reliable sources first. One per load; not thread-safe.
 */
final class MetadataCandidates {

  private final Map<String, FieldSource> best = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();

  /** Offers a value for {@code field}; ignored when blank or when a value was already offered. */
  MetadataCandidates offer(String field, String value, String source) {
    if (value != null && !value.isBlank()) {
      best.putIfAbsent(field, new FieldSource(field, value, source));
    }
    return this;
  }

  Optional<FieldSource> get(String field) {
    return Optional.ofNullable(best.get(field));
  }

  void warn(String warning) {
    if (!warnings.contains(warning)) {
      warnings.add(warning);
    }
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }
}
