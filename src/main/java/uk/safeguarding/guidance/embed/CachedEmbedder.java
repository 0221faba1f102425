package uk.safeguarding.guidance.embed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
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
 *
 * <p>Only where each stored vector is in the file is kept in memory; a vector is read from the file
 * when asked for. Holding every vector ever stored (the safety screen's and the answer step's
 * examples, the library's sentences, passages since replaced) kept some 1.5 KB a vector in the heap
 * for the life of the process, most of it never read again after start-up.
 */
public final class CachedEmbedder implements Embedder {

  private static final Logger LOG = LoggerFactory.getLogger(CachedEmbedder.class);
  static final int QUERY_CACHE = 2_000;
  /** Prefixes the hashed text of a query kept on disk, so it never shares a key with a passage. */
  private static final String QUERY_KEY = "\u0000query\u0000";
  /** Prefixes a question's passage-mode vector in the in-memory cache, apart from its query vector. */
  private static final String AS_PASSAGE_KEY = "\u0000passage\u0000";

  /** A record of the file: the text's SHA-256, then the vector's floats (big-endian). */
  private static final int HASH_BYTES = 32;

  private final Embedder model;
  private final Path file;
  private final int vectorBytes;
  private final long recordBytes;
  /** Each stored vector's record number in the file, by key. */
  private final Map<String, Integer> stored = new ConcurrentHashMap<>();
  /** Bounded by count; a question asked twice at once runs the model once (the second waits for it). */
  private final Cache<String, float[]> queries = Caffeine.newBuilder().maximumSize(QUERY_CACHE).build();

  public CachedEmbedder(Embedder model, Path dataDir) {
    this.model = model;
    this.file = dataDir.resolve("embeddings").resolve(model.modelId() + ".bin");
    this.vectorBytes = Float.BYTES * model.dimension();
    this.recordBytes = HASH_BYTES + vectorBytes;
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
      float[] kept = read(List.of(key(QUERY_KEY + q))).get(0);
      return kept != null ? kept : model.embedQuery(q);
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
    List<float[]> out = new ArrayList<>(read(keys));
    Map<String, float[]> computed = new java.util.HashMap<>();
    List<String> missing = new ArrayList<>();
    List<String> missingKeys = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      if (out.get(i) == null && computed.putIfAbsent(keys.get(i), NOT_YET) == null) {
        missing.add(texts.get(i));
        missingKeys.add(keys.get(i));
      }
    }
    if (!missing.isEmpty()) {
      List<float[]> vectors = compute.apply(missing);
      append(missingKeys, vectors);
      for (int i = 0; i < missing.size(); i++) {
        computed.put(missingKeys.get(i), vectors.get(i));
      }
      for (int i = 0; i < out.size(); i++) {
        if (out.get(i) == null) {
          out.set(i, computed.get(keys.get(i)));
        }
      }
    }
    return out;
  }

  /** Marks a key being computed in this call, so a text given twice is embedded once. */
  private static final float[] NOT_YET = new float[0];

  /**
   * The stored vectors for {@code keys}, null where none is stored (or its record cannot be read: it
   * is then computed again). One read-only handle for the whole list; the file is only ever appended
   * to, and a key is listed only once its record is written.
   */
  private List<float[]> read(List<String> keys) {
    List<float[]> out = new ArrayList<>(java.util.Collections.nCopies(keys.size(), (float[]) null));
    if (keys.stream().noneMatch(stored::containsKey)) {
      return out;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer bytes = ByteBuffer.allocate(vectorBytes);
      for (int i = 0; i < keys.size(); i++) {
        Integer record = stored.get(keys.get(i));
        if (record != null) {
          bytes.clear();
          long at = record * recordBytes + HASH_BYTES;
          while (bytes.hasRemaining()) {
            if (channel.read(bytes, at + bytes.position()) < 0) {
              throw new EOFException("record " + record + " is past the end of the file");
            }
          }
          float[] v = new float[vectorBytes / Float.BYTES];
          bytes.flip().asFloatBuffer().get(v);
          out.set(i, v);
        }
      }
    } catch (IOException e) {
      LOG.warn("Cannot read the embedding cache " + file + "; its vectors will be computed again: " + e.getMessage());
      stored.clear();
      return new ArrayList<>(java.util.Collections.nCopies(keys.size(), (float[]) null));
    }
    return out;
  }

  private static String key(String text) {
    return Hashes.sha256Hex(text);
  }

  private void load() {
    if (!Files.exists(file)) {
      return;
    }
    try (var channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      wholeRecords(channel);
    } catch (IOException e) {
      LOG.warn("Cannot check the embedding cache " + file + ": " + e.getMessage());
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      byte[] hash = new byte[HASH_BYTES];
      int record = 0; // a key stored twice (two servers filled one cache) keeps its later record
      while (true) {
        try {
          in.readFully(hash);
        } catch (EOFException end) {
          break;
        }
        in.skipNBytes(vectorBytes);
        stored.put(HexFormat.of().formatHex(hash), record++);
      }
    } catch (IOException e) {
      LOG.warn("Cannot read the embedding cache " + file + "; vectors will be recomputed: " + e.getMessage());
      stored.clear();
    }
  }

  /**
   * The length of the file's whole records, a partial last record (a crash, or a write that failed
   * part-way) cut off first, so that every record starts at a multiple of the record length.
   */
  private long wholeRecords(FileChannel channel) throws IOException {
    long whole = channel.size() / recordBytes * recordBytes;
    if (whole != channel.size()) {
      LOG.warn(
          "The embedding cache " + file + " ends mid-record (a write stopped part-way); cutting it to whole records");
      channel.truncate(whole);
    }
    return whole;
  }

  /**
   * Writes the records after the last whole one, then lists their keys: a key is never listed before
   * its record is whole, and a record's number is its place in the file as written, even after an
   * earlier append failed part-way (its partial record is cut off first).
   */
  private synchronized void append(List<String> keys, List<float[]> vectors) {
    long first;
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        long whole = wholeRecords(channel);
        channel.position(whole);
        first = whole / recordBytes;
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
        for (int i = 0; i < keys.size(); i++) {
          out.write(HexFormat.of().parseHex(keys.get(i)));
          for (float x : vectors.get(i)) {
            out.writeFloat(x);
          }
        }
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the embedding cache " + file, e);
    }
    for (int i = 0; i < keys.size(); i++) {
      stored.put(keys.get(i), Math.toIntExact(first + i));
    }
  }
}
