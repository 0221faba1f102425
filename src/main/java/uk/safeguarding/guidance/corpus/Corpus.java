package uk.safeguarding.guidance.corpus;

import java.util.List;

/** The documents read from a corpus folder, and the files skipped with their reasons. */
public record Corpus(List<SourceDocument> documents, List<Skipped> skipped) {

  public Corpus {
    documents = List.copyOf(documents);
    skipped = List.copyOf(skipped);
  }

  /** A file that is not in the library, and why. */
  public record Skipped(String file, String reason) {}
}
