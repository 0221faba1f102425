package uk.safeguarding.guidance.answer;

import java.util.Set;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.ops.Hashes;
import uk.safeguarding.guidance.ops.ResourceLines;

/**
 * The passages the shipped labelled examples ({@link AnswerableExamples}) were written against: the
 * corpus folder's passages when the examples were labelled, each by its id and a digest of its text
 * ({@value #FILE}). A passage not among them (a document a trainer uploaded, or a section edited since)
 * is one the learned answer-or-decline decision knows nothing of: its "not covered" examples may be on
 * just that topic, so for such a passage the hand-set rule ({@link Grounding}) may answer too. Immutable;
 * thread-safe.
 */
final class LabelledLibrary {

  /** The list, a classpath resource: one {@code id<TAB>digest} line per passage; {@code #} starts a comment. */
  static final String FILE = "/answer/labelled-library.tsv";
  /** Hex digits of the text's SHA-256 kept: 64 bits, ample for a few hundred passages. */
  static final int DIGEST_HEX = 16;

  private static final LabelledLibrary SHIPPED =
      new LabelledLibrary(ResourceLines.read(FILE, "labelled library", ""));

  private final Set<String> lines;

  LabelledLibrary(Set<String> lines) {
    this.lines = Set.copyOf(lines);
  }

  static LabelledLibrary shipped() {
    return SHIPPED;
  }

  /** Whether the examples were labelled with this passage, as it reads now, in the library. */
  boolean labelled(Passage p) {
    return lines.contains(line(p));
  }

  /** The passage's line in {@value #FILE}. */
  static String line(Passage p) {
    return p.id() + "\t" + digest(p.text());
  }

  /** The first {@link #DIGEST_HEX} hex digits of the SHA-256 of the text, its spacing collapsed. */
  static String digest(String text) {
    return Hashes.sha256Hex(text.strip().replaceAll("\\s+", " ")).substring(0, DIGEST_HEX);
  }
}
