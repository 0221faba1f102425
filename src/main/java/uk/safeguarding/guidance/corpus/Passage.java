package uk.safeguarding.guidance.corpus;

import java.util.List;
import java.util.Objects;

/**
 * A piece of a document that stands alone as a cited excerpt.
 *
 * @param docId       the document's id
 * @param anchor      stable, unique within the document; the fragment of the passage's URL
 * @param headingPath the headings above the passage, from the document title down
 * @param text        the passage's words: paragraphs separated by blank lines, list items as lines
 * @param ordinal     position in the document, from 0
 */
public record Passage(String docId, String anchor, List<String> headingPath, String text, int ordinal) {

  /** Separates heading path entries when shown as one line. */
  public static final String PATH_SEPARATOR = " › ";

  public Passage {
    Objects.requireNonNull(docId, "docId");
    Objects.requireNonNull(anchor, "anchor");
    headingPath = List.copyOf(headingPath);
    text = Objects.requireNonNull(text, "text").strip();
  }

  /** Unique in the library: document id and anchor. */
  public String id() {
    return docId + "#" + anchor;
  }

  /** The heading path shown on one line, e.g. "Learning from Local Reviews 2021 › Theme 4: … › What should you do". */
  public String section() {
    return String.join(PATH_SEPARATOR, headingPath);
  }

  /** The heading path below the document title, the passage's own place in the document. */
  public List<String> subPath() {
    return headingPath.size() <= 1 ? List.of() : headingPath.subList(1, headingPath.size());
  }
}
