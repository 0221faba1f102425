package uk.safeguarding.guidance.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The search response's bytes are the ones ctx.json sent: Gson's text, encoded as String.getBytes encodes it. */
class Utf8JsonTest {

  record Body(String text, List<String> parts, Map<String, Integer> counts, float score, String missing) {}

  private static void assertSameAsStringEncoding(Object body) {
    byte[] expected = WebServer.GSON.toJson(body, body.getClass()).getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(expected, Utf8Json.bytes(body));
  }

  @Test
  void ascii_latin1_and_wider_characters_encode_as_string_get_bytes_does() {
    assertSameAsStringEncoding(new Body("Child’s “plan” — café £5 ½ ÿ 中文 ‘quoted’ …", List.of("a", "é"),
        Map.of("Ærø", 3), 1.25f, null));
  }

  @Test
  void html_characters_are_escaped_by_gson_as_before() {
    assertSameAsStringEncoding(new Body("<mark>a</mark> & 'b' = \"c\" \u2028 \u2029 \t\n\u0000", List.of(),
        Map.of(), 0f, null));
  }

  @Test
  void surrogate_pairs_become_four_bytes_and_lone_halves_a_question_mark() {
    assertSameAsStringEncoding(
        new Body("emoji 😀 then lone high \uD83D x, lone low \uDE00 y, two highs \uD83D\uD83D\uDE00",
            List.of("ends high \uD83D"), Map.of("\uDE00", 1), 2f, null));
  }

  @Test
  void a_body_larger_than_the_first_buffer_is_written_whole() {
    String big = "passage text with ünïcödé and 😀 ".repeat(4_000);
    assertSameAsStringEncoding(new Body(big, List.of(big, big), Map.of(), 3f, "x"));
  }
}
