package uk.safeguarding.guidance.answer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import uk.safeguarding.guidance.corpus.DocumentMetadata;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.index.IndexStore;
import uk.safeguarding.guidance.index.Library;
import uk.safeguarding.guidance.index.LibraryHolder;
import uk.safeguarding.guidance.privacy.PersonalData;
import uk.safeguarding.guidance.screen.ScreenService;
import uk.safeguarding.guidance.screen.Verdict;
import uk.safeguarding.guidance.search.QueryTerms;
import uk.safeguarding.guidance.search.SearchHit;
import uk.safeguarding.guidance.search.SearchRequest;
import uk.safeguarding.guidance.search.SearchService;

/**
 * Answers a practitioner's question from the library, extractively: the points are sentences cut
 * from the best passages (preferring what-to-do sentences that share the question's words),
 * near-duplicates merged under all their citations. When no passage covers enough of the
 * question's words, it says so instead of dressing up the nearest excerpt. Thread-safe.
 */
public final class AskService {

  /**
   * BM25-only mode: the share of the question's (IDF-weighted) words a passage must contain to
   * count as an answer. Words the library never uses weigh the most, so "renew my passport" is 0.
   */
  static final double GROUNDED_COVERAGE = 0.5;
  /**
   * Hybrid mode: the best passages answer when cosine + 0.3 × coverage − 0.3 × (share of the
   * question's words the library never uses) reaches this. Calibrated on the in-scope and
   * out-of-scope practitioner questions (BENCHMARKS.md): bge-small puts everyday questions ("book a
   * holiday") near 0.45, topical ones above 0.65; coverage and unknown words separate the rest.
   */
  static final double GROUNDED_SCORE = 0.69;
  static final double COVERAGE_WEIGHT = 0.3;
  static final double UNKNOWN_WEIGHT = 0.3;
  /** How far below the answering threshold a supporting passage (not the best) may score. */
  static final double SUPPORTING_MARGIN = 0.1;
  /** A sentence from a supporting passage must carry this share of the question's weighted words. */
  static final double SUPPORTING_OVERLAP = 0.15;
  /** An acronym the library never uses ("MARAC", "LADO") names a topic it does not cover. */
  private static final Pattern ACRONYM = Pattern.compile("[A-Z][A-Z0-9]{1,6}s?");
  private static final Pattern DIGIT = Pattern.compile("\\d");
  /**
   * A name or a number the library never uses ("Sunderland", "Hobson", "2014", "s31"): the question is
   * about a place, person, Act or section the library does not cover, like an unknown acronym.
   */
  private static final Pattern NAMED = Pattern.compile("[A-Z][a-z]+(?:[-'][A-Za-z]+)*|\\d{2,}");
  static final int MAX_POINTS = 6;
  static final int MAX_PASSAGES = 5;
  static final int EXCERPT_CHARS = 700;

  private static final Pattern FOLLOW_UP = Pattern.compile(
      "^(and|but|also|or|so|then|what about|how about|what if|and if|and what|what else|same for|is that|does that|"
          + "do they|does it|is it|are they|can they|should they|should i also)\\b.*", Pattern.CASE_INSENSITIVE);
  private static final Pattern PRONOUN = Pattern.compile("\\b(they|them|their|it|this|that|these|those|he|she|him|her)\\b",
      Pattern.CASE_INSENSITIVE);
  /** A sentence that tells the reader what to do: a modal ("should", "must") or an imperative opening. */
  private static final Pattern ACTION = Pattern.compile(
      "\\b(should|must|ensure|need to|needs to|make sure|always|don'?t|do not|never|be aware|remember|remain vigilant)\\b"
          + "|^(Use|Record|Share|Contact|Liaise|Work with|Challenge|Escalate|Gather|Get|Think|Read|Ask|Check|Refer|Make|"
          + "Consider|Seek|Speak|Talk|Report|Keep|Follow|Include|Involve)\\b");

  private final SearchService search;
  private final LibraryHolder holder;
  private final Conversations conversations;
  private final AnswerLog log;
  private final ScreenService screen;
  private final AtomicReference<GlossaryCache> glossary = new AtomicReference<>();

  private record GlossaryCache(String hash, Glossary glossary, List<String> topics) {}

  public AskService(SearchService search, LibraryHolder holder, Conversations conversations, AnswerLog log,
      ScreenService screen) {
    this.search = search;
    this.screen = screen;
    this.holder = holder;
    this.conversations = conversations;
    this.log = log;
  }

  public Answer ask(AskRequest request) {
    String masked = PersonalData.mask(request.question());
    // Screened and searched masked: the query-embedding cache then never holds a child's name or date
    // of birth, and the screen's embedding is the one the search reuses.
    String question = masked.length() > SearchRequest.MAX_QUERY_CHARS
        ? masked.substring(0, SearchRequest.MAX_QUERY_CHARS) : masked;
    Verdict verdict = screen.assess(question);
    boolean urgent = verdict.urgent();
    List<Conversations.Turn> history = conversations.turns(request.conversationId());
    String answerId = UUID.randomUUID().toString();
    GlossaryCache glossaryCache = glossary();

    Optional<Glossary.Entry> term = Glossary.askedTerm(request.question()).flatMap(glossaryCache.glossary()::lookup);
    if (term.isPresent()) {
      Answer a = glossaryAnswer(term.get(), masked, answerId);
      return remember(a.withUrgency(urgent, verdict.reason()), request.conversationId(), masked, masked);
    }

    // Searched with typing slips put right ("asessment"): an unknown word would otherwise sink the answer.
    String searched = search.correctSpelling(question);
    QueryTerms terms = search.queryTerms(searched);
    String context = isFollowUp(question, terms, history) ? history.get(history.size() - 1).query() : null;
    String query = context == null ? searched : searched + " " + context;
    List<Scored> scored = score(search.search(new SearchRequest(searched, 8, 0, request.filters()), context).hits(), terms);
    double best = bestCoverage(scored);
    boolean grounded = grounded(terms, scored, best);
    if (!grounded && urgent) {
      // A child in danger now: whatever the library says about emergencies matters more than the exact words.
      Answer emergency = urgentGuidance(request, masked, answerId);
      if (emergency != null) {
        log.unanswered(masked, verdict.reason());
        return remember(emergency.withUrgency(true, verdict.reason()), request.conversationId(), masked, masked);
      }
    }
    if (!grounded) {
      log.unanswered(masked, verdict.reason());
      String lead = urgent
          ? "The guidance library does not cover this situation directly, so there is nothing to quote. Act on the "
              + "advice above first."
          : Urgency.DECLINE_PROMPT + " The guidance library does not cover this question, so there is nothing to "
              + "quote. Try different words, or one of the topics it does cover.";
      Answer a = Answer.of(answerId, masked, false, lead, List.of(), List.of(), glossaryCache.topics());
      return remember(a.withUrgency(urgent, verdict.reason()), request.conversationId(), masked,
          context == null ? masked : context);
    }
    Answer a = compose(request, masked, answerId, terms, scored, best, false);
    return remember(a.withUrgency(urgent, verdict.reason()), request.conversationId(), masked, query);
  }

  /** What the library says about safeguarding emergencies, for an urgent question it does not cover as asked. */
  static final String EMERGENCY_QUERY = "safeguarding emergency out of hours urgent contact";

  private Answer urgentGuidance(AskRequest request, String masked, String answerId) {
    QueryTerms terms = search.queryTerms(EMERGENCY_QUERY);
    List<Scored> scored = score(search.search(new SearchRequest(EMERGENCY_QUERY, 8, 0, request.filters())).hits(), terms);
    double best = bestCoverage(scored);
    if (scored.isEmpty() || best < 0.5) {
      return null;
    }
    Answer a = compose(request, masked, answerId, terms, scored.subList(0, Math.min(2, scored.size())), best, true);
    if (a.points().isEmpty()) {
      return null;
    }
    // Not grounded: the points answer "what to do in an emergency", not the question asked. Clients that
    // count declines (grounded false) count this one too; the page shows the points because it is urgent.
    return Answer.of(answerId, masked, false,
        "The library does not cover this situation directly. Here is what it says to do in a safeguarding "
            + "emergency, quoted from " + plural(a.citations().size(), "passage") + ".",
        a.points(), a.citations(), a.suggestions());
  }

  /** Whether the best passages answer the question, rather than merely sharing a word with it. */
  static boolean grounded(QueryTerms terms, List<Scored> scored, double bestCoverage) {
    if (terms.words().stream().noneMatch(QueryTerms.Word::known)) {
      return false;
    }
    // Chosen on the question bank's train split: +4 of 110 out-of-scope declined, -2 of 277 in scope (BENCHMARKS.md).
    boolean unknownAcronym = terms.words().stream().anyMatch(w -> !w.known() && (ACRONYM.matcher(w.word()).matches()
        || NAMED.matcher(w.word()).matches()));
    if (unknownAcronym && bestCoverage < 0.8) {
      return false;
    }
    double cosine = scored.stream().limit(3).mapToDouble(s -> s.hit().cosine()).filter(c -> !Double.isNaN(c))
        .max().orElse(Double.NaN);
    if (Double.isNaN(cosine)) {
      return bestCoverage >= GROUNDED_COVERAGE;
    }
    // The best similarity and the best coverage among the top three, which may be different passages.
    return cosine + COVERAGE_WEIGHT * bestCoverage - UNKNOWN_WEIGHT * unknownShare(terms) >= GROUNDED_SCORE;
  }

  /**
   * Whether one passage answers the question, within {@code margin} of the threshold: by embedding
   * similarity, coverage and unknown words in hybrid mode, by coverage alone without embeddings.
   */
  static boolean answers(QueryTerms terms, Scored s, double margin) {
    double cosine = s.hit().cosine();
    if (Double.isNaN(cosine)) {
      return s.coverage() >= GROUNDED_COVERAGE - margin;
    }
    return cosine + COVERAGE_WEIGHT * s.coverage() - UNKNOWN_WEIGHT * unknownShare(terms) >= GROUNDED_SCORE - margin;
  }

  /**
   * The share of the question's words the library never uses, leaving out text-speak ("b", "2", "wen",
   * "no1"): words of three letters or fewer or with a digit say nothing about the topic. Chosen on the
   * question bank's train split: +5 of 277 in scope answered, -1 of 110 out of scope declined.
   */
  private static double unknownShare(QueryTerms terms) {
    return terms.words().stream().filter(w -> !w.known() && w.word().length() > 3 && !DIGIT.matcher(w.word()).find())
        .count() / (double) terms.words().size();
  }

  /** Checks a rating refers to an answer still in memory, then records it. */
  public boolean rate(String conversationId, String answerId, boolean up, String reason) {
    Optional<Conversations.Turn> turn = conversations.answer(conversationId, answerId);
    turn.ifPresent(t -> log.rated(answerId, t.question(), t.grounded(), up, PersonalData.mask(reason)));
    return turn.isPresent();
  }

  record Scored(SearchHit hit, int rank, double coverage) {}

  /** The best coverage among the top three passages: the answer may stand on any of them. */
  private static double bestCoverage(List<Scored> scored) {
    return scored.stream().limit(3).mapToDouble(Scored::coverage).max().orElse(0);
  }

  /** Each hit with its rank and the share of the question's words its text and headings contain. */
  private List<Scored> score(List<SearchHit> hits, QueryTerms terms) {
    List<Scored> scored = new ArrayList<>();
    for (int i = 0; i < hits.size(); i++) {
      SearchHit h = hits.get(i);
      Set<String> passageTerms = search.termsOf(h.passage().text() + "\n" + String.join(" ", h.passage().subPath()));
      scored.add(new Scored(h, i, terms.coverage(passageTerms)));
    }
    return scored;
  }

  private record Candidate(String text, Passage passage, int rank, int position, double score, Set<String> terms) {}

  /** The answer from the scored passages; {@code actionsOnly} keeps only what-to-do sentences. */
  private Answer compose(AskRequest request, String masked, String answerId, QueryTerms terms,
      List<Scored> scored, double best, boolean actionsOnly) {
    float topScore = scored.get(0).hit().score();
    List<Candidate> candidates = new ArrayList<>();
    int used = 0;
    for (Scored s : scored) {
      if (used == MAX_PASSAGES) {
        break;
      }
      if (s.rank() > 0 && (s.hit().score() < 0.35f * topScore || s.coverage() < 0.5 * best
          || !actionsOnly && !answers(terms, s, SUPPORTING_MARGIN))) {
        continue; // the best passage leads; others join only if they too answer the question
      }
      used++;
      Passage p = s.hit().passage();
      boolean actionPassage = "action".equals(IndexStore.kind(p));
      List<Sentences.Unit> units = Sentences.units(p.text());
      for (int i = 0; i < units.size(); i++) {
        String text = units.get(i).text();
        if (text.length() < 25 || text.endsWith(":") && !units.get(i).listItem()) {
          continue; // a heading-like fragment or a bare lead-in says nothing alone
        }
        Set<String> unitTerms = search.termsOf(text);
        double overlap = terms.coverage(unitTerms);
        boolean action = ACTION.matcher(text).find();
        boolean enough = s.rank() == 0 ? overlap > 0 || actionPassage && action : overlap >= SUPPORTING_OVERLAP;
        if (!enough || actionsOnly && !action) {
          continue;
        }
        double score = 2.0 * overlap + (action ? 0.7 : 0) + (actionPassage ? 0.6 : 0) + 0.6 / (1 + s.rank())
            + 0.5 * s.coverage() - (text.length() > 450 ? 0.4 : 0);
        candidates.add(new Candidate(text, p, s.rank(), i, score, unitTerms));
      }
    }
    candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
        .thenComparing(c -> c.passage().id()).thenComparingInt(Candidate::position));

    // Pick the best sentences, at most two per passage, merging near-duplicates across documents.
    List<List<Candidate>> picked = new ArrayList<>();
    Map<String, Integer> perPassage = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      if (picked.size() == MAX_POINTS) {
        break;
      }
      List<Candidate> same = picked.stream().filter(g -> similar(g.get(0).terms(), c.terms())).findFirst().orElse(null);
      if (same != null) {
        if (same.stream().noneMatch(o -> o.passage().docId().equals(c.passage().docId()))) {
          same.add(c);
        }
        continue;
      }
      if (perPassage.getOrDefault(c.passage().id(), 0) >= 2) {
        continue;
      }
      perPassage.merge(c.passage().id(), 1, Integer::sum);
      List<Candidate> group = new ArrayList<>();
      group.add(c);
      picked.add(group);
    }
    // Read in the order of the sources: best passage first, then position within it.
    picked.sort(Comparator.comparingInt((List<Candidate> g) -> g.get(0).rank()).thenComparingInt(g -> g.get(0).position()));

    Map<String, Integer> numbers = new LinkedHashMap<>();
    List<Answer.Point> points = new ArrayList<>();
    for (List<Candidate> group : picked) {
      List<Integer> refs = new ArrayList<>();
      for (Candidate c : group) {
        refs.add(numbers.computeIfAbsent(c.passage().id(), id -> numbers.size() + 1));
      }
      points.add(new Answer.Point(group.get(0).text(), refs));
    }
    Set<String> highlightTerms = terms.allTerms();
    List<Answer.Citation> citations = new ArrayList<>();
    Set<String> documents = new HashSet<>();
    try (LibraryHolder.Lease lease = holder.acquire()) {
      Library library = lease.library();
      for (Map.Entry<String, Integer> e : numbers.entrySet()) {
        Passage p = library.passage(e.getKey());
        if (p == null) {
          continue; // swapped out by a reindex mid-answer; its points still cite by number
        }
        DocumentMetadata meta = library.documents().get(p.docId()).metadata();
        documents.add(p.docId());
        String usedText = picked.stream().flatMap(List::stream).filter(c -> c.passage().id().equals(p.id()))
            .map(Candidate::text).findFirst().orElse("");
        String excerpt = excerpt(p.text(), usedText);
        citations.add(new Answer.Citation(e.getValue(), p, meta, excerpt, search.highlight(excerpt, highlightTerms)));
      }
    }
    String lead = "Here " + (points.size() == 1 ? "is 1 point" : "are " + points.size() + " points")
        + " from the library, drawn from " + plural(citations.size(), "passage") + " in "
        + plural(documents.size(), "document") + ". Each is quoted from the source it cites.";
    List<String> related = scored.stream().skip(3).map(s -> lastHeading(s.hit().passage()))
        .filter(h -> !h.isBlank()).distinct().limit(3).toList();
    return Answer.of(answerId, masked, true, lead, points, citations, related);
  }

  private Answer glossaryAnswer(Glossary.Entry entry, String masked, String answerId) {
    List<Answer.Point> points = new ArrayList<>();
    List<Answer.Citation> citations = new ArrayList<>();
    String lead = entry.term() + " stands for " + entry.expansion() + ".";
    if (entry.passage() != null) {
      Passage p = entry.passage();
      try (LibraryHolder.Lease lease = holder.acquire()) {
        DocumentMetadata meta = lease.library().documents().get(p.docId()).metadata();
        String excerpt = excerpt(p.text(), entry.sentence());
        citations.add(new Answer.Citation(1, p, meta, excerpt,
            search.highlight(excerpt, search.queryTerms(entry.term() + " " + entry.expansion()).allTerms())));
      }
      points.add(new Answer.Point(entry.sentence(), List.of(1)));
      lead = entry.term() + " stands for " + entry.expansion() + ", as the library itself defines it.";
    } else {
      lead += " (From the library's glossary.)";
      // Quote where the library uses the term, spelled out if it can, so the answer points into the documents.
      Pattern spelled = Pattern.compile("\\b" + Pattern.quote(entry.expansion()), Pattern.CASE_INSENSITIVE);
      Pattern acronym = Pattern.compile("\\b" + Pattern.quote(entry.term()) + "s?\\b", Pattern.CASE_INSENSITIVE);
      SearchHit bestHit = null;
      String bestUnit = null;
      for (SearchHit hit : search.search(SearchRequest.of(entry.term() + " " + entry.expansion(), 10)).hits()) {
        for (Sentences.Unit u : Sentences.units(hit.passage().text())) {
          boolean full = spelled.matcher(u.text()).find();
          if (u.text().length() >= 25 && (full || acronym.matcher(u.text()).find())
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
        String excerpt = excerpt(bestHit.passage().text(), bestUnit);
        citations.add(new Answer.Citation(1, bestHit.passage(), bestHit.document(), excerpt,
            search.highlight(excerpt, search.queryTerms(entry.term() + " " + entry.expansion()).allTerms())));
        points.add(new Answer.Point(bestUnit, List.of(1)));
      }
    }
    return Answer.of(answerId, masked, true, lead, points, citations,
        List.of("What does the learning say about " + entry.expansion() + "?"));
  }

  private Answer remember(Answer a, String conversationId, String masked, String query) {
    String id = conversations.add(conversationId,
        new Conversations.Turn(a.answerId(), masked, query, a.grounded(), Instant.now()));
    return a.withConversation(id);
  }

  /** A question that leans on the previous turn: opens with "and"/"what about", or says little alone. */
  static boolean isFollowUp(String question, QueryTerms terms, List<Conversations.Turn> history) {
    if (history.isEmpty()) {
      return false;
    }
    String q = question.strip();
    return FOLLOW_UP.matcher(q).matches() || terms.words().size() <= 1
        || PRONOUN.matcher(q).find() && terms.words().size() <= 3;
  }

  private static boolean similar(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    Set<String> inter = new HashSet<>(a);
    inter.retainAll(b);
    Set<String> union = new LinkedHashSet<>(a);
    union.addAll(b);
    return (double) inter.size() / union.size() >= 0.6;
  }

  /** The passage, or a window of it around the quoted sentence when it is long. */
  static String excerpt(String text, String quoted) {
    if (text.length() <= EXCERPT_CHARS) {
      return text;
    }
    int at = Math.max(0, text.indexOf(quoted));
    int start = Math.max(0, Math.min(at - 150, text.length() - EXCERPT_CHARS));
    int s = start == 0 ? 0 : text.lastIndexOf(' ', start) + 1;
    int end = Math.min(text.length(), s + EXCERPT_CHARS);
    int e = end == text.length() ? end : Math.max(text.lastIndexOf(' ', end), at + quoted.length());
    return (s > 0 ? "… " : "") + text.substring(s, Math.min(text.length(), e)).strip() + (e < text.length() ? " …" : "");
  }

  /** The most specific heading that names a topic ("Theme 6: …" rather than "What should you do?"). */
  private static String lastHeading(Passage p) {
    List<String> path = p.subPath();
    for (int i = path.size() - 1; i >= 0; i--) {
      String h = path.get(i);
      if (!h.toLowerCase(Locale.ROOT).matches("(what (you should|should you|we have|did we|to) (do|learn(ed|t)?)|"
          + "recommendations?|background|introduction|summary|key (learning|messages|findings))\\??")) {
        return h;
      }
    }
    return "";
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  private GlossaryCache glossary() {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      Library library = lease.library();
      GlossaryCache cached = glossary.get();
      if (cached != null && cached.hash().equals(library.hash())) {
        return cached;
      }
      GlossaryCache fresh = new GlossaryCache(library.hash(),
          Glossary.build(library.allPassages(), library.analysis().synonymsSource(), library.glossarySource()),
          topics(library));
      glossary.set(fresh);
      return fresh;
    }
  }

  /** Topics the library covers, most documented first, to offer when a question is not covered. */
  private static List<String> topics(Library library) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    library.documents().values().forEach(d -> d.metadata().themes().forEach(t -> counts.merge(t, 1, Integer::sum)));
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(6).map(e -> Character.toUpperCase(e.getKey().charAt(0)) + e.getKey().substring(1)).toList();
  }
}
