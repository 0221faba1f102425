package uk.safeguarding.guidance.ops;

import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file of numbers and strings the server computed and keeps between restarts (trained models): a
 * format name, a key naming everything it was computed from, the body, and a CRC-32 of all of it. It
 * is written whole or not at all (a file of its own, then moved into place), and read back only when
 * the checksum holds (checked over the whole file first) and the format and key match; otherwise the
 * caller computes afresh ({@link #kept}). Plain numbers and strings, read with bounds ({@link #MAX_ARRAY}, {@link #MAX_STRING}), never Java
 * deserialization. Stateless.
 */
public final class CheckedFile {

  private static final Logger LOG = LoggerFactory.getLogger(CheckedFile.class);
  /** No array in such a file is longer than this: a damaged length must not ask for gigabytes. */
  public static final int MAX_ARRAY = 64 * 1024 * 1024;
  /** A temp file this old is left from a write that never finished (see {@link #removeStale}). */
  static final Duration STALE = Duration.ofHours(1);
  /** No such file is larger than this (the answer step's models are about 22 MB): it is read whole. */
  public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
  /** No string (an id, a key, a liblinear model's text) is longer than this many bytes. */
  public static final int MAX_STRING = 64 * 1024 * 1024;

  private CheckedFile() {}

  /** Writes a body. */
  public interface Body {

    void write(DataOutput out) throws IOException;
  }

  /** Reads a body back. */
  public interface Reader<T> {

    T read(DataInput in) throws IOException;
  }

  /** Writes {@code body} to {@code file} as {@code format}, computed from what {@code key} names: whole, or not at all. */
  public static void write(Path file, String format, String key, Body body) throws IOException {
    removeStale(file);
    // A name of its own: two servers wrongly sharing a data folder must not write into one half-file.
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
    try {
      CRC32 crc = new CRC32();
      try (OutputStream raw = Files.newOutputStream(tmp);
          DataOutputStream out =
              new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), crc))) {
        string(out, format);
        string(out, key);
        body.write(out);
        out.flush();
        new DataOutputStream(raw).writeLong(crc.getValue()); // after the checked stream: the checksum of all before it
      }
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp); // left only when writing or the move failed
    }
  }

  /**
   * What {@code file} holds for {@code key} ({@link #read}); else {@code compute}'s value, then written
   * there ({@link #write}, by {@code writer}) when {@code unchanged} says nothing it was computed from
   * moved meanwhile. A failed write is logged: the next start computes it again. {@code file} null:
   * computed and kept nowhere. {@code what} names the value in the log ("the safety screen").
   */
  public static <T> T kept(Path file, String format, String key, String what, Reader<T> reader, Supplier<T> compute,
      Function<T, Body> writer, BooleanSupplier unchanged) {
    if (file != null) {
      long start = System.nanoTime();
      Optional<T> stored = read(file, format, key, what, reader);
      if (stored.isPresent()) {
        LOG.info("{} read from {} in {} ms", what, file, (System.nanoTime() - start) / 1_000_000);
        return stored.get();
      }
    }
    T value = compute.get();
    if (file != null && unchanged.getAsBoolean()) {
      try {
        write(file, format, key, writer.apply(value));
      } catch (IOException | RuntimeException e) {
        LOG.warn("{} could not be kept in {} ({}); the next start computes it again", what, file, e.toString());
      }
    }
    return value;
  }

  /** Writes a liblinear model as liblinear's own text, which keeps every digit (models read back score to the bit). */
  public static void linearModel(DataOutput out, Model model) throws IOException {
    StringWriter text = new StringWriter();
    Linear.saveModel(text, model);
    string(out, text.toString());
  }

  /** A liblinear model {@link #linearModel(DataOutput, Model)} wrote. */
  public static Model linearModel(DataInput in) throws IOException {
    return Linear.loadModel(new StringReader(string(in)));
  }

  /**
   * Removes what a write of {@code file} left behind when the process died mid-write: its temp files
   * older than {@link #STALE} (a write takes a second or two, so none of them is still being written).
   */
  static void removeStale(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    String prefix = file.getFileName().toString();
    long before = System.currentTimeMillis() - STALE.toMillis();
    try (Stream<Path> siblings = Files.list(dir)) {
      for (Path p : siblings.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(prefix) && name.endsWith(".tmp") && Files.getLastModifiedTime(p).toMillis() < before) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /**
   * What {@code file} holds when it is a whole {@code format} file for {@code key}; empty otherwise (no
   * file, another format or key, or damaged: then said in the log, naming {@code what} it held).
   */
  public static <T> Optional<T> read(Path file, String format, String key, String what, Reader<T> body) {
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      if (Files.size(file) > MAX_FILE_BYTES || Files.size(file) < Long.BYTES) {
        LOG.warn("{} is {} bytes, not such a file; {} will be trained anew", file, Files.size(file), what);
        return Optional.empty();
      }
      // Checked whole before a single length in it is believed: a damaged length never asks for memory.
      byte[] bytes = Files.readAllBytes(file);
      int bodyEnd = bytes.length - Long.BYTES;
      CRC32 crc = new CRC32();
      crc.update(bytes, 0, bodyEnd);
      if (ByteBuffer.wrap(bytes, bodyEnd, Long.BYTES).getLong() != crc.getValue()) {
        LOG.warn("{} is damaged (its checksum does not match); {} will be trained anew", file, what);
        return Optional.empty();
      }
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bodyEnd));
      if (!format.equals(string(in)) || !key.equals(string(in))) {
        LOG.info("{} was written by another build or for another library or examples; {} will be trained anew", file,
            what);
        return Optional.empty();
      }
      T value = body.read(in);
      if (in.available() != 0) {
        throw new IOException(in.available() + " bytes left over");
      }
      return Optional.of(value);
    } catch (IOException | RuntimeException e) {
      LOG.warn("{} could not be read ({}); {} will be trained anew", file, e.toString(), what);
      return Optional.empty();
    }
  }

  public static void string(DataOutput out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  public static String string(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_STRING) {
      throw new IOException("a string of " + n + " bytes");
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** An array's length, checked against {@link #MAX_ARRAY}. */
  public static int length(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_ARRAY) {
      throw new IOException("an array of " + n + " items");
    }
    return n;
  }

  public static void doubles(DataOutput out, double[] v) throws IOException {
    out.writeInt(v.length);
    for (double d : v) {
      out.writeDouble(d);
    }
  }

  public static double[] doubles(DataInput in) throws IOException {
    double[] v = new double[length(in)];
    for (int i = 0; i < v.length; i++) {
      v[i] = in.readDouble();
    }
    return v;
  }

  /** A vector, or null. */
  public static void floats(DataOutput out, float[] v) throws IOException {
    out.writeInt(v == null ? -1 : v.length);
    for (int i = 0; v != null && i < v.length; i++) {
      out.writeFloat(v[i]);
    }
  }

  /** A vector {@link #floats(DataOutput, float[])} wrote, or null. */
  public static float[] floats(DataInput in) throws IOException {
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

  public static void ints(DataOutput out, int[] v) throws IOException {
    out.writeInt(v.length);
    for (int i : v) {
      out.writeInt(i);
    }
  }

  public static int[] ints(DataInput in) throws IOException {
    int[] v = new int[length(in)];
    for (int i = 0; i < v.length; i++) {
      v[i] = in.readInt();
    }
    return v;
  }

  public static void booleans(DataOutput out, boolean[] v) throws IOException {
    out.writeInt(v.length);
    for (boolean b : v) {
      out.writeBoolean(b);
    }
  }

  public static boolean[] booleans(DataInput in) throws IOException {
    boolean[] v = new boolean[length(in)];
    for (int i = 0; i < v.length; i++) {
      v[i] = in.readBoolean();
    }
    return v;
  }
}
