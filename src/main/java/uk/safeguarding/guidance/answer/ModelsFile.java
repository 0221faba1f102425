package uk.safeguarding.guidance.answer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the answer step's trained models ({@link LearnedModels.Trained}) in a file in the data folder,
 * so a restart of the same build over the same library and examples serves at once instead of training
 * for a minute. The file says what it was trained from (the key: library, examples, embedding model,
 * search settings and the build's code); a file for anything else, truncated, damaged or of another
 * format is ignored and the models are trained as before. Numbers are written exactly (binary), so
 * models read back answer to the bit as the ones written. Plain numbers and strings only, read with
 * bounds, never Java deserialization. Stateless.
 */
final class ModelsFile {

  private static final Logger LOG = LoggerFactory.getLogger(ModelsFile.class);
  /** The file's name in the data folder. */
  static final String NAME = "answer-models.bin";
  /** The first bytes of every such file, with the format's version: a change to the layout bumps it. */
  static final String MAGIC = "guidance-answer-models/1";
  /**
   * No array in the file is longer than this (a damaged length must not ask for gigabytes): the largest
   * is an embedding's numbers for every example, about 400 × 9,000 today.
   */
  static final int MAX_ARRAY = 64 * 1024 * 1024;
  /** No string (an id, a key, a liblinear model's text) is longer than this many bytes. */
  static final int MAX_STRING = 16 * 1024 * 1024;

  private ModelsFile() {}

  /** Writes {@code models}, trained from what {@code key} names, to {@code file}: whole, or not at all. */
  static void write(Path file, String key, LearnedModels.Trained models) throws IOException {
    // A name of its own: two servers wrongly sharing a data folder must not write into one half-file.
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), NAME, ".tmp");
    try {
      writeWhole(tmp, key, models);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp); // left only when writing or the move failed
    }
  }

  private static void writeWhole(Path tmp, String key, LearnedModels.Trained models) throws IOException {
    CRC32 crc = new CRC32();
    try (OutputStream raw = Files.newOutputStream(tmp);
        DataOutputStream out =
            new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), crc))) {
      string(out, MAGIC);
      string(out, key);
      string(out, models.libraryHash());
      out.writeBoolean(models.ranker() != null);
      if (models.ranker() != null) {
        models.ranker().writeTo(out);
      }
      models.answerability().writeTo(out);
      models.sentences().writeTo(out);
      models.passages().writeTo(out);
      out.writeInt(models.unfound().size());
      for (String u : models.unfound()) {
        string(out, u);
      }
      out.flush();
      raw.write(longBytes(crc.getValue())); // after the checked stream: the checksum of all before it
    }
  }

  /**
   * The models in {@code file} when it holds models trained from what {@code key} names, whole and
   * unchanged; empty otherwise (no file, another key, or damaged: then said in the log).
   */
  static Optional<LearnedModels.Trained> read(Path file, String key) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    CRC32 crc = new CRC32();
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc))) {
      if (!MAGIC.equals(string(in)) || !key.equals(string(in))) {
        LOG.info("{} was written for another build, library or examples; the answer step's models are trained anew",
            file);
        return Optional.empty();
      }
      String libraryHash = string(in);
      PassageRanker ranker = in.readBoolean() ? PassageRanker.readFrom(in) : null;
      Answerability answerability = Answerability.readFrom(in);
      Logistic sentences = Logistic.readFrom(in);
      Logistic passages = Logistic.readFrom(in);
      int n = length(in);
      List<String> unfound = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        unfound.add(string(in));
      }
      long expected = crc.getValue();
      long stored = new DataInputStream(raw).readLong();
      if (stored != expected || raw.read() != -1) {
        LOG.warn("{} is damaged (its checksum does not match); the answer step's models are trained anew", file);
        return Optional.empty();
      }
      return Optional.of(new LearnedModels.Trained(libraryHash, ranker, answerability, sentences, passages,
          List.copyOf(unfound)));
    } catch (IOException | RuntimeException e) {
      LOG.warn("{} could not be read ({}); the answer step's models are trained anew", file, e.toString());
      return Optional.empty();
    }
  }

  private static byte[] longBytes(long v) {
    byte[] b = new byte[Long.BYTES];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (v >>> (8 * (b.length - 1 - i)));
    }
    return b;
  }

  static void string(DataOutput out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  static String string(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_STRING) {
      throw new IOException("a string of " + n + " bytes");
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** An array's length, checked against {@link #MAX_ARRAY}. */
  static int length(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_ARRAY) {
      throw new IOException("an array of " + n + " items");
    }
    return n;
  }

  static void doubles(DataOutput out, double[] v) throws IOException {
    out.writeInt(v.length);
    for (double d : v) {
      out.writeDouble(d);
    }
  }

  static double[] doubles(DataInput in) throws IOException {
    double[] v = new double[length(in)];
    for (int i = 0; i < v.length; i++) {
      v[i] = in.readDouble();
    }
    return v;
  }

  /** A vector, or null. */
  static void floats(DataOutput out, float[] v) throws IOException {
    out.writeInt(v == null ? -1 : v.length);
    for (int i = 0; v != null && i < v.length; i++) {
      out.writeFloat(v[i]);
    }
  }

  static float[] floats(DataInput in) throws IOException {
    int n = in.readInt();
    if (n == -1) {
      return null;
    }
    if (n < 0 || n > MAX_ARRAY) {
      throw new IOException("a vector of " + n + " numbers");
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = in.readFloat();
    }
    return v;
  }

  static void ints(DataOutput out, int[] v) throws IOException {
    out.writeInt(v.length);
    for (int i : v) {
      out.writeInt(i);
    }
  }

  static int[] ints(DataInput in) throws IOException {
    int[] v = new int[length(in)];
    for (int i = 0; i < v.length; i++) {
      v[i] = in.readInt();
    }
    return v;
  }

  static void booleans(DataOutput out, boolean[] v) throws IOException {
    out.writeInt(v.length);
    for (boolean b : v) {
      out.writeBoolean(b);
    }
  }

  static boolean[] booleans(DataInput in) throws IOException {
    boolean[] v = new boolean[length(in)];
    for (int i = 0; i < v.length; i++) {
      v[i] = in.readBoolean();
    }
    return v;
  }
}
