package uk.safeguarding.guidance.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedEmbedderTest {

  /** A model that counts its runs and gives each text a distinct vector. */
  private static class CountingModel implements Embedder {

    final AtomicInteger passageRuns = new AtomicInteger();
    final AtomicInteger passagesEmbedded = new AtomicInteger();

    @Override
    public String modelId() {
      return "counting";
    }

    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public float[] embedQuery(String query) {
      return new float[] {1, query.length()};
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
      passageRuns.incrementAndGet();
      passagesEmbedded.addAndGet(passages.size());
      return passages.stream().map(p -> new float[] {0, p.length()}).toList();
    }
  }

  @Test
  void a_question_embedded_as_a_passage_stays_in_memory_and_never_reaches_the_disk_cache(@TempDir Path data) {
    CountingModel model = new CountingModel();
    CachedEmbedder cached = new CachedEmbedder(model, data);
    float[] first = cached.embedQuestionAsPassage("a boy called [name] is alone tonight");
    float[] again = cached.embedQuestionAsPassage("a boy called [name] is alone tonight");
    assertArrayEquals(new float[] {0, 36}, first);
    assertArrayEquals(first, again);
    assertEquals(1, model.passageRuns.get(), "a repeated question costs no model run");
    assertFalse(Files.exists(data.resolve("embeddings").resolve("counting.bin")), "nothing written to disk");

    cached.embedPassages(List.of("A passage of the library."));
    assertTrue(Files.exists(data.resolve("embeddings").resolve("counting.bin")), "library passages are kept on disk");
  }

  private static Path file(Path data) {
    return data.resolve("embeddings").resolve("counting.bin");
  }

  @Test
  void stored_vectors_are_read_back_from_the_file_after_a_restart_without_a_model_run(@TempDir Path data) {
    CountingModel model = new CountingModel();
    new CachedEmbedder(model, data).embedPassages(List.of("a", "bb", "ccc"));
    assertEquals(3 * (32 + 2 * 4), file(data).toFile().length(), "three records: hash and two floats each");

    CountingModel restarted = new CountingModel();
    List<float[]> again = new CachedEmbedder(restarted, data).embedPassages(List.of("ccc", "a", "bb", "a"));
    assertEquals(0, restarted.passageRuns.get());
    assertArrayEquals(new float[] {0, 3}, again.get(0));
    assertArrayEquals(new float[] {0, 1}, again.get(1));
    assertArrayEquals(new float[] {0, 2}, again.get(2));
    assertArrayEquals(new float[] {0, 1}, again.get(3));
  }

  @Test
  void a_text_given_twice_in_one_call_is_embedded_once(@TempDir Path data) {
    CountingModel model = new CountingModel();
    List<float[]> vectors = new CachedEmbedder(model, data).embedPassages(List.of("x", "yy", "x"));
    assertEquals(2, model.passagesEmbedded.get());
    assertArrayEquals(new float[] {0, 1}, vectors.get(2));
    assertEquals(2 * (32 + 2 * 4), file(data).toFile().length());
  }

  @Test
  void a_partial_record_left_by_a_failed_write_is_cut_off_before_the_next(@TempDir Path data) throws Exception {
    CountingModel model = new CountingModel();
    CachedEmbedder cached = new CachedEmbedder(model, data);
    cached.embedPassages(List.of("a", "bb"));
    // A write that failed part-way (a full disk), while the server runs: 13 bytes of a record.
    Files.write(file(data), new byte[13], java.nio.file.StandardOpenOption.APPEND);
    cached.embedPassages(List.of("dddd"));
    assertEquals(3 * (32 + 2 * 4), file(data).toFile().length(), "the partial record is gone");

    CountingModel restarted = new CountingModel();
    List<float[]> again = new CachedEmbedder(restarted, data).embedPassages(List.of("a", "bb", "dddd"));
    assertEquals(0, restarted.passageRuns.get());
    assertArrayEquals(new float[] {0, 4}, again.get(2), "the record after the cut is read where it was written");
    assertArrayEquals(new float[] {0, 2}, again.get(1));
  }

  @Test
  void a_cache_file_deleted_while_serving_means_embedding_again_not_an_error(@TempDir Path data) throws Exception {
    CountingModel model = new CountingModel();
    CachedEmbedder cached = new CachedEmbedder(model, data);
    cached.embedPassages(List.of("a", "bb"));
    Files.delete(file(data));
    List<float[]> again = cached.embedPassages(List.of("bb"));
    assertArrayEquals(new float[] {0, 2}, again.get(0));
    assertEquals(2, model.passageRuns.get());
    assertEquals(32 + 2 * 4, file(data).toFile().length(), "written afresh");
    assertArrayEquals(new float[] {0, 2}, new CachedEmbedder(new CountingModel(), data)
        .embedPassages(List.of("bb")).get(0));
  }

  @Test
  void a_labelled_example_embedded_as_a_query_is_read_back_for_the_same_question(@TempDir Path data) {
    CountingModel model = new CountingModel();
    new CachedEmbedder(model, data).embedQueries(List.of("what is a strategy discussion"));
    float[] fromFile = new CachedEmbedder(new CountingModel() {

      @Override
      public float[] embedQuery(String query) {
        throw new AssertionError("the stored vector should be used");
      }
    }, data).embedQuery("what is a strategy discussion");
    assertArrayEquals(new float[] {1, 29}, fromFile);
  }
}
