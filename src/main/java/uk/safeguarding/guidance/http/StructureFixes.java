package uk.safeguarding.guidance.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import uk.safeguarding.guidance.curate.StructureFix;

/** Reads an upload's structure fixes (the form field 'fixes'), refusing anything but the documented shape. */
final class StructureFixes {

  /** The fields of one structure fix ({@link StructureFix}). */
  static final Set<String> FIX_FIELDS = Set.of("op", "block", "level", "heading");

  private StructureFixes() {}

  /** The structure fixes, a JSON list of {op, block, level, heading}; none when not given. */
  static List<StructureFix> parse(String json) {
    if (json == null) {
      return List.of();
    }
    JsonElement root;
    try {
      root = JsonParser.parseString(json);
    } catch (JsonParseException e) {
      throw BadRequest.invalidJson("fixes", "The parameter 'fixes' is not valid JSON", e);
    }
    if (!root.isJsonArray()) {
      throw new BadRequest("fixes", null, "The parameter 'fixes' must be a JSON list of fixes.");
    }
    List<StructureFix> out = new ArrayList<>();
    for (JsonElement e : root.getAsJsonArray()) {
      if (!e.isJsonObject()) {
        throw new BadRequest("fixes", e.toString(), "Each fix must be an object with 'op' and 'block'.");
      }
      JsonObject f = e.getAsJsonObject();
      for (String key : new TreeSet<>(f.keySet())) {
        if (!FIX_FIELDS.contains(key)) {
          throw new BadRequest("fixes", key, "Unknown field '" + key + "' in a fix; a fix has "
              + String.join(", ", new TreeSet<>(FIX_FIELDS)) + ".");
        }
      }
      out.add(new StructureFix(AdminController.string(f, "op"), integer(f, "block"), integer(f, "level"),
          AdminController.string(f, "heading")));
    }
    return out;
  }

  private static int integer(JsonObject body, String field) {
    JsonElement v = body.get(field);
    if (v == null || v.isJsonNull()) {
      return 0;
    }
    try {
      if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
        throw new NumberFormatException("not a JSON number"); // "1" in quotes is text, as for the string fields
      }
      return v.getAsJsonPrimitive().getAsBigDecimal().intValueExact();
    } catch (RuntimeException e) {
      throw new BadRequest(field, v.toString(), "The parameter '" + field + "' must be a whole number.");
    }
  }
}
