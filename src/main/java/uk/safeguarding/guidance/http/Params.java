package uk.safeguarding.guidance.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads and validates query parameters, failing with a {@link BadRequest} that names the parameter. */
final class Params {

  private Params() {}

  /** Refuses a parameter outside {@code known}, so a misspelt filter is never silently ignored. */
  static void onlyKnown(Context ctx, Set<String> known) {
    for (String name : new TreeSet<>(ctx.queryParamMap().keySet())) {
      if (!known.contains(name)) {
        throw new BadRequest(name, ctx.queryParam(name), "Unknown parameter '" + name + "'; known parameters: "
            + String.join(", ", new TreeSet<>(known)) + ".");
      }
    }
  }

  static String requiredText(Context ctx, String name, int maxChars) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      throw new BadRequest(name, value, "The parameter '" + name + "' must not be empty.");
    }
    if (value.length() > maxChars) {
      throw new BadRequest(name, value.substring(0, 40) + "…",
          "The parameter '" + name + "' must be at most " + maxChars + " characters.");
    }
    return value.strip();
  }

  static int integer(Context ctx, String name, int defaultValue, int min, int max) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadRequest(name, value,
          "The parameter '" + name + "' must be a whole number from " + min + " to " + max + ", got '" + value + "'.");
    }
  }

  /** One of {@code allowed} (case-insensitive, returned in lower case), or {@code defaultValue} when absent. */
  static String oneOf(Context ctx, String name, String defaultValue, Set<String> allowed) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return defaultValue;
    }
    String v = value.strip().toLowerCase(java.util.Locale.ROOT);
    if (!allowed.contains(v)) {
      throw new BadRequest(name, value, "The parameter '" + name + "' must be one of "
          + String.join(", ", new TreeSet<>(allowed)) + ", got '" + value + "'.");
    }
    return v;
  }

  /** All values given for a filter; each must be one of {@code known} (case-insensitive). */
  static Set<String> filter(Context ctx, String name, Set<String> known) {
    return filter(name, ctx.queryParams(name), known);
  }

  /** Filter values from any source (query string or JSON body), checked against {@code known}. */
  static Set<String> filter(String name, List<String> values, Set<String> known) {
    Set<String> out = new TreeSet<>();
    if (values == null) {
      return out;
    }
    for (String value : values) {
      if (value == null) {
        throw new BadRequest(name, "null", "The filter '" + name + "' must be a list of text values, not null.");
      }
      for (String v : value.split(",")) {
        String s = v.strip();
        if (s.isEmpty()) {
          continue;
        }
        if (known.stream().noneMatch(k -> k.equalsIgnoreCase(s))) {
          throw new BadRequest(name, s, "Unknown value '" + s + "' for parameter '" + name + "'; known values: "
              + String.join(", ", new TreeSet<>(known)) + ".");
        }
        out.add(s);
      }
    }
    return out;
  }
}
