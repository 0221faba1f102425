package uk.safeguarding.guidance.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Reads a JSON request body as the standard defines it, and no more leniently: Gson's own parsing
 * accepts single quotes, comments, unquoted names and NaN, keeps the last of two equal names, and a
 * body that is not UTF-8 arrives with its bad bytes replaced. Each of those is a client's mistake that
 * would otherwise be answered as if the request meant something, so each is a 400 naming what is
 * wrong. Stateless.
 */
final class StrictJson {

  /**
   * Deepest nesting read: the API's bodies are two levels deep (an object of filter lists), so this
   * leaves room for any client's shape while a deeply nested body is refused before it costs stack.
   */
  static final int MAX_DEPTH = 16;

  private StrictJson() {}

  /**
   * The body as a JSON object whose names are all among {@code known}; {@code charset} is the one the
   * Content-Type declares, null for none (then UTF-8, as JSON is).
   */
  static JsonObject object(byte[] body, String charset, Set<String> known) {
    JsonElement root = parse(text(body, charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset)));
    if (!root.isJsonObject()) {
      throw new BadRequest("body", null, "The request body must be a JSON object.");
    }
    BadRequest.refuseUnknown("field", root.getAsJsonObject().keySet(), known, name -> null);
    return root.getAsJsonObject();
  }

  /**
   * The bytes as text, refusing any byte sequence the charset does not define (an unknown charset's
   * name is refused by {@link Charset#forName}, which {@link ClientFaults} answers with a 400).
   */
  static String text(byte[] body, Charset charset) {
    try {
      return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw new BadRequest("body", null, "The request body is not valid " + charset.name() + ".");
    }
  }

  /** One JSON value filling the whole text, read strictly. */
  static JsonElement parse(String text) {
    try (JsonReader reader = new JsonReader(new StringReader(text))) {
      reader.setStrictness(Strictness.STRICT);
      JsonElement value = read(reader, 0);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new BadRequest("body", null, "The request body is not valid JSON: more follows the first value.");
      }
      return value;
    } catch (IOException e) {
      // Gson reports malformed JSON as a MalformedJsonException, an IOException: where it stopped is kept.
      throw BadRequest.invalidJson("body", "The request body is not valid JSON", new IllegalStateException(
          e.getMessage(), e));
    } catch (IllegalStateException | NumberFormatException e) {
      throw BadRequest.invalidJson("body", "The request body is not valid JSON", e);
    }
  }

  private static JsonElement read(JsonReader reader, int depth) throws IOException {
    JsonToken token = reader.peek();
    switch (token) {
      case BEGIN_OBJECT -> {
        checkDepth(depth);
        JsonObject object = new JsonObject();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          if (object.has(name)) {
            throw new BadRequest(name, null, "The field '" + name + "' is given more than once.");
          }
          object.add(name, read(reader, depth + 1));
        }
        reader.endObject();
        return object;
      }
      case BEGIN_ARRAY -> {
        checkDepth(depth);
        JsonArray array = new JsonArray();
        reader.beginArray();
        while (reader.hasNext()) {
          array.add(read(reader, depth + 1));
        }
        reader.endArray();
        return array;
      }
      case STRING -> {
        return new JsonPrimitive(reader.nextString());
      }
      case NUMBER -> {
        return new JsonPrimitive(new BigDecimal(reader.nextString()));
      }
      case BOOLEAN -> {
        return new JsonPrimitive(reader.nextBoolean());
      }
      case NULL -> {
        reader.nextNull();
        return JsonNull.INSTANCE;
      }
      default -> throw new BadRequest("body", null, "The request body is not valid JSON: unexpected " + token + ".");
    }
  }

  private static void checkDepth(int depth) {
    if (depth >= MAX_DEPTH) {
      throw new BadRequest("body", null, "The request body nests deeper than " + MAX_DEPTH + " levels.");
    }
  }
}
