package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CitationsExcerptTest {

  private static final String LONG =
      "Opening words. ".repeat(60) + "Those reviews should be proportionate, by which we mean:\n"
          + "- focussed on the core issues\n- not lengthy\n" + "Closing words. ".repeat(60);

  @Test
  void a_short_passage_is_quoted_whole() {
    assertEquals("Short passage.", Citations.excerpt("Short passage.", "Short passage."));
  }

  @Test
  void a_long_passage_is_quoted_as_a_window_around_the_quoted_sentence() {
    String excerpt = Citations.excerpt(LONG, "focussed on the core issues");
    assertTrue(excerpt.startsWith("… ") && excerpt.endsWith(" …"), excerpt);
    assertTrue(excerpt.contains("focussed on the core issues"), excerpt);
    assertTrue(excerpt.length() <= Citations.EXCERPT_CHARS + 4, "length " + excerpt.length());
  }

  @Test
  void a_lead_in_quoted_with_its_items_is_found_by_its_start() {
    String point = "Those reviews should be proportionate, by which we mean: focussed on the core issues; not lengthy";
    String excerpt = Citations.excerpt(LONG, point);
    assertTrue(
        excerpt.contains("Those reviews should be proportionate, by which we mean:\n- focussed on the core issues"),
        excerpt);
  }
}
