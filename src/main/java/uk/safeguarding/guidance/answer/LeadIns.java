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
 * follows it: the list items after it, or the next sentence. Stateless.
 */
final class LeadIns {

  /**
   * At most this many list items join their lead-in in one point (more are marked "…": the citation's
   * excerpt shows the passage). Lists in the shipped library run to three to six items.
   */
  static final int MAX_ITEMS = 4;
  /** How the items are joined: one point reads as one sentence ("…we mean: focussed on …; not …"). */
  static final String ITEM_SEPARATOR = "; ";

  /** The lead-in row, the rows it introduces, and the point quoting them as one. */
  record Merged(int leadIn, List<Integer> introduced, String text, Set<String> terms) {}

  private LeadIns() {}

  /**
   * For each bare lead-in among {@code rows} (a passage's units in order) that scores at least as high
   * as everything it introduces, the point quoting it with them, keyed by the lead-in's row. Where an
   * item scores higher, the question matches that item itself, and it stands alone as before.
   */
  static Map<Integer, Merged> merged(List<SentenceFeatures.Row> rows, double[] scores) {
    Map<Integer, Merged> out = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      if (!isBare(rows.get(i).unit())) {
        continue;
      }
      double own = scores[i];
      List<Integer> introduced = introduced(rows, i);
      if (introduced.isEmpty() || introduced.stream().anyMatch(j -> scores[j] > own)) {
        continue;
      }
      out.put(i, merge(rows, i, introduced));
    }
    return out;
  }

  /** A sentence introducing what follows ("The review found:"), which says nothing alone. */
  static boolean isBare(Sentences.Unit unit) {
    return unit.text().endsWith(":") && !unit.listItem();
  }

  /** The list items right after row {@code i} in its passage, or else the next sentence (not another lead-in). */
  private static List<Integer> introduced(List<SentenceFeatures.Row> rows, int i) {
    List<Integer> out = new ArrayList<>();
    for (int j = i + 1; j < rows.size() && follows(rows, j - 1, j); j++) {
      if (!rows.get(j).unit().listItem()) {
        if (out.isEmpty() && !isBare(rows.get(j).unit())) {
          out.add(j); // a quotation or sentence the lead-in introduces
        }
        break;
      }
      out.add(j);
    }
    return out;
  }

  /** Whether row {@code b} is the unit right after row {@code a} in the same passage. */
  private static boolean follows(List<SentenceFeatures.Row> rows, int a, int b) {
    return rows.get(a).source() == rows.get(b).source() && rows.get(b).position() == rows.get(a).position() + 1;
  }

  private static Merged merge(List<SentenceFeatures.Row> rows, int leadIn, List<Integer> introduced) {
    StringBuilder text = new StringBuilder(rows.get(leadIn).unit().text());
    Set<String> terms = new LinkedHashSet<>(rows.get(leadIn).terms());
    for (int k = 0; k < introduced.size(); k++) {
      SentenceFeatures.Row r = rows.get(introduced.get(k));
      terms.addAll(r.terms());
      if (k < MAX_ITEMS) {
        text.append(k == 0 ? " " : ITEM_SEPARATOR).append(r.unit().text());
      }
    }
    if (introduced.size() > MAX_ITEMS) {
      text.append(ITEM_SEPARATOR).append('…');
    }
    return new Merged(leadIn, List.copyOf(introduced), text.toString(), terms);
  }
}
