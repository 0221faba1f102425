package uk.safeguarding.guidance.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import uk.safeguarding.guidance.corpus.ActionSections;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.search.QueryTerms;

/**
 * Chooses the sentences an answer quotes: from the best passage and any supporting passage that
 * also answers, the sentences that share the question's words, preferring what-to-do sentences and
 * sections; at most two per passage; near-duplicates merged under all their sources. Stateless.
 */
final class PointPicker {

  static final int MAX_POINTS = 6;
  /**
   * With learned sentence scores ({@link #pickLearned}): at most this many points; the leading
   * passage gives its sentences scoring {@code LEAD_SHARE} of the best, every other passage at most
   * {@code OTHER_POINTS} sentence scoring {@code OTHER_SHARE} of it (it stays cited: it may be the one
   * that answers). Chosen on the question bank's train split from eleven settings (BENCHMARKS.md §8):
   * against the hand-set weights, answered 217 → 221 of 277, point precision 0.48 → 0.58,
   * answer-sentence recall 0.74 → 0.77. Set again once the passages were reranked
   * ({@link PassageRanker}), from seven settings on train: five points and 0.15 (answered 223, precision
   * 0.649, sentence recall 0.781) against six and 0.1 (227, 0.601, 0.796); 0.25 or 0.4 reached
   * precision 0.69–0.71 but answered 7–12 fewer, and no point from other passages 0.73 but 24 fewer.
   * Set again (2026-12-05) once the reranker weighed the embedding's dimensions ({@link
   * PassageRanker#VECTOR_WEIGHT}): its leading passage is right more often and its sentences score
   * higher, so 0.15 quoted other passages less (answered 747 of the four writers' 964 train questions,
   * precision 0.753, sentence recall 0.803). 0.07 answered 792 (0.667, 0.845); 0.05 800 (0.628, 0.851);
   * 0.1 771 (0.713, 0.827); six points or a higher lead share changed little.
   * Lead share set to 0.1 (2026-12-07, twenty-fifth session) once the sentence scorer read the vectors'
   * products ({@link SentenceScorer}) and puts the answering sentence first more often: hand grading had
   * found sentences near the answer that do not answer the commonest fault. On the seventeenth to
   * twenty-first writers' train splits (in no example file; 2,201 answered questions with an answering
   * sentence on record), answering sentences quoted 2,035 / 2,034 / 2,028 / 2,024 at lead shares 0.05 /
   * 0.1 / 0.15 / 0.2, points per answer 2.64 / 2.41 / 2.23 / 2.09.
   */
  static final int LEARNED_POINTS = 5;
  static final double LEAD_SHARE = 0.1;
  static final double OTHER_SHARE = 0.07;
  static final int OTHER_POINTS = 1;
  static final int MAX_PASSAGES = 5;
  /** A supporting passage must score at least this share of the best passage's search score. */
  static final float SUPPORTING_SCORE_SHARE = 0.35f;
  /** … and carry at least this share of the best passage's coverage of the question. */
  static final double SUPPORTING_COVERAGE_SHARE = 0.5;
  /** How far below the answering threshold a supporting passage (not the best) may score. */
  static final double SUPPORTING_MARGIN = 0.1;
  /**
   * A supporting passage that answers clearly less well than the best one (its answer score,
   * {@link Grounding#answerScore}, more than this below the best of the top three) gives at most
   * {@link #FAR_SUPPORTING_POINTS} point: it stays cited (it may be the one that answers) without
   * filling the answer with its sentences. Chosen on the question bank's train split: point
   * precision 0.42 → 0.50, answer-sentence recall 0.78 → 0.81, 1 fewer of 277 answered; dropping such
   * passages altogether (precision 0.57) lost answers whose answering passage ranked below the best.
   */
  static final double SUPPORTING_ANSWER_GAP = 0.1;
  static final int FAR_SUPPORTING_POINTS = 1;
  /** A sentence from a supporting passage must carry this share of the question's weighted words. */
  static final double SUPPORTING_OVERLAP = 0.15;
  /** Shorter units are heading-like fragments that say nothing alone. */
  static final int MIN_UNIT_CHARS = Sentences.MIN_QUOTABLE_CHARS;
  /**
   * At most this many points from one passage, so one long section does not crowd out the rest.
   * Chosen with {@link #SUPPORTING_ANSWER_GAP} on the train split: with 2, the best passage's second
   * answering sentence was often crowded out by weaker passages' sentences.
   */
  static final int MAX_PER_PASSAGE = 3;
  /** Two sentences sharing this share of their terms (Jaccard) say the same thing: one point, two sources. */
  static final double DUPLICATE_JACCARD = 0.6;

  /**
   * How a sentence is ranked: its overlap with the question counts most; a what-to-do sentence, a
   * what-to-do section, the passage's rank and its coverage add; a very long sentence reads badly as
   * a point. Set by hand on the train split of the question bank; the weights keep the best
   * passage's sentences first unless a supporting one matches the question much better.
   */
  static final double W_OVERLAP = 2.0;
  static final double W_ACTION_SENTENCE = 0.7;
  static final double W_ACTION_PASSAGE = 0.6;
  static final double W_RANK = 0.6;
  static final double W_COVERAGE = 0.5;
  static final int LONG_SENTENCE_CHARS = 450;
  /**
   * Background from a case is quoted only when it matches the question clearly better than the
   * guidance around it: about a quarter of a full overlap. (Measured on the train split: +1 answered
   * of 277; precision and sentence recall within 0.005. Citing only one passage per section was tried
   * and dropped: 5 fewer answered, because a section's answering chunk is not always its best-ranked.)
   */
  static final double BACKGROUND_PENALTY = 0.5;
  static final double LONG_SENTENCE_PENALTY = 0.4;

  /** A sentence that tells the reader what to do: a modal ("should", "must") or an imperative opening. */
  private static final Pattern ACTION = Pattern.compile(
      "\\b(should|must|ensure|need to|needs to|make sure|always|don'?t|do not|never|be aware|remember|remain vigilant)\\b"
          + "|^(Use|Record|Share|Contact|Liaise|Work with|Challenge|Escalate|Gather|Get|Think|Read|Ask|Check|Refer|Make|"
          + "Consider|Seek|Speak|Talk|Report|Keep|Follow|Include|Involve)\\b");

  /** Whether a sentence tells the reader what to do. */
  static boolean isAction(String text) {
    return ACTION.matcher(text).find();
  }

  /** One quotable sentence of a passage and its score for this question. */
  record Candidate(String text, Passage passage, int rank, int position, double score, Set<String> terms,
      int allowed, PointKind kind) {}

  private PointPicker() {}

  /**
   * The points, each a group of near-duplicate sentences (the first is quoted), grouped by kind (the best
   * point's kind first); within a kind the best-scoring point first, then the order of the sources: best
   * passage first, then position within it. {@code
   * actionsOnly} keeps only what-to-do sentences; {@code termsOf} analyses text as the index does.
   */
  static List<List<Candidate>> pick(QueryTerms terms, List<Scored> scored, boolean actionsOnly,
      Function<String, Set<String>> termsOf) {
    return group(candidates(terms, scored, actionsOnly, termsOf), MAX_POINTS);
  }

  /**
   * The points by learned sentence scores ({@code scores[i]} for {@code rows[i]}): the best sentence's
   * passage leads and gives the sentences scoring {@link #LEAD_SHARE} of the best; another passage
   * gives at most {@link #OTHER_POINTS} sentence scoring {@link #OTHER_SHARE} of it (it may be the one
   * that answers, but most often it only shares words).
   */
  static List<List<Candidate>> pickLearned(List<SentenceFeatures.Row> rows, double[] scores) {
    double best = java.util.Arrays.stream(scores).max().orElse(0);
    String lead = null;
    for (int i = 0; i < rows.size(); i++) {
      if (scores[i] == best) {
        lead = rows.get(i).source().hit().passage().id();
        break;
      }
    }
    // A lead-in the question matches best is quoted with what it introduces, which is then not quoted again.
    Map<Integer, LeadIns.Merged> merged = LeadIns.merged(rows, scores);
    Set<Integer> introduced = new HashSet<>();
    merged.values().forEach(m -> introduced.addAll(m.introduced()));
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      SentenceFeatures.Row r = rows.get(i);
      Scored s = r.source();
      boolean leading = s.hit().passage().id().equals(lead);
      LeadIns.Merged m = merged.get(i);
      double score = m == null ? scores[i] : m.score();
      if (score < (leading ? LEAD_SHARE : OTHER_SHARE) * best || introduced.contains(i)
          || m == null && r.unit().leadIn()) {
        continue; // rows are quotable units already: only a bare lead-in is left to drop
      }
      candidates.add(new Candidate(m == null ? r.unit().text() : m.text(), s.hit().passage(), s.rank(), r.position(),
          score, m == null ? r.terms() : m.terms(), leading ? MAX_PER_PASSAGE : OTHER_POINTS, r.kind()));
    }
    candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
        .thenComparing(c -> c.passage().id()).thenComparingInt(Candidate::position));
    return group(candidates, LEARNED_POINTS);
  }

  /**
   * The best passage's first quotable sentences, in order: for a question judged answerable whose
   * words none of the passage's sentences share (its heading does: "SUDI" and a section of three
   * bullets under "Sudden Unexpected Death in Infancy (SUDI) Review"), so the answer is never empty.
   */
  static List<List<Candidate>> leading(List<Scored> scored) {
    if (scored.isEmpty()) {
      return List.of();
    }
    Passage p = scored.get(0).hit().passage();
    boolean actionPassage = ActionSections.isAction(p);
    List<Candidate> candidates = new ArrayList<>();
    List<Sentences.Unit> units = Sentences.units(p.text());
    for (int i = 0; i < units.size(); i++) {
      String text = units.get(i).text();
      if (saysSomething(units.get(i))) {
        boolean action = isAction(text);
        candidates.add(new Candidate(text, p, 0, i, -i, Set.of(), MAX_PER_PASSAGE,
            PointKind.of(p, units.get(i), action, actionPassage)));
      }
    }
    return group(candidates, MAX_PER_PASSAGE);
  }

  /** Whether a unit can stand as a point: not a heading-like fragment, nor a bare lead-in. */
  private static boolean saysSomething(Sentences.Unit unit) {
    return unit.text().length() >= MIN_UNIT_CHARS && !unit.leadIn();
  }

  /** Near-duplicates merged under all their sources, at most {@code max} points, grouped by kind. */
  private static List<List<Candidate>> group(List<Candidate> candidates, int max) {
    List<List<Candidate>> picked = new ArrayList<>();
    Map<String, Integer> perPassage = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      if (picked.size() == max) {
        break;
      }
      List<Candidate> same = picked.stream().filter(g -> similar(g.get(0).terms(), c.terms())).findFirst().orElse(null);
      if (same != null) {
        if (same.stream().noneMatch(o -> o.passage().docId().equals(c.passage().docId()))) {
          same.add(c);
        }
        continue;
      }
      if (perPassage.getOrDefault(c.passage().id(), 0) >= c.allowed()) {
        continue;
      }
      perPassage.merge(c.passage().id(), 1, Integer::sum);
      List<Candidate> group = new ArrayList<>();
      group.add(c);
      picked.add(group);
    }
    // Grouped by kind, the best-scoring point's kind first, then what to do, what was learned, background;
    // within its kind the best point leads, so the sentence that answers is read first ("…their too frequent
    // absence from assessments" for "dad not in the assessment", not the sentence above it; "the importance
    // of timely completion of parenting assessments" for "parenting assessment delays", not a what-to-do
    // sentence on another point); the rest follow in the order of the sources, so a list of steps still
    // reads in order.
    List<Candidate> best = picked.isEmpty() ? null : picked.get(0);
    PointKind lead = best == null ? null : best.get(0).kind();
    picked.sort(Comparator.comparingInt((List<Candidate> g) -> g.get(0).kind() == lead ? -1 : g.get(0).kind().ordinal())
        .thenComparingInt(g -> g == best ? 0 : 1).thenComparingInt(g -> g.get(0).rank())
        .thenComparingInt(g -> g.get(0).position()));
    return picked;
  }

  private static List<Candidate> candidates(QueryTerms terms, List<Scored> scored, boolean actionsOnly,
      Function<String, Set<String>> termsOf) {
    double best = Grounding.bestCoverage(scored);
    double bestAnswer = scored.stream().limit(Grounding.TOP).mapToDouble(Grounding::answerScore).max().orElse(0);
    float topScore = scored.get(0).hit().score();
    List<Candidate> candidates = new ArrayList<>();
    int used = 0;
    for (Scored s : scored) {
      if (used == MAX_PASSAGES) {
        break;
      }
      if (s.rank() > 0 && (s.hit().score() < SUPPORTING_SCORE_SHARE * topScore
          || s.coverage() < SUPPORTING_COVERAGE_SHARE * best
          || !actionsOnly && !Grounding.answers(terms, s, SUPPORTING_MARGIN))) {
        continue; // the best passage leads; others join only if they too answer the question
      }
      used++;
      Passage p = s.hit().passage();
      int allowed = s.rank() > 0 && !actionsOnly && Grounding.answerScore(s) < bestAnswer - SUPPORTING_ANSWER_GAP
          ? FAR_SUPPORTING_POINTS
          : MAX_PER_PASSAGE;
      boolean actionPassage = ActionSections.isAction(p);
      List<Sentences.Unit> units = Sentences.units(p.text());
      for (int i = 0; i < units.size(); i++) {
        String text = units.get(i).text();
        if (!saysSomething(units.get(i))) {
          continue;
        }
        Set<String> unitTerms = termsOf.apply(text);
        double overlap = terms.coverage(unitTerms);
        boolean action = ACTION.matcher(text).find();
        boolean enough = s.rank() == 0 ? overlap > 0 || actionPassage && action : overlap >= SUPPORTING_OVERLAP;
        if (!enough || actionsOnly && !action) {
          continue;
        }
        PointKind kind = PointKind.of(p, units.get(i), action, actionPassage);
        double score = (kind == PointKind.BACKGROUND ? -BACKGROUND_PENALTY : 0) + W_OVERLAP * overlap
            + (action ? W_ACTION_SENTENCE : 0) + (actionPassage ? W_ACTION_PASSAGE : 0)
            + W_RANK / (1 + s.rank()) + W_COVERAGE * s.coverage()
            - (text.length() > LONG_SENTENCE_CHARS ? LONG_SENTENCE_PENALTY : 0);
        candidates.add(new Candidate(text, p, s.rank(), i, score, unitTerms, allowed, kind));
      }
    }
    candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
        .thenComparing(c -> c.passage().id()).thenComparingInt(Candidate::position));
    return candidates;
  }

  private static boolean similar(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    Set<String> inter = new HashSet<>(a);
    inter.retainAll(b);
    Set<String> union = new LinkedHashSet<>(a);
    union.addAll(b);
    return (double) inter.size() / union.size() >= DUPLICATE_JACCARD;
  }
}
