package uk.safeguarding.guidance.answer;

import java.util.List;
import uk.safeguarding.guidance.corpus.DocumentMetadata;
import uk.safeguarding.guidance.corpus.Passage;

/**
 * An answer to a practitioner's question. Every point's text is cut from the passages its
 * citations name; only {@link #lead} and {@link #urgentMessage} are the assistant's own words.
 */
public record Answer(String conversationId, String answerId, String question, boolean grounded, boolean urgent,
    String urgentMessage, String lead, List<Point> points, List<Citation> citations, List<String> suggestions) {

  public Answer {
    points = List.copyOf(points);
    citations = List.copyOf(citations);
    suggestions = List.copyOf(suggestions);
  }

  /** One guidance point and the numbers of the citations it comes from. */
  public record Point(String text, List<Integer> citations) {
    public Point {
      citations = List.copyOf(citations);
    }
  }

  /**
   * A cited passage.
   *
   * @param highlighted {@code excerpt} HTML-escaped with the question's words in {@code <mark>}
   */
  public record Citation(int n, Passage passage, DocumentMetadata document, String excerpt, String highlighted) {}
}
