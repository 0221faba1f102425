package uk.safeguarding.guidance.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.corpus.CorpusReader;
import uk.safeguarding.guidance.corpus.DocumentLoader;
import uk.safeguarding.guidance.corpus.SkippedDocumentException;
import uk.safeguarding.guidance.corpus.SourceDocument;

class IndexStoreTest {

  @TempDir
  Path corpus;
  @TempDir
  Path data;

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
  void a_library_built_without_vectors_refuses_a_nearest_vector_search_and_says_why() throws IOException {
    copyFixtures();
    Library library = open();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> library.nearest(new float[] {1f, 0f}, 3));
    assertEquals("The index " + library.hash() + " holds no vectors: it was built with dense retrieval off",
        e.getMessage());
  }

  @Test
  void a_built_index_is_one_segment_with_passages_in_id_order() throws IOException {
    copyFixtures();
    Library library = open();
    assertTrue(library.idOrdered());
    assertEquals(1, library.searcher().getIndexReader().leaves().size());
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (int doc = 0; doc < library.passageCount(); doc++) {
      ids.add(library.passageAt(doc).id());
    }
    assertEquals(ids.stream().sorted().toList(), ids, "document numbers follow passage ids");
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
    assertTrue(lib.analysis().synonymsProblem().startsWith("synonyms file not used: "),
        lib.analysis().synonymsProblem());
    assertEquals(5, lib.passageCount());
  }

  @Test
  void a_folder_named_by_this_corpus_but_built_from_other_files_is_rebuilt_not_reused() throws IOException {
    copyFixtures();
    Library old = open();
    old.decRef();
    // What a trainer's change landing mid-read used to leave: the old files' index under the new hash.
    Files.writeString(corpus.resolve("new.md"), "---\ntitle: New\n---\n\nA paragraph about escalation.\n");
    String newHash = CorpusHash.of(corpus);
    Path stale = data.resolve("index").resolve(old.hash());
    Path misnamed = data.resolve("index").resolve(newHash);
    try (Stream<Path> files = Files.list(stale)) {
      Files.createDirectories(misnamed);
      for (Path f : files.toList()) {
        Files.copy(f, misnamed.resolve(f.getFileName()));
      }
    }
    Library rebuilt = open();
    assertEquals(newHash, rebuilt.hash());
    assertFalse(rebuilt.reused(), "a mismatched folder is never reused");
    assertEquals(3, rebuilt.documents().size());
    assertEquals(rebuilt.passageCount(), rebuilt.searcher().getIndexReader().numDocs());
    rebuilt.decRef();
  }

  @Test
  void a_replaced_generation_leaves_the_disk_once_its_last_search_is_done() throws Exception {
    copyFixtures();
    LibraryHolder holder = new LibraryHolder();
    try (Reindexer reindexer = new Reindexer(new IndexStore(data, CorpusReader.standard()), corpus, holder)) {
      Library first = reindexer.reindex().get();
      LibraryHolder.Lease search = holder.acquire(); // a search still running on the first generation
      Files.writeString(corpus.resolve("new.md"), "---\ntitle: New\n---\n\nA paragraph about escalation.\n");
      Library second = reindexer.reindex().get();
      Path firstDir = data.resolve("index").resolve(first.hash());
      assertTrue(Files.isDirectory(firstDir), "kept while a search holds it");
      search.close();
      assertFalse(Files.exists(firstDir), "removed when the last search released it");
      assertTrue(Files.isDirectory(data.resolve("index").resolve(second.hash())));
    } finally {
      holder.close();
    }
  }

  @Test
  void a_change_landing_while_the_corpus_is_read_is_read_too_so_the_index_matches_its_name() throws IOException {
    copyFixtures();
    Files.writeString(corpus.resolve("trigger.md"), "---\ntitle: Trigger\n---\n\nA paragraph about neglect.\n");
    java.util.concurrent.atomic.AtomicBoolean changed = new java.util.concurrent.atomic.AtomicBoolean();
    // A loader that, the first time it reads, lets a trainer's save land in the folder mid-read.
    DocumentLoader racing = new DocumentLoader() {

      @Override
      public java.util.Set<String> extensions() {
        return java.util.Set.of("md");
      }

      @Override
      public SourceDocument load(Path file, byte[] content, String fallbackId) throws SkippedDocumentException {
        if (changed.compareAndSet(false, true)) {
          try {
            Files.writeString(corpus.resolve("landed.md"),
                "---\ntitle: Landed\n---\n\nA paragraph about escalation.\n");
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
        try { // read as the standard reader would, from a copy of the one file
          Path alone = Files.createTempDirectory(data, "alone");
          Files.copy(file, alone.resolve(file.getFileName()));
          return CorpusReader.standard().read(alone).documents().get(0);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
    Library library = new IndexStore(data, new CorpusReader(java.util.List.of(racing), 1 << 20)).open(corpus);
    assertEquals(CorpusHash.of(corpus), library.hash());
    assertTrue(library.documents().containsKey("landed"), library.documents().keySet().toString());
    assertEquals(library.passageCount(), library.searcher().getIndexReader().numDocs());
    library.decRef();
  }
}
