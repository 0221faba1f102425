package uk.safeguarding.guidance.embed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.guidance.ops.Hashes;

/**
 * Wraps an embedder with two caches: passage vectors kept on disk by content hash (so a restart or
 * a reindex computes only new or changed passages), and up to {@value #QUERY_CACHE} recent query
 * vectors in memory, in a Caffeine cache (so a repeated question costs no model run). Thread-safe.
 */
public final class CachedEmbedder implements Embedder {

  private static final Logger LOG = LoggerFactory.getLogger(CachedEmbedder.class);
  static final int QUERY_CACHE = 2_000;
  /** Prefixes the hashed text of a query kept on disk, so it never shares a key with a passage. */
  private static final String QUERY_KEY = "\u0000query\u0000";
  /** Prefixes a question's passage-mode vector in the in-memory cache, apart from its query vector. */
  private static final String AS_PASSAGE_KEY = "\u0000passage\u0000";

  private final Embedder model;
  private final Path file;
  private final Map<String, float[]> passages = new ConcurrentHashMap<>();
  /** Bounded by count; a question asked twice at once runs the model once (the second waits for it). */
  private final Cache<String, float[]> queries = Caffeine.newBuilder().maximumSize(QUERY_CACHE).build();

  public CachedEmbedder(Embedder model, Path dataDir) {
    this.model = model;
    this.file = dataDir.resolve("embeddings").resolve(model.modelId() + ".bin");
    load();
  }

  @Override
  public String modelId() {
    return model.modelId();
  }

  @Override
  public int dimension() {
    return model.dimension();
  }

  @Override
  public float[] embedQuery(String query) {
    // A fixed text already embedded by embedQueries (a labelled example) reuses its stored vector.
    return queries.get(query, q -> {
      float[] stored = passages.get(key(QUERY_KEY + q));
      return stored != null ? stored : model.embedQuery(q);
    });
  }

  /** In memory only, beside the question's query vector: a question never reaches the disk cache. */
  @Override
  public float[] embedQuestionAsPassage(String question) {
    return queries.get(AS_PASSAGE_KEY + question, k -> model.embedPassages(List.of(question)).get(0));
  }

  /** Kept on disk like passages, under a key no passage can have: these are fixed texts, not questions. */
  @Override
  public List<float[]> embedQueries(List<String> queries) {
    return cached(queries, q -> key(QUERY_KEY + q), model::embedQueries);
  }

  @Override
  public List<float[]> embedPassages(List<String> texts) {
    return cached(texts, CachedEmbedder::key, model::embedPassages);
  }

  private List<float[]> cached(List<String> texts, java.util.function.Function<String, String> keyOf,
      java.util.function.Function<List<String>, List<float[]>> compute) {
    List<String> keys = texts.stream().map(keyOf).toList();
    List<String> missing = new ArrayList<>();
    List<String> missingKeys = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      if (!passages.containsKey(keys.get(i)) && !missingKeys.contains(keys.get(i))) {
        missing.add(texts.get(i));
        missingKeys.add(keys.get(i));
      }
    }
    if (!missing.isEmpty()) {
      List<float[]> vectors = compute.apply(missing);
      append(missingKeys, vectors);
      for (int i = 0; i < missing.size(); i++) {
        passages.put(missingKeys.get(i), vectors.get(i));
      }
    }
    return keys.stream().map(passages::get).toList();
  }

  private static String key(String text) {
    return Hashes.sha256Hex(text);
  }

  private void load() {
    if (!Files.exists(file)) {
      return;
    }
    int dim = model.dimension();
    long record = 32L + 4L * dim;
    try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
      long whole = channel.size() / record * record;
      if (whole != channel.size()) {
        LOG.warn("The embedding cache " + file + " ends mid-record (a crash while writing); trimming it");
        channel.truncate(whole);
      }
    } catch (IOException e) {
      LOG.warn("Cannot check the embedding cache " + file + ": " + e.getMessage());
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      byte[] hash = new byte[32];
      while (true) {
        try {
          in.readFully(hash);
        } catch (EOFException end) {
          break;
        }
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
          v[i] = in.readFloat();
        }
        passages.put(HexFormat.of().formatHex(hash), v);
      }
    } catch (IOException e) {
      LOG.warn("Cannot read the embedding cache " + file + "; vectors will be recomputed: " + e.getMessage());
    }
  }

  private synchronized void append(List<String> keys, List<float[]> vectors) {
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream raw = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
          DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw))) {
        for (int i = 0; i < keys.size(); i++) {
          out.write(HexFormat.of().parseHex(keys.get(i)));
          for (float x : vectors.get(i)) {
            out.writeFloat(x);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the embedding cache " + file, e);
    }
  }
}
