package uk.safeguarding.guidance.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.guidance.ops.Background;
import uk.safeguarding.guidance.ops.TrainerLines;
import uk.safeguarding.guidance.search.SearchHit;

/**
 * How the answer step's models are trained from labelled example questions: each searched once as an
 * ask would search it, the passage reranker first (the other decisions see its order, as an ask does),
 * then the answer-or-decline model, the sentence and passage scorers and the suggested questions.
 * {@link LearnedModels} decides when. Stateless.
 */
final class ModelTraining {

  private static final Logger LOG = LoggerFactory.getLogger(ModelTraining.class);
  private ModelTraining() {}

  /** Trains every model on {@code labelled}, each example searched by {@code examiner} against library {@code hash}. */
  static LearnedModels.Trained train(LearnedModels.Examiner examiner, String hash,
      List<AnswerableExamples.Example> labelled) {
    long start = System.nanoTime();
    List<Candidates> found = examiner.gather(labelled.stream().map(AnswerableExamples.Example::text).toList());
    List<Predicate<SearchHit>> answering = labelled.stream().map(e -> e.answerable() && !e.expect().isEmpty()
        ? (Predicate<SearchHit>) h -> e.answeredBy(h.passage().text())
        : null).toList();
    PassageRanker ranker = PassageRanker.train(found, answering);
    List<String> unfound = new ArrayList<>();
    for (int i = 0; i < labelled.size(); i++) {
      Predicate<SearchHit> a = answering.get(i);
      if (a != null && !labelled.get(i).origin().isEmpty() && found.get(i).hits().stream().noneMatch(a)) {
        unfound.add(labelled.get(i).origin() + ": the sentence after \"" + TrainerLines.ARROW
            + "\" is in none of the passages this question "
            + "finds; copy it exactly from the library");
      }
    }
    // Ranked as if the example were new, so the models below learn from the rankings new questions get;
    // each example on its own, on every core, in order.
    List<Evidence> evidence = IntStream.range(0, found.size()).parallel()
        .mapToObj(i -> examiner.evidence(found.get(i), PassageRanker.ranking(ranker, found.get(i), i))).toList();
    List<Logistic.Input> questions = new ArrayList<>();
    List<Boolean> answerable = new ArrayList<>();
    List<float[]> asked = new ArrayList<>();
    List<List<SentenceFeatures.Row>> rows = new ArrayList<>();
    List<boolean[]> answers = new ArrayList<>();
    List<boolean[]> answeringPassages = new ArrayList<>();
    int sentences = 0;
    for (int i = 0; i < labelled.size(); i++) {
      AnswerableExamples.Example example = labelled.get(i);
      questions.add(evidence.get(i).answerability());
      answerable.add(example.answerable());
      if (example.answerable() && !example.answer().isEmpty()) {
        List<SentenceFeatures.Row> quotable = examiner.rows(evidence.get(i));
        boolean[] isAnswer = new boolean[quotable.size()];
        boolean[] inAnswer = new boolean[quotable.size()];
        for (int k = 0; k < isAnswer.length; k++) {
          SentenceFeatures.Row r = quotable.get(k);
          isAnswer[k] = AnswerSentences.matches(example.answer(), r.unit().text());
          inAnswer[k] = example.answeredBy(r.source().hit().passage().text());
        }
        asked.add(evidence.get(i).question());
        rows.add(quotable);
        answers.add(isAnswer);
        answeringPassages.add(inAnswer);
        sentences += quotable.size();
      }
    }
    // The two sentence scorers beside the decision, when the heap allows.
    Background<SentenceScorer> scorer =
        Background.start(() -> SentenceScorer.fit(asked, rows, answers, SentenceScorer.VECTOR_WEIGHT));
    Background<SentenceScorer> passageScorer =
        Background.start(() -> SentenceScorer.fit(asked, rows, answeringPassages, SentenceScorer.NO_VECTORS));
    Answerability model = Answerability.train(questions, answerable, Answerability.STANDARD);
    SentenceScorer passages = passageScorer.join();
    // Offered only when, asked on its own, the example is answered from its own passage first.
    IntPredicate answeredAlone = i -> !evidence.get(i).scored().isEmpty()
        && answering.get(i).test(evidence.get(i).scored().get(0).hit()) && model.answerable(questions.get(i));
    SuggestedQuestions suggested = SuggestedQuestions.of(
        labelled.stream().map(AnswerableExamples.Example::text).toList(), found, answering,
        ranker == null ? null : ranker.answeredBefore(), answeredAlone, examiner::shown);
    LOG.info(String.format(
        "Answer step models trained on %d questions and %d sentences in %d ms, answer threshold %.3f; suggestions: %s",
        labelled.size(), sentences, (System.nanoTime() - start) / 1_000_000, model.threshold(),
        suggested.describe()));
    return new LearnedModels.Trained(hash, ranker, model, scorer.join(), passages, List.copyOf(unfound), suggested);
  }
}
