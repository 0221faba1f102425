package uk.safeguarding.guidance.ops;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Progress of a long counted task (documents read, passages embedded, queries scored) as a line at
 * most every {@link #EVERY} — done/total, percent, rate and ETA — and, if any such line was written,
 * one at the end with the time taken. A task shorter than that writes nothing. Thread-safe.
 */
public final class Progress {

  /** Often enough to show a build is alive, rarely enough not to bury the rest of the log. */
  public static final Duration EVERY = Duration.ofSeconds(5);

  private final String task;
  private final String unit;
  private final long total;
  private final Consumer<String> sink;
  private final LongSupplier nanoClock;
  private final long start;
  private long done;
  private long lastLine;
  private boolean reported;

  /**
   * @param task      what is happening, as a log line starts: "Embedding passages"
   * @param unit      what is counted, plural: "passages"
   * @param total     how many there are in all
   * @param sink      where lines go (a logger's info, a command's output)
   * @param nanoClock {@link System#nanoTime} but in tests
   */
  public Progress(String task, String unit, long total, Consumer<String> sink, LongSupplier nanoClock) {
    if (total < 0) {
      throw new IllegalArgumentException("The total of '" + task + "' must not be negative, got " + total + ".");
    }
    this.task = task;
    this.unit = unit;
    this.total = total;
    this.sink = sink;
    this.nanoClock = nanoClock;
    this.start = nanoClock.getAsLong();
    this.lastLine = start;
  }

  /** Progress reported at INFO on {@code log}. */
  public static Progress logged(Logger log, String task, String unit, long total) {
    return new Progress(task, unit, total, log::info, System::nanoTime);
  }

  /** Progress printed as lines of a command's output, indented under its heading. */
  public static Progress printed(java.io.PrintStream out, String task, String unit, long total) {
    return new Progress(task, unit, total, line -> out.println("  " + line), System::nanoTime);
  }

  /** Counts {@code n} more done; writes a line if the last was long enough ago. */
  public synchronized void advance(long n) {
    done += n;
    long now = nanoClock.getAsLong();
    if (now - lastLine >= EVERY.toNanos() && done < total) {
      lastLine = now;
      reported = true;
      sink.accept(line(now));
    }
  }

  /** Counts one more done. */
  public void step() {
    advance(1);
  }

  /** Ends the task: a closing line, if it was long enough to report on. */
  public synchronized void finish() {
    if (reported) {
      double seconds = (nanoClock.getAsLong() - start) / 1e9;
      sink.accept(String.format(Locale.ROOT, "%s: %,d %s in %.1f s (%s)", task, done, unit, seconds,
          rate(done, seconds)));
      reported = false;
    }
  }

  private String line(long now) {
    double seconds = (now - start) / 1e9;
    double perSecond = done / Math.max(seconds, 1e-9);
    String eta = perSecond > 0 ? duration((total - done) / perSecond) : "unknown";
    return String.format(Locale.ROOT, "%s: %,d/%,d %s (%d%%), %s, ETA %s", task, done, total, unit,
        total == 0 ? 100 : done * 100 / total, rate(done, seconds), eta);
  }

  private String rate(long count, double seconds) {
    return String.format(Locale.ROOT, "%.1f %s/s", count / Math.max(seconds, 1e-9), unit);
  }

  private static String duration(double seconds) {
    long s = Math.round(seconds);
    return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
  }
}
