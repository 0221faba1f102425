package uk.safeguarding.guidance.answer;

import java.util.ArrayList;
import java.util.List;
import uk.safeguarding.guidance.embed.Vectors;
import uk.safeguarding.guidance.search.QueryTerms;

/**
 * What one search found for a question, as the learned decisions see it: the question's words and
 * embedding, the scored passages, and the cosine of the question with each quotable sentence
 * ({@link Sentences#quotable}) of the top {@link #PASSAGES} passages.
 */
record Evidence(QueryTerms terms, List<Scored> scored, float[] question, List<double[]> sentenceCosines) {

  /** Sentences are compared with the question in this many passages from the top (the picker's reach). */
  static final int PASSAGES = PointPicker.MAX_PASSAGES;

  Evidence {
    scored = List.copyOf(scored);
    sentenceCosines = List.copyOf(sentenceCosines);
  }

  /** The sentence vectors come from {@code facts}, where the reranker already read them. */
  static Evidence of(QueryTerms terms, List<Scored> scored, float[] question, PassageFacts facts) {
    List<double[]> out = new ArrayList<>();
    for (Scored s : scored.subList(0, Math.min(PASSAGES, scored.size()))) {
      out.add(Vectors.dotsWidened(question, facts.sentenceVectors(s.hit().passage())));
    }
    return new Evidence(terms, scored, question, out);
  }

  /** The answer-or-decline model's input. */
  Logistic.Input answerability() {
    return new Logistic.Input(AnswerFeatures.of(terms, scored, sentenceCosines), question);
  }
}
