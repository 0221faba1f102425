package uk.safeguarding.guidance.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import uk.safeguarding.guidance.corpus.DocumentMetadata;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.index.Library;
import uk.safeguarding.guidance.search.SearchService;

/**
 * Numbers the sources of the picked points, one per section, and quotes each: the passage, or a window
 * of each quoted passage around the sentence used, with the question's words highlighted.
 */
final class Citations {

  /** Passages longer than this are quoted as a window around the sentence the answer uses. */
  static final int EXCERPT_CHARS = 700;
  /** How much of the passage before the quoted sentence the window keeps. */
  static final int EXCERPT_LEAD_CHARS = 150;
  /** A point not found whole in its passage ({@link LeadIns}) is found by this many characters of its start. */
  static final int QUOTED_PREFIX = 40;

  /** The points, their citations and how many documents they come from. */
  record Quoted(List<Answer.Point> points, List<Answer.Citation> citations, int documents) {}

  private Citations() {}

  static Quoted quote(List<List<PointPicker.Candidate>> picked, Library library, SearchService search,
      Set<String> highlightTerms) {
    // One card per section: points quoting two passages of one long section cite the same number.
    Map<String, Integer> numbers = new LinkedHashMap<>();
    Map<String, Map<String, String>> usedTexts = new HashMap<>(); // section -> passage id -> first quoted text
    List<Answer.Point> points = new ArrayList<>();
    for (List<PointPicker.Candidate> group : picked) {
      List<Integer> refs = new ArrayList<>();
      List<String> quotedFrom = new ArrayList<>();
      for (PointPicker.Candidate c : group) {
        String section = sectionKey(c.passage());
        Integer n = numbers.computeIfAbsent(section, k -> numbers.size() + 1);
        if (!refs.contains(n)) {
          refs.add(n);
        }
        if (!quotedFrom.contains(c.passage().id())) {
          quotedFrom.add(c.passage().id());
        }
        usedTexts.computeIfAbsent(section, k -> new LinkedHashMap<>()).putIfAbsent(c.passage().id(), c.text());
      }
      points.add(new Answer.Point(group.get(0).text(), refs, group.get(0).kind(), quotedFrom));
    }
    List<Answer.Citation> citations = new ArrayList<>();
    Set<String> documents = new HashSet<>();
    for (Map.Entry<String, Integer> e : numbers.entrySet()) {
      Map<String, String> used = usedTexts.get(e.getKey());
      // A passage swapped out by a reindex mid-answer is left out; its points still cite by number.
      List<Passage> passages = used.keySet().stream().map(library::passage).filter(Objects::nonNull)
          .sorted(Comparator.comparingInt(Passage::ordinal)).toList();
      if (passages.isEmpty()) {
        continue;
      }
      Passage first = passages.get(0);
      DocumentMetadata meta = library.documents().get(first.docId()).metadata();
      documents.add(first.docId());
      // Each passage keeps its whole window: the card shows what its passages' own cards showed before.
      String excerpt = passages.stream().map(p -> excerpt(p.text(), used.get(p.id())))
          .collect(Collectors.joining("\n\n"));
      citations.add(new Answer.Citation(e.getValue(), first, passages, meta, excerpt,
          search.highlight(excerpt, highlightTerms)));
    }
    return new Quoted(points, citations, documents.size());
  }

  /** Passages of one document under the same headings are one section: one source card. */
  static String sectionKey(Passage p) {
    return p.docId() + "\n" + p.section();
  }

  /** The passage, or a window of {@link #EXCERPT_CHARS} around the quoted sentence when it is longer. */
  static String excerpt(String text, String quoted) {
    if (text.length() <= EXCERPT_CHARS) {
      return text;
    }
    // A lead-in quoted with its list items is not one run of the passage: its window starts at the lead-in.
    int at = text.indexOf(quoted);
    at = Math.max(0, at >= 0 ? at : text.indexOf(quoted.substring(0, Math.min(quoted.length(), QUOTED_PREFIX))));
    int start = Math.max(0, Math.min(at - EXCERPT_LEAD_CHARS, text.length() - EXCERPT_CHARS));
    int s = start == 0 ? 0 : text.lastIndexOf(' ', start) + 1;
    int end = Math.min(text.length(), s + EXCERPT_CHARS);
    int e = end == text.length() ? end : Math.max(text.lastIndexOf(' ', end), at + quoted.length());
    return (s > 0 ? "… " : "") + text.substring(s, Math.min(text.length(), e)).strip()
        + (e < text.length() ? " …" : "");
  }
}
