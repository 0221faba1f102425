package uk.safeguarding.guidance.screen;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Sentences that carry no danger and surround real ones in practitioners' messages: admin questions
 * ("Which form do I need to fill in for this?"), greetings, paperwork news. The screen learns each
 * example once more with one of them beside it ({@link SafetyScreen#train}), so a danger is not lost
 * among them. Shipped in the jar as JSON lines {@code {"q", "split"}}, split by the SHA-256 of the text
 * (a quarter "test") before any was used, so the eval dilutes the test split with sentences the screen
 * it scores never learned beside.
 */
public final class RoutineSentences {

  static final String FILE = "/screen/routine-sentences.jsonl";

  private RoutineSentences() {}

  /** Every sentence, as the server's screen learns them. */
  public static List<String> all() {
    return read(null);
  }

  /** The sentences of one split ("train" or "test"). */
  public static List<String> split(String split) {
    return read(split);
  }

  private static List<String> read(String split) {
    try (InputStream in = RoutineSentences.class.getResourceAsStream(FILE)) {
      if (in == null) {
        throw new IllegalStateException("The safety screen's routine sentences " + FILE + " are missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
          .map(l -> JsonParser.parseString(l).getAsJsonObject())
          .filter(o -> split == null || split.equals(o.get("split").getAsString()))
          .map(RoutineSentences::text).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the safety screen's routine sentences " + FILE, e);
    }
  }

  private static String text(JsonObject o) {
    return o.get("q").getAsString().strip();
  }
}
