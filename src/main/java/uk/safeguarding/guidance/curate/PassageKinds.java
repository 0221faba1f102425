package uk.safeguarding.guidance.curate;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import uk.safeguarding.guidance.corpus.ActionSections;
import uk.safeguarding.guidance.corpus.Furniture;
import uk.safeguarding.guidance.corpus.Passage;

/**
 * What a passage is for, as a trainer checks it before publishing: what to do (the index's own
 * "action" kind, which answers prefer), what was learned, background, or page furniture that
 * should not be quoted at all. Stateless, thread-safe.
 */
final class PassageKinds {

  static final String ACTION = "what to do";
  static final String LEARNING = "what was learned";
  static final String BACKGROUND = "background";
  static final String FURNITURE = "furniture";
  private static final Pattern LEARNED = Pattern.compile(".*\\b(learn(ed|t|ing)?|findings?|lessons?|key messages|"
      + "what we found|themes?)\\b.*");

  private PassageKinds() {}

  static String of(Passage p) {
    List<String> lines = p.text().lines().filter(l -> !l.isBlank()).toList();
    // Most of its lines are page numbers, running headers or "Back to top": nothing to cite.
    if (!lines.isEmpty() && lines.stream().filter(Furniture::isFurniture).count() * 2 > lines.size()) {
      return FURNITURE;
    }
    if (ActionSections.isAction(p)) {
      return ACTION;
    }
    String path = String.join(" ", p.subPath()).toLowerCase(Locale.ROOT);
    return LEARNED.matcher(path).matches() ? LEARNING : BACKGROUND;
  }
}
