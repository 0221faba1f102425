package uk.safeguarding.guidance.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.corpus.CorpusReader;

class IndexStoreTest {

  @TempDir Path corpus;
  @TempDir Path data;

  private void copyFixtures() throws IOException {
    uk.safeguarding.guidance.TestApp.copyMiniCorpus(corpus);
  }

  private Library open() {
    return new IndexStore(data, CorpusReader.standard()).open(corpus);
  }

  @Test
  void an_unchanged_corpus_reuses_its_index_and_a_changed_one_is_rebuilt() throws IOException {
    copyFixtures();
    Library first = open();
    assertFalse(first.reused());
    assertEquals(2, first.documents().size());
    assertEquals(5, first.passageCount());
    assertEquals(5, first.searcher().getIndexReader().numDocs());

    Library second = open();
    assertTrue(second.reused());
    assertEquals(first.hash(), second.hash());

    Files.writeString(corpus.resolve("extra.md"), "---\ntitle: Extra\n---\n\nA new paragraph about escalation.\n");
    Library third = open();
    assertFalse(third.reused());
    assertNotEquals(first.hash(), third.hash());
    assertEquals(3, third.documents().size());
    assertEquals(6, third.searcher().getIndexReader().numDocs());
  }

  @Test
  void editing_the_synonyms_file_rebuilds_the_index() throws IOException {
    copyFixtures();
    Library first = open();
    Files.writeString(corpus.resolve("synonyms.txt"), "\nmash, front door\n", java.nio.file.StandardOpenOption.APPEND);
    Library second = open();
    assertFalse(second.reused());
    assertEquals(6, second.analysis().synonymRules());
    assertEquals(5, first.analysis().synonymRules());
  }

  @Test
  void a_half_built_index_left_by_a_crash_is_ignored_and_removed() throws IOException {
    copyFixtures();
    Files.createDirectories(data.resolve("index/deadbeef.building-1"));
    Files.writeString(data.resolve("index/deadbeef.building-1/garbage"), "partial");
    Library lib = open();
    new IndexStore(data, CorpusReader.standard()).removeStale(lib.hash());
    try (Stream<Path> dirs = Files.list(data.resolve("index"))) {
      assertEquals(java.util.List.of(lib.hash()), dirs.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void a_malformed_synonyms_file_leaves_search_working_and_says_why() throws IOException {
    copyFixtures();
    Files.writeString(corpus.resolve("synonyms.txt"), "a => \n");
    Library lib = open();
    assertEquals(0, lib.analysis().synonymRules());
    assertTrue(lib.analysis().synonymsProblem().startsWith("synonyms file not used: "), lib.analysis().synonymsProblem());
    assertEquals(5, lib.passageCount());
  }
}
