package uk.safeguarding.guidance.answer;

import java.util.List;
import uk.safeguarding.guidance.corpus.DocumentMetadata;
import uk.safeguarding.guidance.corpus.Passage;

/**
 * An answer to a practitioner's question. Every point's text is cut from the passages its
 * citations name; only {@link #lead} and {@link #urgentMessage} are the assistant's own words.
 *
 * @param urgentMessage who to contact now, when {@code urgent}; otherwise ""
 * @param urgentReason why the safety screen found the question urgent (score, cues, the example it
 *     resembles), for trainers; otherwise ""
 * @param closest when the question is declined, the passages closest to it ({@link Closest}): pointed to,
 *     not an answer; otherwise empty
 */
public record Answer(String conversationId, String answerId, String question, boolean grounded, boolean urgent,
    String urgentMessage, String urgentReason, String lead, List<Point> points, List<Citation> citations,
    List<String> suggestions, List<Citation> closest) {

  public Answer {
    urgentMessage = urgentMessage == null ? "" : urgentMessage;
    urgentReason = urgentReason == null ? "" : urgentReason;
    points = List.copyOf(points);
    citations = List.copyOf(citations);
    suggestions = List.copyOf(suggestions);
    closest = List.copyOf(closest);
  }

  /** An answer before the safety screen's verdict and the conversation are attached. */
  static Answer of(String answerId, String question, boolean grounded, String lead, List<Point> points,
      List<Citation> citations, List<String> suggestions) {
    return new Answer(null, answerId, question, grounded, false, "", "", lead, points, citations, suggestions,
        List.of());
  }

  /** This answer with the screen's verdict: urgent ones carry who to contact now and why. */
  Answer withUrgency(boolean isUrgent, String reason) {
    return new Answer(conversationId, answerId, question, grounded, isUrgent, isUrgent ? Urgency.MESSAGE : "",
        isUrgent ? reason : "", lead, points, citations, suggestions, closest);
  }

  /** This answer pointing to the passages closest to its question ({@link Closest}). */
  Answer withClosest(List<Citation> passages) {
    return new Answer(conversationId, answerId, question, grounded, urgent, urgentMessage, urgentReason, lead, points,
        citations, suggestions, passages);
  }

  /** This answer offering {@code questions} as "You could also ask". */
  Answer withSuggestions(List<String> questions) {
    return new Answer(conversationId, answerId, question, grounded, urgent, urgentMessage, urgentReason, lead, points,
        citations, questions, closest);
  }

  Answer withConversation(String id) {
    return new Answer(id, answerId, question, grounded, urgent, urgentMessage, urgentReason, lead, points, citations,
        suggestions, closest);
  }

  /**
   * One guidance point, the numbers of the citations it comes from, its kind (what to do, what was
   * learned, or background from a case: never shown as if it were guidance), and the ids of the
   * passages it is quoted from, so a caller knows which of a card's passages holds it.
   */
  public record Point(String text, List<Integer> citations, PointKind kind, List<String> passageIds) {

    public Point {
      citations = List.copyOf(citations);
      passageIds = List.copyOf(passageIds);
    }

    /** A point quoted from one passage. */
    public Point(String text, List<Integer> citations, PointKind kind, String passageId) {
      this(text, citations, kind, List.of(passageId));
    }

    /** A point whose passages are not known (tests of what reads points). */
    public Point(String text, List<Integer> citations) {
      this(text, citations, PointKind.LEARNED, List.of());
    }
  }

  /**
   * A cited section: one source card however many of its passages the points quote.
   *
   * @param passage the first of them in the document, whose anchor the card links to
   * @param passages every passage of the section the points quote, in document order, {@code passage} first
   * @param excerpt the quoted passage, or a window of each quoted passage around the sentence used,
   *     separated by a blank line
   * @param highlighted {@code excerpt} HTML-escaped with the question's words in {@code <mark>}
   */
  public record Citation(int n, Passage passage, List<Passage> passages, DocumentMetadata document, String excerpt,
      String highlighted) {

    public Citation {
      passages = List.copyOf(passages);
      if (passages.isEmpty() || !passages.get(0).equals(passage)) {
        throw new IllegalArgumentException("citation " + n + ": passages must start with " + passage.id());
      }
    }

    /** A card quoting one passage. */
    public Citation(int n, Passage passage, DocumentMetadata document, String excerpt, String highlighted) {
      this(n, passage, List.of(passage), document, excerpt, highlighted);
    }
  }
}
