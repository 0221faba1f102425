package uk.safeguarding.guidance.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import uk.safeguarding.guidance.corpus.ActionSections;
import uk.safeguarding.guidance.corpus.Passage;

/**
 * What the sentence scorer sees of each quotable sentence of the top passages: how close it is to
 * the question (embedding and words) alone and against the best sentence, where its passage ranks
 * and how well that passage answers, and what kind of sentence it is. Stateless.
 *
 * <p>The last two figures are the passage reranker's chance that the sentence's passage answers
 * ({@link Scored#chance}) and how far below the top passage's it is: the rank alone says a passage is
 * second, not whether it is a close second. Added on the four writers' train splits in no example file
 * (bank17–20, 1,823 in scope; BENCHMARKS.md §8, twenty-third session): answered with a relevant citation
 * 1,632 → 1,655, point precision 0.863 → 0.873, answer-sentence recall 0.892 → 0.902, declines unchanged.
 */
final class SentenceFeatures {

  /** The figures, in order. */
  static final List<String> NAMES = List.of("cosine", "overlap", "belowBestCosine", "belowBestOverlap",
      "belowPassageBest", "passageRank", "topPassage", "passageCosine", "passageCoverage", "passageScore", "length",
      "action", "position", "background", "passageChance", "belowTopChance");
  /** Longer sentences count as this long: past it, length says nothing more. */
  static final int LENGTH_CAP = 600;

  /** One quotable sentence of a top passage, with its figures and its vector (null when unknown). */
  record Row(Scored source, int position, Sentences.Unit unit, Set<String> terms, boolean action, PointKind kind,
      double[] figures, float[] vector) {

    /** A row whose sentence's vector is not known. */
    Row(Scored source, int position, Sentences.Unit unit, Set<String> terms, boolean action, PointKind kind,
        double[] figures) {
      this(source, position, unit, terms, action, kind, figures, null);
    }
  }

  /**
   * What the figures read of one quotable sentence whatever the question (its analysed terms and kind),
   * worked out once per passage by {@link PassageFacts}: analysing and classifying every sentence of
   * the top passages on each question was a third of an answer's time in a profile.
   */
  record Quotable(Sentences.Unit unit, Set<String> terms, boolean action, PointKind kind) {}

  private SentenceFeatures() {}

  /** The quotable sentences of {@code p} in text order, analysed by {@code termsOf}. */
  static List<Quotable> quotable(Passage p, Function<String, Set<String>> termsOf) {
    boolean actionPassage = ActionSections.isAction(p);
    List<Quotable> out = new ArrayList<>();
    for (Sentences.Unit unit : Sentences.quotable(p.text())) {
      boolean action = PointPicker.isAction(unit.text());
      out.add(new Quotable(unit, Set.copyOf(termsOf.apply(unit.text())), action,
          PointKind.of(p, unit, action, actionPassage)));
    }
    return List.copyOf(out);
  }

  /** Every quotable sentence of the evidence's top passages, in passage then text order. */
  static List<Row> rows(Evidence e, Function<String, Set<String>> termsOf) {
    return read(e, p -> quotable(p, termsOf));
  }

  /** As {@link #rows}, reading each passage's sentences from {@code sentencesOf} (a cache, when serving). */
  static List<Row> read(Evidence e, Function<Passage, List<Quotable>> sentencesOf) {
    List<List<Row>> byPassage = new ArrayList<>();
    double bestCosine = 0;
    double bestOverlap = 0;
    double topChance = e.scored().isEmpty() ? Double.NaN : e.scored().get(0).chance();
    for (int i = 0; i < e.sentenceCosines().size(); i++) {
      Scored s = e.scored().get(i);
      List<Quotable> units = sentencesOf.apply(s.hit().passage());
      double[] cosines = e.sentenceCosines().get(i);
      List<float[]> vectors = i < e.sentenceVectors().size() ? e.sentenceVectors().get(i) : List.of();
      List<Row> rows = new ArrayList<>();
      for (int j = 0; j < units.size(); j++) {
        Quotable u = units.get(j);
        String text = u.unit().text();
        Set<String> terms = u.terms();
        boolean action = u.action();
        double[] f = new double[NAMES.size()];
        f[0] = cosines[j];
        f[1] = e.terms().coverage(terms);
        f[5] = 1.0 / (1 + i);
        f[6] = i == 0 ? 1 : 0;
        f[7] = s.hit().similarity().orElse(0);
        f[8] = s.coverage();
        f[9] = s.hit().score() / Math.max(1e-6, e.scored().get(0).hit().score());
        f[10] = Math.min(text.length(), LENGTH_CAP) / (double) LENGTH_CAP;
        f[11] = action ? 1 : 0;
        f[12] = j / (double) units.size();
        PointKind kind = u.kind();
        f[13] = kind == PointKind.BACKGROUND ? 1 : 0;
        f[14] = Double.isNaN(s.chance()) ? 0 : s.chance();
        f[15] = Double.isNaN(s.chance()) || Double.isNaN(topChance) ? 0 : topChance - s.chance();
        bestCosine = Math.max(bestCosine, f[0]);
        bestOverlap = Math.max(bestOverlap, f[1]);
        rows.add(new Row(s, j, u.unit(), terms, action, kind, f, j < vectors.size() ? vectors.get(j) : null));
      }
      byPassage.add(rows);
    }
    List<Row> out = new ArrayList<>();
    for (List<Row> rows : byPassage) {
      double passageBest = rows.stream().mapToDouble(r -> r.figures()[0]).max().orElse(0);
      for (Row r : rows) {
        r.figures()[2] = bestCosine - r.figures()[0];
        r.figures()[3] = bestOverlap - r.figures()[1];
        r.figures()[4] = passageBest - r.figures()[0];
        out.add(r);
      }
    }
    return out;
  }
}
