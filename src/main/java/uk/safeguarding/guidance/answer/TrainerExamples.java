package uk.safeguarding.guidance.answer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import uk.safeguarding.guidance.ops.TrainerLines;

/**
 * The trainers' own labelled questions, {@value #FILE} in the corpus folder (not a document: the
 * corpus reader skips it), one a line, {@code #} starting a comment:
 *
 * <pre>
 * answer: QUESTION =&gt; SENTENCE   the library answers it, with this sentence (copied from the library)
 * answer: QUESTION                the library answers it (teaches the answer-or-decline decision only)
 * decline: QUESTION               the library does not cover it
 * </pre>
 *
 * The answer step's models learn from them beside the shipped bank ({@link AnswerableExamples}) and
 * retrain within {@link #CHECK_EVERY} of the file changing, so a trainer teaches the assistant without
 * rebuilding it. A line it cannot use is skipped with its number and why ({@code GET /health} lists
 * them as {@code answerSkipped}). Thread-safe.
 */
final class TrainerExamples {

  /** The file's name in the corpus folder. */
  static final String FILE = TrainerLines.ANSWERS.file();
  /** How often an ask may look at the file for changes: one stat call, at most this often. */
  static final Duration CHECK_EVERY = Duration.ofSeconds(10);

  /** Examples read and lines skipped, each with its reason. */
  record Loaded(List<AnswerableExamples.Example> examples, List<String> skipped) {

    Loaded {
      examples = List.copyOf(examples);
      skipped = List.copyOf(skipped);
    }
  }

  private final Path file;
  private final AtomicLong lastCheck = new AtomicLong();
  private final AtomicReference<String> stamp = new AtomicReference<>("");
  private final AtomicReference<List<String>> skipped = new AtomicReference<>(List.of());

  /** {@code corpusDir} null: no trainers' file (the shipped bank alone). */
  TrainerExamples(Path corpusDir) {
    this.file = corpusDir == null ? null : corpusDir.resolve(FILE);
    this.stamp.set(look());
    this.lastCheck.set(System.nanoTime());
  }

  /**
   * What changes when the file does (its size and modification time, or "" without one), looked at
   * no more often than {@link #CHECK_EVERY}.
   */
  String stamp() {
    long now = System.nanoTime();
    long last = lastCheck.get();
    if (now - last >= CHECK_EVERY.toNanos() && lastCheck.compareAndSet(last, now)) {
      stamp.set(look());
    }
    return stamp.get();
  }

  /** The shipped bank and then the trainers' examples; remembers the lines skipped. */
  List<AnswerableExamples.Example> withBank() {
    List<AnswerableExamples.Example> out = new ArrayList<>(AnswerableExamples.bank());
    Loaded loaded = read();
    out.addAll(loaded.examples());
    skipped.set(loaded.skipped());
    return out;
  }

  /** Lines of the file the last training could not use, with why. */
  List<String> skipped() {
    return skipped.get();
  }

  /** The file's examples, each with its line as its origin; none when there is no file. */
  Loaded read() {
    if (file == null || !Files.isRegularFile(file)) {
      return new Loaded(List.of(), List.of());
    }
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Loaded(List.of(), List.of(FILE + ": cannot be read (" + e.getMessage() + ")"));
    }
  }

  static Loaded parse(String text) {
    TrainerLines.Read read = TrainerLines.read(text, TrainerLines.ANSWERS);
    List<AnswerableExamples.Example> out = new ArrayList<>();
    for (TrainerLines.Line l : read.lines()) {
      out.add(new AnswerableExamples.Example(l.text(), l.label().equals("answer"),
          l.sentence().isEmpty() ? List.of() : List.of(l.sentence()), l.sentence(), FILE + " line " + l.number()));
    }
    return new Loaded(out, read.skipped());
  }

  private String look() {
    if (file == null) {
      return "";
    }
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return a.size() + "@" + a.lastModifiedTime().toMillis();
    } catch (IOException e) {
      return ""; // no file (or none readable): the shipped bank alone
    }
  }
}
