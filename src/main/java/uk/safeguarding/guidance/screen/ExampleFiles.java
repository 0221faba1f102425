package uk.safeguarding.guidance.screen;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import uk.safeguarding.guidance.ops.LabelledLines;
import uk.safeguarding.guidance.ops.TrainerLines;

/**
 * Reads labelled situations: the bank that ships in the jar ({@value #BANK}, JSON lines
 * {@code {"q", "urgent", "split"}}) and the trainers' own additions in the corpus folder
 * ({@value #TRAINER_FILE}: one situation a line, {@code urgent: …} or {@code calm: …}, {@code #}
 * comments). A line that cannot be read is skipped with its reason. Stateless, thread-safe.
 */
public final class ExampleFiles {

  /** The shipped bank, a classpath resource. */
  public static final String BANK = "/screen/urgency-examples.jsonl";
  /** The trainers' additions, in the corpus folder (not a document: the corpus reader skips it). */
  public static final String TRAINER_FILE = TrainerLines.URGENCY.file();

  /** Examples read and lines skipped, each with its reason. */
  public record Loaded(List<Example> examples, List<String> skipped) {

    public Loaded {
      examples = List.copyOf(examples);
      skipped = List.copyOf(skipped);
    }
  }

  private ExampleFiles() {}

  /** The shipped bank (train and test splits). */
  public static List<Example> bank() {
    try (InputStream in = ExampleFiles.class.getResourceAsStream(BANK)) {
      if (in == null) {
        throw new IllegalStateException("The safety screen's examples " + BANK + " are missing from the jar");
      }
      Loaded loaded = jsonLines(new String(in.readAllBytes(), StandardCharsets.UTF_8), BANK);
      if (!loaded.skipped().isEmpty()) {
        throw new IllegalStateException("The shipped examples have bad lines: " + loaded.skipped());
      }
      return loaded.examples();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the safety screen's examples " + BANK, e);
    }
  }

  /** A file of JSON lines {@code {"q", "urgent", "split"?}} (split defaults to "test"). */
  public static Loaded jsonLines(Path file) throws IOException {
    return jsonLines(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  static Loaded jsonLines(String text, String source) {
    LabelledLines.Read read = LabelledLines.read(text, source, "urgent");
    List<Example> out = new ArrayList<>();
    for (LabelledLines.Line line : read.lines()) {
      JsonObject o = line.json();
      String split = o.has("split") ? o.get("split").getAsString() : "test";
      out.add(new Example(line.q(), line.label(), split));
    }
    return new Loaded(out, read.skipped());
  }

  /** The trainers' file in {@code corpusDir}; empty when there is none. */
  public static Loaded trainerFile(Path corpusDir) {
    Path file = corpusDir.resolve(TRAINER_FILE);
    if (!Files.isRegularFile(file)) {
      return new Loaded(List.of(), List.of());
    }
    try {
      TrainerLines.Read read = TrainerLines.read(Files.readString(file, StandardCharsets.UTF_8), TrainerLines.URGENCY);
      return new Loaded(read.lines().stream().map(l -> new Example(l.text(), l.label().equals("urgent"), "trainer"))
          .toList(), read.skipped());
    } catch (IOException e) {
      return new Loaded(List.of(), List.of(TRAINER_FILE + ": cannot be read (" + e.getMessage() + ")"));
    }
  }
}
