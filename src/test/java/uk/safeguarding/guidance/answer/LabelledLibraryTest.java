package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.corpus.CorpusReader;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.corpus.PassageSplitter;
import uk.safeguarding.guidance.corpus.SourceDocument;

class LabelledLibraryTest {

  /**
   * The list must be the shipped corpus's passages as they read now: when the corpus or its splitting
   * changes, the examples' labels must be checked against the change and the list written anew (the
   * failure writes it to target/labelled-library.tsv to copy over src/main/resources/answer/).
   */
  @Test
  void the_list_is_the_shipped_corpus_as_it_splits_now() throws IOException {
    List<String> now = new ArrayList<>();
    PassageSplitter splitter = new PassageSplitter();
    for (SourceDocument d : CorpusReader.standard().read(Path.of("corpus")).documents()) {
      splitter.split(d).forEach(p -> now.add(LabelledLibrary.line(p)));
    }
    List<String> listed;
    try (Stream<String> lines = Files.lines(Path.of("src/main/resources" + LabelledLibrary.FILE))) {
      listed = lines.filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
    if (!now.equals(listed)) {
      Files.write(Path.of("target/labelled-library.tsv"), now);
    }
    assertTrue(now.equals(listed), "the shipped corpus changed (" + listed.size() + " passages listed, " + now.size()
        + " now): see target/labelled-library.tsv");
    assertEquals(167, listed.size());
  }

  @Test
  void a_passage_is_labelled_by_its_id_and_its_text_as_it_reads() {
    Passage p = new Passage("doc", "what-you-should-do", List.of("What you should do"), "Tell the  LADO.", 0);
    LabelledLibrary library = new LabelledLibrary(java.util.Set.of(LabelledLibrary.line(p)));
    assertTrue(library.labelled(p));
    assertTrue(library.labelled(new Passage("doc", "what-you-should-do", List.of("x"), " Tell the LADO.\n", 0)),
        "spacing aside");
    assertFalse(library.labelled(new Passage("doc", "what-you-should-do", List.of("x"), "Tell the police.", 0)),
        "an edited section is new to the examples");
    assertFalse(library.labelled(new Passage("new-doc", "what-you-should-do", List.of("x"), "Tell the LADO.", 0)));
  }
}
