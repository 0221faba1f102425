package uk.safeguarding.guidance.answer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.safeguarding.guidance.corpus.DocumentMetadata;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.index.Library;
import uk.safeguarding.guidance.search.SearchService;

/**
 * Numbers the sources of the picked points and quotes each: the passage, or a window of it around
 * the quoted sentence, with the question's words highlighted.
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
    Map<String, Integer> numbers = new LinkedHashMap<>();
    List<Answer.Point> points = new ArrayList<>();
    for (List<PointPicker.Candidate> group : picked) {
      List<Integer> refs = new ArrayList<>();
      for (PointPicker.Candidate c : group) {
        refs.add(numbers.computeIfAbsent(c.passage().id(), id -> numbers.size() + 1));
      }
      points.add(new Answer.Point(group.get(0).text(), refs, group.get(0).kind()));
    }
    List<Answer.Citation> citations = new ArrayList<>();
    Set<String> documents = new HashSet<>();
    for (Map.Entry<String, Integer> e : numbers.entrySet()) {
      Passage p = library.passage(e.getKey());
      if (p == null) {
        continue; // swapped out by a reindex mid-answer; its points still cite by number
      }
      DocumentMetadata meta = library.documents().get(p.docId()).metadata();
      documents.add(p.docId());
      String usedText = picked.stream().flatMap(List::stream).filter(c -> c.passage().id().equals(p.id()))
          .map(PointPicker.Candidate::text).findFirst().orElse("");
      String excerpt = excerpt(p.text(), usedText);
      citations.add(new Answer.Citation(e.getValue(), p, meta, excerpt, search.highlight(excerpt, highlightTerms)));
    }
    return new Quoted(points, citations, documents.size());
  }

  /** The passage, or a window of it around the quoted sentence when it is long. */
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
