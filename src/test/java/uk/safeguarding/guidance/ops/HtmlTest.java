package uk.safeguarding.guidance.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void the_five_markup_characters_become_entities_and_the_rest_is_kept() {
    assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; – “é” 🙂",
        Html.escape("a <b> & \"c\" 'd' – “é” 🙂"));
  }

  @Test
  void an_entity_already_in_the_text_is_escaped_again_so_it_shows_as_typed() {
    assertEquals("&amp;lt;script&amp;gt;", Html.escape("&lt;script&gt;"));
  }
}
