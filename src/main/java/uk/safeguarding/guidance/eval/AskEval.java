package uk.safeguarding.guidance.eval;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.safeguarding.guidance.answer.Answer;
import uk.safeguarding.guidance.answer.AskRequest;
import uk.safeguarding.guidance.corpus.Passage;

/**
 * Scores answering: the share of in-scope questions answered grounded with a relevant citation,
 * the share of out-of-scope questions declined, point precision (the share of answer points whose
 * source passage answers the question), answer-sentence recall (the share of answered questions
 * with an answering sentence on record whose points quote it), how often that sentence is the first
 * point (the answer leads, as a practitioner reads it) and how many points an answer has (fewer, with
 * the same recall, means less padding).
 */
public final class AskEval {

  /** Aggregate figures and the questions that failed. */
  public record Report(int inScope, int groundedWithRelevant, int outOfScope, int declined, int points,
      int precisePoints, int withSentence, int sentenceFound, int sentenceFirst, int answered,
      List<String> failures) {

    public double answeredRate() {
      return inScope == 0 ? 0 : (double) groundedWithRelevant / inScope;
    }

    public double declinedRate() {
      return outOfScope == 0 ? 0 : (double) declined / outOfScope;
    }

    public double pointPrecision() {
      return points == 0 ? 0 : (double) precisePoints / points;
    }

    public double sentenceRecall() {
      return withSentence == 0 ? 0 : (double) sentenceFound / withSentence;
    }

    /** The share of answered questions with an answering sentence on record whose first point quotes it. */
    public double sentenceFirstRate() {
      return withSentence == 0 ? 0 : (double) sentenceFirst / withSentence;
    }

    /** Points per answered in-scope question. */
    public double pointsPerAnswer() {
      return answered == 0 ? 0 : (double) points / answered;
    }

    @Override
    public String toString() {
      String s =
          String.format("in-scope answered with a relevant citation %d/%d (%.3f); out-of-scope declined %d/%d (%.3f)",
              groundedWithRelevant, inScope, answeredRate(), declined, outOfScope, declinedRate());
      if (points > 0) {
        s += String.format("; point precision %d/%d (%.3f)", precisePoints, points, pointPrecision());
      }
      if (withSentence > 0) {
        s += String.format("; answer-sentence recall %d/%d (%.3f)", sentenceFound, withSentence, sentenceRecall());
        s += String.format("; answer sentence first %d/%d (%.3f)", sentenceFirst, withSentence, sentenceFirstRate());
      }
      if (answered > 0) {
        s += String.format("; points per answer %d/%d (%.2f)", points, answered, pointsPerAnswer());
      }
      return s;
    }
  }

  private AskEval() {}

  /**
   * The texts of the passages of {@code card} that {@code point} was quoted from (all of the card's
   * passages when the point does not say). A card quotes one section, maybe several passages of it; a
   * point counts as precise only by its own passage.
   */
  static List<String> sourcesOf(Answer.Point point, Answer.Citation card) {
    List<String> own = card.passages().stream().filter(p -> point.passageIds().contains(p.id())).map(Passage::text)
        .toList();
    return own.isEmpty() ? card.passages().stream().map(Passage::text).toList() : own;
  }

  /**
   * Like {@link #run(List, Function)}, each question asked in a conversation of its own just after its
   * {@code histories} entry (same order; null for a question asked alone). Only the second answer is scored.
   */
  public static Report run(List<Question> questions, List<String> histories, Function<AskRequest, Answer> ask) {
    Iterator<String> history = histories.iterator();
    return run(questions, request -> {
      String before = history.next();
      if (before == null) {
        return ask.apply(request);
      }
      Answer first = ask.apply(new AskRequest(before, null, request.filters()));
      return ask.apply(new AskRequest(request.question(), first.conversationId(), request.filters()));
    });
  }

  public static Report run(List<Question> questions, Function<AskRequest, Answer> ask) {
    int in = 0;
    int ok = 0;
    int out = 0;
    int declined = 0;
    int points = 0;
    int precise = 0;
    int withSentence = 0;
    int sentenceFound = 0;
    int sentenceFirst = 0;
    int answered = 0;
    List<String> failures = new ArrayList<>();
    for (Question q : questions) {
      Answer a = ask.apply(new AskRequest(q.text(), null, null));
      if (q.outOfScope()) {
        out++;
        if (!a.grounded()) {
          declined++;
        } else {
          failures.add("answered out-of-scope: " + q.text());
        }
        continue;
      }
      in++;
      boolean relevant = a.grounded() && a.citations().stream().flatMap(c -> c.passages().stream())
          .anyMatch(p -> q.isAnsweredBy(p.text()));
      if (relevant) {
        ok++;
      } else {
        failures.add((a.grounded() ? "no relevant citation: " : "declined in-scope: ") + q.text());
      }
      if (!a.grounded()) {
        continue;
      }
      answered++;
      Map<Integer, Answer.Citation> cited =
          a.citations().stream().collect(Collectors.toMap(Answer.Citation::n, c -> c));
      for (Answer.Point p : a.points()) {
        points++;
        if (p.citations().stream().map(cited::get).filter(c -> c != null)
            .anyMatch(c -> sourcesOf(p, c).stream().anyMatch(q::isAnsweredBy))) {
          precise++;
        }
      }
      if (!q.answer().isEmpty()) {
        withSentence++;
        if (a.points().stream().anyMatch(p -> q.isAnswerSentence(p.text()))) {
          sentenceFound++;
          if (q.isAnswerSentence(a.points().get(0).text())) {
            sentenceFirst++;
          }
        } else if (relevant) {
          failures.add("answering sentence not among the points: " + q.text());
        }
      }
    }
    return new Report(in, ok, out, declined, points, precise, withSentence, sentenceFound, sentenceFirst, answered,
        failures);
  }
}
