package uk.safeguarding.guidance.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import uk.safeguarding.guidance.corpus.DocumentMetadata;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.index.Library;
import uk.safeguarding.guidance.index.LibraryHolder;
import uk.safeguarding.guidance.search.Filters;
import uk.safeguarding.guidance.search.SearchHit;
import uk.safeguarding.guidance.search.SearchRequest;
import uk.safeguarding.guidance.search.SearchService;

/**
 * Answers "what does X stand for" from the library's glossary (built once per index generation),
 * quoting where the library defines or uses the term, and lists the topics the library covers for
 * declines. Thread-safe.
 */
final class GlossaryAnswers {

  /** Topics offered when a question is not covered. */
  static final int TOPICS = 6;

  private final SearchService search;
  private final LibraryHolder holder;
  private final AtomicReference<Cache> cache = new AtomicReference<>();

  private record Cache(String hash, Glossary glossary, List<String> topics) {}

  GlossaryAnswers(SearchService search, LibraryHolder holder) {
    this.search = search;
    this.holder = holder;
  }

  /** The entry for the term the question asks about, if it asks about one the glossary knows. */
  Optional<Glossary.Entry> asked(String question) {
    return Glossary.askedTerm(question).flatMap(cache().glossary()::lookup);
  }

  /**
   * The question as searched when it is nothing but a term the glossary knows ("NAI", "s47?"): the term
   * and what it stands for, since the embedding model does not know the sector's acronyms and a
   * one-word question has nothing else to go on. Empty for any other question.
   */
  Optional<String> spelledOut(String question) {
    String bare = question.strip().replaceAll("[?!.]+$", "").strip();
    if (bare.isEmpty() || bare.contains(" ")) {
      return Optional.empty();
    }
    return cache().glossary().lookup(bare).map(e -> bare + " " + e.expansion());
  }

  /** Topics the library covers, most documented first. */
  List<String> topics() {
    return cache().topics();
  }

  Answer answer(Glossary.Entry entry, String masked, String answerId) {
    List<Answer.Point> points = new ArrayList<>();
    List<Answer.Citation> citations = new ArrayList<>();
    String lead = entry.term() + " stands for " + entry.expansion() + ".";
    if (entry.passage() != null) {
      Passage p = entry.passage();
      try (LibraryHolder.Lease lease = holder.acquire()) {
        DocumentMetadata meta = lease.library().documents().get(p.docId()).metadata();
        String excerpt = Citations.excerpt(p.text(), entry.sentence());
        citations.add(new Answer.Citation(1, p, meta, excerpt,
            search.highlight(excerpt, highlightTerms(entry))));
      }
      points.add(new Answer.Point(entry.sentence(), List.of(1), PointKind.LEARNED, p.id()));
      lead = entry.term() + " stands for " + entry.expansion() + ", as the library itself defines it.";
    } else {
      lead += " (From the library's glossary.)";
      quoteUse(entry, points, citations);
    }
    return Answer.of(answerId, masked, true, lead, points, citations,
        List.of("What does the learning say about " + entry.expansion() + "?"));
  }

  /** Quotes where the library uses the term, spelled out if it can, so the answer points into the documents. */
  private void quoteUse(Glossary.Entry entry, List<Answer.Point> points, List<Answer.Citation> citations) {
    Pattern spelled = Pattern.compile("\\b" + Pattern.quote(entry.expansion()), Pattern.CASE_INSENSITIVE);
    Pattern acronym = Pattern.compile("\\b" + Pattern.quote(entry.term()) + "s?\\b", Pattern.CASE_INSENSITIVE);
    SearchHit bestHit = null;
    String bestUnit = null;
    for (SearchHit hit : search.search(SearchRequest.hitsOnly(entry.term() + " " + entry.expansion(), 10, Filters.NONE))
        .hits()) {
      for (Sentences.Unit u : Sentences.units(hit.passage().text())) {
        boolean full = spelled.matcher(u.text()).find();
        if (u.text().length() >= PointPicker.MIN_UNIT_CHARS && (full || acronym.matcher(u.text()).find())
            && (bestUnit == null || full && !spelled.matcher(bestUnit).find())) {
          bestHit = hit;
          bestUnit = u.text();
        }
      }
      if (bestUnit != null && spelled.matcher(bestUnit).find()) {
        break;
      }
    }
    if (bestHit != null) {
      String excerpt = Citations.excerpt(bestHit.passage().text(), bestUnit);
      citations.add(new Answer.Citation(1, bestHit.passage(), bestHit.document(), excerpt,
          search.highlight(excerpt, highlightTerms(entry))));
      points.add(new Answer.Point(bestUnit, List.of(1), PointKind.LEARNED, bestHit.passage().id()));
    }
  }

  /** The term and its expansion, analysed as a query, for highlighting the quoted passage. */
  private Set<String> highlightTerms(Glossary.Entry entry) {
    return search.queryTerms(entry.term() + " " + entry.expansion()).allTerms();
  }

  private Cache cache() {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      Library library = lease.library();
      Cache cached = cache.get();
      if (cached != null && cached.hash().equals(library.hash())) {
        return cached;
      }
      Cache fresh = new Cache(library.hash(),
          Glossary.build(library.allPassages(), library.analysis().synonymsSource(), library.glossarySource()),
          topics(library));
      cache.set(fresh);
      return fresh;
    }
  }

  private static List<String> topics(Library library) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    library.documents().values().forEach(d -> d.metadata().themes().forEach(t -> counts.merge(t, 1, Integer::sum)));
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(TOPICS).map(e -> Character.toUpperCase(e.getKey().charAt(0)) + e.getKey().substring(1)).toList();
  }
}
