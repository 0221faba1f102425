package uk.safeguarding.guidance.answer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A lead-in sentence ("That those reviews should be 'proportionate' by which we mean:", "Professor Jan
 * Horwath … says:") says nothing alone, so the picker never quotes it bare; but when the question
 * matches the lead-in best, what it introduces is the answer. Then the lead-in is quoted with what
 * follows it ({@link Sentences.Unit#introduces}): the list items after it, however short, or the next
 * sentence. Stateless.
 */
final class LeadIns {

  /**
   * A long list joins its lead-in with this many items, then "…" (the citation's excerpt shows the
   * passage). Lists in the shipped library run to three to fifteen items.
   */
  static final int MAX_ITEMS = 4;
  /**
   * A list whose items together are at most this long is quoted whole however many items it has: a list
   * of agencies or members (five or six items of a few words in the shipped library) is the answer, and
   * cutting it would leave some of them out. 11 of the shipped library's 18 lists after a lead-in are this
   * short; the longest run to 1,350 characters.
   */
  static final int WHOLE_LIST_CHARS = 300;
  /** How the items are joined: one point reads as one sentence ("…we mean: focussed on …; not …"). */
  static final String ITEM_SEPARATOR = "; ";

  /**
   * The lead-in row, the rows it introduces, the point quoting them as one, and its score: the best of
   * theirs.
   */
  record Merged(int leadIn, List<Integer> introduced, String text, Set<String> terms, double score) {}

  private LeadIns() {}

  /**
   * For each bare lead-in among {@code rows} (a passage's units in order) that introduces a short list
   * ({@link #WHOLE_LIST_CHARS}, two items or more) or scores at least as high as everything it introduces,
   * the point quoting it with them, keyed by the lead-in's row. Where an item of a long list (or the one
   * sentence a lead-in introduces) scores higher, the question matches that item itself, a sentence of
   * guidance, and it stands alone; an item of a short list (a name, an agency) is a fragment of the
   * answer, and the list is quoted whole.
   */
  static Map<Integer, Merged> merged(List<SentenceFeatures.Row> rows, double[] scores) {
    Map<Integer, Merged> out = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      if (!rows.get(i).unit().leadIn()) {
        continue;
      }
      double own = scores[i];
      List<String> texts = rows.get(i).unit().introduces();
      List<Integer> introduced = quoted(rows, i, texts);
      boolean shortList = texts.size() > 1 && isShort(texts);
      if (texts.isEmpty() || !shortList && introduced.stream().anyMatch(j -> scores[j] > own)) {
        continue;
      }
      double score = introduced.stream().mapToDouble(j -> scores[j]).reduce(own, Math::max);
      out.put(i, merge(rows, i, introduced, texts, score));
    }
    return out;
  }

  /**
   * The rows right after row {@code i} in its passage that are among {@code texts}, what it introduces
   * ({@link Sentences.Unit#introduces}): the items long enough to be quotable rows themselves.
   */
  private static List<Integer> quoted(List<SentenceFeatures.Row> rows, int i, List<String> texts) {
    Set<String> introduces = Set.copyOf(texts);
    List<Integer> out = new ArrayList<>();
    for (int j = i + 1; j < rows.size() && follows(rows, j - 1, j)
        && introduces.contains(rows.get(j).unit().text()); j++) {
      out.add(j);
    }
    return out;
  }

  /** Whether row {@code b} is the unit right after row {@code a} in the same passage. */
  private static boolean follows(List<SentenceFeatures.Row> rows, int a, int b) {
    return rows.get(a).source() == rows.get(b).source() && rows.get(b).position() == rows.get(a).position() + 1;
  }

  /** Whether the items, joined, are at most {@link #WHOLE_LIST_CHARS} long. */
  static boolean isShort(List<String> items) {
    return items.stream().mapToInt(String::length).sum()
        + ITEM_SEPARATOR.length() * (items.size() - 1) <= WHOLE_LIST_CHARS;
  }

  private static Merged merge(List<SentenceFeatures.Row> rows, int leadIn, List<Integer> introduced,
      List<String> texts, double score) {
    StringBuilder text = new StringBuilder(rows.get(leadIn).unit().text());
    Set<String> terms = new LinkedHashSet<>(rows.get(leadIn).terms());
    introduced.forEach(j -> terms.addAll(rows.get(j).terms()));
    boolean whole = texts.size() <= MAX_ITEMS || isShort(texts);
    int shown = whole ? texts.size() : MAX_ITEMS;
    for (int k = 0; k < shown; k++) {
      text.append(k == 0 ? " " : ITEM_SEPARATOR).append(texts.get(k));
    }
    if (!whole) {
      text.append(ITEM_SEPARATOR).append('…');
    }
    return new Merged(leadIn, List.copyOf(introduced), text.toString(), terms, score);
  }
}
