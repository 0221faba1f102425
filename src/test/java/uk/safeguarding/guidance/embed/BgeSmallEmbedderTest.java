package uk.safeguarding.guidance.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BgeSmallEmbedderTest {

  /** Each of these made the model throw (no token to average), which reached an ask as a 500. */
  static final List<String> NOTHING_TO_TOKENISE =
      List.of("", " ", "\ud800", "\u0000\u0001", "\ufffd", "\u200b", "\ue000", "\u0301", "\t\n");

  @Test
  void a_text_the_tokenizer_keeps_nothing_of_is_embedded_as_the_placeholder_and_others_as_they_are() {
    NOTHING_TO_TOKENISE.forEach(t -> assertEquals(BgeSmallEmbedder.NOTHING, BgeSmallEmbedder.embeddable(t), t));
    for (String kept : List.of("a\ud800b", "?", "\ud83d\ude00", "3yo", "\u3000x")) {
      assertEquals(kept, BgeSmallEmbedder.embeddable(kept));
    }
  }

  @Test
  void the_model_embeds_every_such_text_as_a_question_and_as_a_passage() {
    BgeSmallEmbedder model = new BgeSmallEmbedder();
    List<float[]> passages = model.embedPassages(NOTHING_TO_TOKENISE);
    assertEquals(NOTHING_TO_TOKENISE.size(), passages.size());
    for (String t : NOTHING_TO_TOKENISE) {
      assertEquals(1.0, Vectors.dot(model.embedQuery(t), model.embedQuery(t)), 1e-4, "a unit vector for " + t);
    }
  }
}
