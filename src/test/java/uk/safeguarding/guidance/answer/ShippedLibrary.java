package uk.safeguarding.guidance.answer;

import java.nio.file.Path;
import uk.safeguarding.guidance.corpus.CorpusReader;
import uk.safeguarding.guidance.index.IndexStore;
import uk.safeguarding.guidance.index.LibraryHolder;

/** The shipped corpus indexed into a test's folder, for tests that read its real passages. */
final class ShippedLibrary {

  /** Passage ids of the Newcastle annual report start with this. */
  static final String NEWCASTLE = "newcastle-learning-from-practice-annual-report-2016-17#";

  private ShippedLibrary() {}

  /** A holder serving the shipped corpus, indexed (BM25 only) into {@code data}; close it after the tests. */
  static LibraryHolder in(Path data) {
    LibraryHolder holder = new LibraryHolder();
    holder.swap(new IndexStore(data, CorpusReader.standard()).open(Path.of("corpus")));
    return holder;
  }
}
