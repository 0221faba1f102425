package uk.safeguarding.guidance.answer;

import java.util.List;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.search.SearchHit;

/**
 * The named figures {@link PassageRanker} reads of each candidate passage: its fused score and rank, its
 * and its best sentences' similarity to the question (and how far below the best candidate's), its share
 * of the question's words, and what it remembers of the examples ({@link AnsweredBefore}). Stateless.
 */
final class RankerFigures {

  /** The figures of one candidate, in order. */
  static final List<String> NAMES = List.of("fusedShare", "rankGain", "passageCosine", "belowBestPassageCosine",
      "bestSentence", "belowBestSentence", "secondSentence", "coverage", "answeredBefore", "belowBestAnsweredBefore",
      "remembered");
  /** The rank figure of a passage the search did not rank within the depth. */
  private static final int UNRANKED = PassageRanker.DEPTH + 10;
  /**
   * While learning, each example reads the passages of one document in this many as if no example had
   * ever been answered from them (which document turns with the example), so the ranker learns how to
   * weigh a passage it remembers nothing of: a document a trainer uploads after the examples were
   * written. Without it a passage with no remembered example ranked below every remembered one: a
   * briefing on private fostering uploaded to the shipped library came 7th to 9th of 9 for "private
   * fostering", under passages that only mention it. One in ten, chosen by taking a shipped
   * document's examples out as if it were uploaded after them (BENCHMARKS.md §8): one in five and one in
   * ten put its answering passage in the top five for 96 % and 95 % of its test questions (4 % before),
   * and one in ten left the shipped library's test splits as they were, where one in five lost 9 of 2,676
   * answers and 0.008 of point precision.
   */
  static final int FORGET_ONE_DOCUMENT_IN = 10;

  private RankerFigures() {}

  /**
   * The {@link #NAMES} figures of each candidate, in the candidates' order (the bests found once); with
   * {@code forgetSome} (learning), the passages of one document in {@link #FORGET_ONE_DOCUMENT_IN} are read as
   * remembering no example. A passage remembering none reads 0 for the three remembered figures.
   */
  static double[][] of(Candidates c, AnsweredBefore before, int skip, boolean forgetSome) {
    int n = c.hits().size();
    double bestScore = n == 0 ? 0 : c.hits().get(0).score();
    double bestCosine = 0;
    double bestSentence = 0;
    double[] answered = new double[n];
    boolean[] remembered = new boolean[n];
    double bestAnswered = AnsweredBefore.NONE;
    for (int k = 0; k < n; k++) {
      Passage passage = c.hits().get(k).passage();
      bestCosine = Math.max(bestCosine, cosine(c.hits().get(k)));
      bestSentence = Math.max(bestSentence, sentence(c, k, 0));
      boolean forgotten = before == null || forgetSome && forgotten(passage.docId(), skip);
      AnsweredBefore.Match m = forgotten ? null : before.closestLeaving(passage.id(), c.question(), skip);
      remembered[k] = m != null;
      answered[k] = AnsweredBefore.reading(m);
      bestAnswered = remembered[k] ? Math.max(bestAnswered, answered[k]) : bestAnswered;
    }
    double[][] out = new double[n][];
    for (int j = 0; j < n; j++) {
      SearchHit hit = c.hits().get(j);
      double cosine = cosine(hit);
      double sentence = sentence(c, j, 0);
      out[j] = new double[] {bestScore > 0 ? hit.score() / bestScore : 0, 1 / log2(2 + Math.min(j, UNRANKED)),
          cosine, cosine - bestCosine, sentence, sentence - bestSentence, sentence(c, j, 1), c.coverage().get(j),
          answered[j], remembered[j] ? answered[j] - bestAnswered : 0, remembered[j] ? 1 : 0};
    }
    return out;
  }

  /** Whether example {@code example} learns as if document {@code docId} were new ({@link #FORGET_ONE_DOCUMENT_IN}). */
  static boolean forgotten(String docId, int example) {
    return Math.floorMod(docId.hashCode() + example, FORGET_ONE_DOCUMENT_IN) == 0;
  }

  /** The passage's cosine with the question (0 when the search ran on words alone). */
  private static double cosine(SearchHit hit) {
    return hit.similarity().orElse(0);
  }

  /** The cosine of candidate {@code j}'s {@code n}-th closest sentence (its last one, or 0 when it has fewer). */
  private static double sentence(Candidates c, int j, int n) {
    double[] cosines = c.sentenceCosines().get(j);
    return cosines.length == 0 ? 0 : cosines[Math.min(n, cosines.length - 1)];
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
