package uk.safeguarding.guidance.ops;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON lines of labelled questions, the format of the example files trainers extend: one object a
 * line with the question in {@code "q"} and a true/false label ({@code "urgent"}, {@code
 * "answerable"} …), other fields as each file needs. Blank lines are ignored; a line that is not such
 * an object is set aside with its number and why. Stateless.
 */
public final class LabelledLines {

  private LabelledLines() {}

  /** One usable line: its number (from 1), question, label and the whole object for other fields. */
  public record Line(int number, String q, boolean label, JsonObject json) {}

  /** The usable lines, and for each line that was not, "SOURCE line N: why". */
  public record Read(List<Line> lines, List<String> skipped) {}

  public static Read read(String text, String source, String labelField) {
    List<Line> lines = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    String[] raw = text.split("\n");
    for (int i = 0; i < raw.length; i++) {
      String line = raw[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        JsonObject o = JsonParser.parseString(line).getAsJsonObject();
        JsonElement q = o.get("q");
        JsonElement label = o.get(labelField);
        if (q == null || !q.isJsonPrimitive() || label == null || !label.isJsonPrimitive()
            || !label.getAsJsonPrimitive().isBoolean()) {
          skipped.add(source + " line " + (i + 1) + ": needs \"q\" (text) and \"" + labelField + "\" (true or false)");
          continue;
        }
        lines.add(new Line(i + 1, q.getAsString(), label.getAsBoolean(), o));
      } catch (JsonParseException | IllegalStateException | IllegalArgumentException e) {
        skipped.add(source + " line " + (i + 1) + ": not a JSON object (" + e.getMessage() + ")");
      }
    }
    return new Read(lines, skipped);
  }
}
