package uk.safeguarding.guidance.http;

import java.util.List;
import java.util.Map;
import uk.safeguarding.guidance.corpus.DocumentMetadata;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.corpus.PassageParts;
import uk.safeguarding.guidance.corpus.SourceDocument;
import uk.safeguarding.guidance.search.SearchHit;

/** The JSON shapes of the public API, as records. */
final class Dto {

  private Dto() {}

  static String passageUrl(Passage p) {
    return "/documents/" + p.docId() + "#" + p.anchor();
  }

  record SearchResult(String id, String docId, String title, String section, String text, String snippet,
      float score, String url, String documentType, String organisation, String date) {

    static SearchResult of(SearchHit hit) {
      Passage p = hit.passage();
      DocumentMetadata m = hit.document();
      return new SearchResult(p.id(), p.docId(), m.title(), p.section(), p.text(), hit.snippet(),
          Math.round(hit.score() * 1000f) / 1000f, passageUrl(p), m.documentType(), m.organisation(), m.date());
    }
  }

  record SearchResponse(String query, int total, int limit, int offset, List<SearchResult> results,
      Map<String, Map<String, Integer>> facets) {}

  record DocumentSummary(String id, String title, String organisation, String documentType, String date,
      String year, String period, List<String> themes, String source, int passages, String url) {

    static DocumentSummary of(DocumentMetadata m, int passages) {
      return new DocumentSummary(m.id(), m.title(), m.organisation(), m.documentType(), m.date(), m.year(),
          m.period(), m.themes(), m.source(), passages, "/documents/" + m.id());
    }
  }

  record DocumentList(int total, List<DocumentSummary> documents) {}

  /** Prose, or a table's header labels and cells, so the document view can show a table as one. */
  record PassagePart(String kind, String text, List<String> columns, List<List<String>> rows) {

    static PassagePart of(PassageParts.Part p) {
      return new PassagePart(p.kind(), p.text(), p.columns(), p.rows());
    }
  }

  record PassageView(String id, String anchor, String section, List<String> headingPath, String text, String url,
      List<PassagePart> parts) {

    static PassageView of(Passage p, java.util.Set<String> tableRows) {
      return new PassageView(p.id(), p.anchor(), p.section(), p.headingPath(), p.text(), passageUrl(p),
          PassageParts.of(p.text(), tableRows).stream().map(PassagePart::of).toList());
    }
  }

  record DocumentDetail(String id, String title, String organisation, String documentType, String date,
      String year, String period, List<String> themes, String source, List<PassageView> passages) {

    static DocumentDetail of(SourceDocument doc, List<Passage> passages) {
      DocumentMetadata m = doc.metadata();
      java.util.Set<String> tableRows = PassageParts.tableRows(doc);
      return new DocumentDetail(m.id(), m.title(), m.organisation(), m.documentType(), m.date(), m.year(),
          m.period(), m.themes(), m.source(), passages.stream().map(p -> PassageView.of(p, tableRows)).toList());
    }
  }

  record Skipped(String file, String reason) {}

  /**
   * {@code safetyScreen}: "ready" or "training"; {@code answerModels}: "ready", "training", "failed" or
   * "off" ({@code AskService.answerModels}); {@code screenSkipped} and {@code answerSkipped}: lines of
   * the trainers' example files (urgency-examples.txt, answer-examples.txt) not used, with why.
   */
  record Health(String status, String message, int documents, int passages, int synonymRules,
      String synonymsProblem, List<Skipped> skipped, String safetyScreen, String answerModels,
      List<String> screenSkipped,
      List<String> answerSkipped, SearchEngine searchEngine) {}

  /** {@code name}: "embedded" or "solrcloud"; {@code state}: "ready" or "unavailable" (then /health is 503). */
  record SearchEngine(String name, String state, String detail) {}

  /**
   * One source card: a section of a document. {@code id} and {@code url} name its first quoted passage;
   * {@code passageIds} every passage of the section that the points quote, in document order.
   */
  record CitationView(int n, String id, List<String> passageIds, String docId, String title, String section,
      String excerpt, String highlighted, String url, String organisation, String date, String documentType) {

    static CitationView of(uk.safeguarding.guidance.answer.Answer.Citation c) {
      return new CitationView(c.n(), c.passage().id(), c.passages().stream().map(Passage::id).toList(),
          c.passage().docId(), c.document().title(), c.passage().section(), c.excerpt(), c.highlighted(),
          passageUrl(c.passage()), c.document().organisation(), c.document().date(), c.document().documentType());
    }
  }

  /**
   * {@code kind}: "do" (what to do), "learned" (what a review found) or "background" (from a case, not
   * guidance); {@code passageIds}: the passages the point is quoted from, among its cards' {@code passageIds}.
   */
  record PointView(String text, List<Integer> citations, String kind, List<String> passageIds) {}

  record AnswerView(String conversationId, String answerId, String question, boolean grounded, boolean urgent,
      String urgentMessage, String urgentReason, String answer, List<PointView> points, List<CitationView> citations,
      List<String> suggestions, List<CitationView> closest) {

    static AnswerView of(uk.safeguarding.guidance.answer.Answer a) {
      return new AnswerView(a.conversationId(), a.answerId(), a.question(), a.grounded(), a.urgent(), a.urgentMessage(),
          a.urgentReason(), a.lead(), a.points().stream().map(p -> new PointView(p.text(), p.citations(),
              p.kind().name().toLowerCase(java.util.Locale.ROOT), p.passageIds())).toList(),
          a.citations().stream().map(CitationView::of).toList(), a.suggestions(),
          a.closest().stream().map(CitationView::of).toList());
    }
  }
}
