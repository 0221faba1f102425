package uk.safeguarding.guidance.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Separates a PDF's running headers and footers (the same words, numbers aside, in the top or
 * bottom margin of most pages; on a one-page PDF, small type in its margins) and page furniture
 * ("Page 2 of 9") from the body lines. Stateless, thread-safe.
 */
final class PdfMargins {

  /** Share of a page's height, at its top and at its bottom, where running headers and footers sit. */
  static final float MARGIN_ZONE = 0.12f;
  /** A line repeated in the margins of at least this share of pages is a running header or footer. */
  static final double RUNNING_SHARE = 0.5;

  /** The body lines in order, and the running headers and footers dropped (each once, sorted). */
  record Split(List<PdfLine> body, List<String> running) {

    Split {
      body = List.copyOf(body);
      running = List.copyOf(running);
    }
  }

  private PdfMargins() {}

  static Split split(List<PdfLine> lines) {
    int pages = lines.stream().mapToInt(PdfLine::page).max().orElse(0);
    Set<String> runningKeys = runningKeys(lines, pages);
    List<PdfLine> body = new ArrayList<>();
    Set<String> running = new TreeSet<>();
    float allSize = PdfStructure.bodySize(lines);
    for (PdfLine l : lines) {
      // One page cannot show repetition: there, small type in the margins is its header or footer.
      boolean singlePageMargin = pages == 1 && inMargin(l) && PdfStructure.round(l.size()) < allSize;
      if (inMargin(l) && (runningKeys.contains(key(l.text())) || singlePageMargin)) {
        running.add(l.text());
      } else if (!Furniture.isFurniture(l.text())) {
        body.add(l);
      }
    }
    return new Split(body, new ArrayList<>(running));
  }

  /** Lines (numbers masked) found in the margins of at least half the pages, when there are two or more. */
  private static Set<String> runningKeys(List<PdfLine> lines, int pages) {
    Map<String, Set<Integer>> pagesByKey = new HashMap<>();
    for (PdfLine l : lines) {
      if (inMargin(l)) {
        pagesByKey.computeIfAbsent(key(l.text()), k -> new HashSet<>()).add(l.page());
      }
    }
    Set<String> keys = new HashSet<>();
    pagesByKey.forEach((k, p) -> {
      if (pages >= 2 && p.size() >= Math.max(2, Math.ceil(pages * RUNNING_SHARE))) {
        keys.add(k);
      }
    });
    return keys;
  }

  private static boolean inMargin(PdfLine l) {
    return l.depth() <= MARGIN_ZONE || l.depth() >= 1 - MARGIN_ZONE;
  }

  /** A line's words with numbers masked, so "Page 2 of 9" and "Page 3 of 9" are the same footer. */
  static String key(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("\\d+", "#").replaceAll("\\s+", " ").strip();
  }
}
