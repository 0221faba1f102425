package uk.safeguarding.guidance.answer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import uk.safeguarding.guidance.ops.CheckedFile;
import uk.safeguarding.guidance.search.SearchHit;

/**
 * Reorders the passages a search found by how likely each is to answer the question: a logistic
 * regression over eight figures of each candidate, learned from the labelled examples' answer
 * phrases ({@link AnswerableExamples}). What it adds to the fused ranking is the sentence: a long
 * passage whose one answering sentence is close to the question is diluted in the passage's own
 * embedding, and the best sentence's cosine brings it back up. Chosen on the train split only by
 * 5-fold cross-validation ({@code tools/rerank-cv}): the answering passage in the top five 0.841 →
 * 0.899 of 277 train questions, MRR@10 0.731 → 0.805; adding BM25's own rank, heading embeddings,
 * section kind or length moved neither by more than 0.015. Two more figures remember the examples
 * ({@link AnsweredBefore}): how close the question comes to an example the passage answered, and how
 * far below the best candidate's that is; a third whether it remembers any (see
 * {@link RankerFigures#FORGET_ONE_DOCUMENT_IN}). Immutable once trained; thread-safe.
 */
final class PassageRanker {

  /**
   * How many passages are reranked: deep enough that the answering passage is among them for 268 of
   * 277 train questions (top 30 of BM25 and of the nearest neighbours together), shallow enough that
   * each question compares only a few hundred cached sentence vectors.
   */
  static final int DEPTH = 30;
  /** Inverse regularisation: 0.1, 1 and 10 cross-validated within 0.01; 1 is liblinear's default. */
  static final double C = 1;
  /**
   * After the {@link RankerFigures#NAMES} figures come the question's vector times the passage's, number by
   * number, then times its closest sentence's: a learned weight per dimension of the embedding (a
   * diagonal bilinear similarity), which learns which of the model's senses of "close" mean "answers"
   * in this library. Each such figure is weighted this much after standardising, so the 768 of them are
   * regularised as if by C = 0.01 while the eight stay at {@link #C}. Chosen on the train splits only
   * ({@code tools/rerank-cv/cv_bilinear.py}; BENCHMARKS.md §8): 5-fold MRR@10 0.791 → 0.827, top-1
   * 0.701 → 0.752; learned from three writers and scored on the fourth's questions, MRR@10 0.726 →
   * 0.784 and top-1 0.609 → 0.694 for the writer the others did least well on.
   */
  static final double VECTOR_WEIGHT = 0.1;
  /** The examples' questions and the passages that answered them, for the answeredBefore figures. */
  private final AnsweredBefore answeredBefore;
  /** The fitted model's intercept and coefficients on the raw figures, by block: named, passage, sentence. */
  private final double intercept;
  private final double[] named;
  private final double[] towardPassage;
  private final double[] towardSentence;

  private PassageRanker(StreamedLogistic model, int dimensions, AnsweredBefore answeredBefore) {
    this(answeredBefore, model.intercept(), model.coefficients(0, RankerFigures.NAMES.size()),
        model.coefficients(RankerFigures.NAMES.size(), RankerFigures.NAMES.size() + dimensions),
        model.coefficients(RankerFigures.NAMES.size() + dimensions, RankerFigures.NAMES.size() + 2 * dimensions));
  }

  private PassageRanker(AnsweredBefore answeredBefore, double intercept, double[] named, double[] towardPassage,
      double[] towardSentence) {
    this.answeredBefore = answeredBefore;
    this.intercept = intercept;
    this.named = named;
    this.towardPassage = towardPassage;
    this.towardSentence = towardSentence;
  }

  /** Which passages answered which examples, as this ranker remembers them. */
  AnsweredBefore answeredBefore() {
    return answeredBefore;
  }

  /** Writes the fitted coefficients and the examples remembered, for {@link #readFrom} ({@link ModelsFile}). */
  void writeTo(DataOutput out) throws IOException {
    answeredBefore.writeTo(out);
    out.writeDouble(intercept);
    CheckedFile.doubles(out, named);
    CheckedFile.doubles(out, towardPassage);
    CheckedFile.doubles(out, towardSentence);
  }

  static PassageRanker readFrom(DataInput in) throws IOException {
    AnsweredBefore before = AnsweredBefore.readFrom(in);
    double intercept = in.readDouble();
    double[] named = CheckedFile.doubles(in);
    double[] towardPassage = CheckedFile.doubles(in);
    double[] towardSentence = CheckedFile.doubles(in);
    if (named.length != RankerFigures.NAMES.size() || towardPassage.length != towardSentence.length) {
      throw new IOException("a reranker of " + named.length + " named figures and " + towardPassage.length + "/"
          + towardSentence.length + " dimensions");
    }
    return new PassageRanker(before, intercept, named, towardPassage, towardSentence);
  }

  /**
   * Learns from each example's candidates labelled by whether the passage answers ({@code answers}
   * of example i and a hit); examples with no answering passage among their candidates teach
   * nothing and are skipped. Null when nothing can be learned (no answer phrases at all).
   */
  static PassageRanker train(List<Candidates> examples, List<Predicate<SearchHit>> answers) {
    List<Integer> kept = new ArrayList<>();
    List<boolean[]> labels = new ArrayList<>(); // per example; null for one that teaches nothing
    boolean negative = false;
    for (int i = 0; i < examples.size(); i++) {
      Candidates c = examples.get(i);
      Predicate<SearchHit> answering = answers.get(i);
      if (answering == null || c.hits().stream().noneMatch(answering)) {
        labels.add(null);
        continue;
      }
      boolean[] answer = new boolean[c.hits().size()];
      for (int j = 0; j < answer.length; j++) {
        answer[j] = answering.test(c.hits().get(j));
        negative |= !answer[j];
      }
      kept.add(i);
      labels.add(answer);
    }
    if (kept.isEmpty() || !negative) {
      return null;
    }
    int dimensions = examples.get(kept.get(0)).question().length;
    // Each example's figures leave the example itself out, as a question never seen would find them;
    // the named figures are worked out once (the remembered examples make them the costly part).
    AnsweredBefore before = AnsweredBefore.of(examples, labels);
    List<double[][]> named = kept.stream().map(i -> RankerFigures.of(examples.get(i), before, i, true)).toList();
    double[] weights = new double[RankerFigures.NAMES.size() + 2 * dimensions];
    Arrays.fill(weights, VECTOR_WEIGHT);
    Arrays.fill(weights, 0, RankerFigures.NAMES.size(), 1);
    // The products are worked out again on each pass rather than held: see StreamedLogistic.
    return new PassageRanker(StreamedLogistic.fit(new StreamedLogistic.Rows() {

      @Override
      public int groups() {
        return kept.size();
      }

      @Override
      public double[][] figures(int g) {
        return withProducts(examples.get(kept.get(g)), named.get(g));
      }

      @Override
      public boolean[] labels(int g) {
        return labels.get(kept.get(g));
      }
    }, C, weights), dimensions, before);
  }

  /**
   * Hits in the order they are weighed, each with the chance the reranker gives that it answers ({@code
   * chances[i]} for {@code hits[i]}; NaN without a reranker).
   */
  record Ranking(List<SearchHit> hits, double[] chances) {

    /** The search's order, no chances known. */
    static Ranking unranked(List<SearchHit> hits) {
      double[] none = new double[hits.size()];
      Arrays.fill(none, Double.NaN);
      return new Ranking(hits, none);
    }

    /** Equal when the hits and every chance are (a record compares an array by reference). */
    @Override
    public boolean equals(Object o) {
      return o instanceof Ranking r && hits.equals(r.hits) && Arrays.equals(chances, r.chances);
    }

    @Override
    public int hashCode() {
      return 31 * hits.hashCode() + Arrays.hashCode(chances);
    }

    @Override
    public String toString() {
      return "Ranking" + hits.stream().map(h -> h.passage().id()).toList() + Arrays.toString(chances);
    }
  }

  /**
   * The candidates' hits, most likely to answer first by {@code ranker} (ties keep the search's order), each
   * with its chance of answering, leaving out example {@code example} ({@link AnsweredBefore#NO_EXAMPLE} for
   * a question that is none: an example is ranked as if it were not among the examples, as the models
   * trained after the ranker must see it, or they would learn from rankings no new question gets); the
   * search's order, no chances known, without a ranker.
   */
  static Ranking ranking(PassageRanker ranker, Candidates c, int example) {
    if (ranker == null) {
      return Ranking.unranked(c.hits());
    }
    double[] margin = ranker.margins(c, example);
    int[] order = order(margin);
    return new Ranking(Arrays.stream(order).mapToObj(c.hits()::get).toList(),
        Arrays.stream(order).mapToDouble(j -> 1 / (1 + Math.exp(-margin[j]))).toArray());
  }

  /** The candidates' hits, most likely to answer first; ties keep the search's order. */
  List<SearchHit> rank(Candidates c) {
    return Arrays.stream(order(c, AnsweredBefore.NO_EXAMPLE)).mapToObj(c.hits()::get).toList();
  }

  /** The candidates' indices, most likely to answer first; ties keep the search's order. */
  int[] order(Candidates c) {
    return order(c, AnsweredBefore.NO_EXAMPLE);
  }

  private int[] order(Candidates c, int example) {
    return order(margins(c, example));
  }

  /** Indices by descending score; ties keep the search's order. */
  private static int[] order(double[] score) {
    return IntStream.range(0, score.length).boxed()
        .sorted(Comparator.comparingDouble((Integer j) -> -score[j]).thenComparingInt(j -> j))
        .mapToInt(Integer::intValue).toArray();
  }

  /**
   * Each candidate's margin (the log-odds that it answers), block by block, without building its 777
   * figures: the question's vector is weighted once, then met with each passage's and sentence's vector.
   */
  double[] margins(Candidates c) {
    return margins(c, AnsweredBefore.NO_EXAMPLE);
  }

  private double[] margins(Candidates c, int example) {
    double[][] figures = RankerFigures.of(c, answeredBefore, example, false);
    double[] passage = VectorProducts.weighted(towardPassage, c.question());
    double[] sentence = VectorProducts.weighted(towardSentence, c.question());
    double[] score = new double[figures.length];
    for (int j = 0; j < figures.length; j++) {
      double m = intercept;
      for (int k = 0; k < named.length; k++) {
        m += named[k] * figures[j][k];
      }
      Candidates.HitVectors v = c.vectors().get(j);
      score[j] = m + VectorProducts.dot(passage, v.passage()) + VectorProducts.dot(sentence, v.closestSentence());
    }
    return score;
  }

  /**
   * The {@link RankerFigures#NAMES} figures of each candidate and its vector products ({@link #VECTOR_WEIGHT}), in
   * the candidates' order (the bests found once); {@code before} leaves out example {@code skip}.
   */
  static double[][] figures(Candidates c, AnsweredBefore before, int skip) {
    return withProducts(c, RankerFigures.of(c, before, skip, false));
  }

  /** The named figures of each candidate followed by its vector products. */
  private static double[][] withProducts(Candidates c, double[][] named) {
    int d = c.question().length;
    double[][] out = new double[named.length][];
    for (int j = 0; j < named.length; j++) {
      out[j] = Arrays.copyOf(named[j], named[j].length + 2 * d);
      VectorProducts.multiply(c.question(), c.vectors().get(j).passage(), out[j], named[j].length);
      VectorProducts.multiply(c.question(), c.vectors().get(j).closestSentence(), out[j], named[j].length + d);
    }
    return out;
  }
}
