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
  private static final class CountingModel implements Embedder {

    final AtomicInteger passageRuns = new AtomicInteger();

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
}
