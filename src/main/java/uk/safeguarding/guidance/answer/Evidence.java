package uk.safeguarding.guidance.answer;

import java.util.ArrayList;
import java.util.List;
import uk.safeguarding.guidance.embed.Vectors;
import uk.safeguarding.guidance.search.QueryTerms;

/**
 * What one search found for a question, as the learned decisions see it: the question's words and
 * embedding, the scored passages, and the vector ({@code sentenceVectors}, empty when unknown) and
 * the cosine with the question of each quotable sentence ({@link Sentences#quotable}) of the top
 * {@link #PASSAGES} passages.
 */
record Evidence(QueryTerms terms, List<Scored> scored, float[] question, List<double[]> sentenceCosines,
    List<List<float[]>> sentenceVectors) {

  /** Sentences are compared with the question in this many passages from the top (the picker's reach). */
  static final int PASSAGES = PointPicker.MAX_PASSAGES;

  Evidence {
    scored = List.copyOf(scored);
    sentenceCosines = List.copyOf(sentenceCosines);
    sentenceVectors = List.copyOf(sentenceVectors);
  }

  /** Evidence whose sentences' vectors are not known (their cosines are). */
  Evidence(QueryTerms terms, List<Scored> scored, float[] question, List<double[]> sentenceCosines) {
    this(terms, scored, question, sentenceCosines, List.of());
  }

  /** The sentence vectors come from {@code facts}, where the reranker already read them. */
  static Evidence of(QueryTerms terms, List<Scored> scored, float[] question, PassageFacts facts) {
    List<double[]> cosines = new ArrayList<>();
    List<List<float[]>> vectors = new ArrayList<>();
    for (Scored s : scored.subList(0, Math.min(PASSAGES, scored.size()))) {
      List<float[]> sentences = facts.sentenceVectors(s.hit().passage());
      cosines.add(Vectors.dotsWidened(question, sentences));
      vectors.add(sentences);
    }
    return new Evidence(terms, scored, question, cosines, vectors);
  }

  /** The answer-or-decline model's input. */
  Logistic.Input answerability() {
    return new Logistic.Input(AnswerFeatures.of(terms, scored, sentenceCosines), question);
  }
}
