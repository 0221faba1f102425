package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.embed.Embedder;

class NoTopicTest {

  /** Embeds "thanks" and "what now" on the first axis, anything else on the second; counts its calls. */
  private static final class TwoAxes implements Embedder {

    final AtomicInteger calls = new AtomicInteger();

    @Override
    public String modelId() {
      return "two-axes";
    }

    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public float[] embedQuery(String query) {
      calls.incrementAndGet();
      return query.equals("thanks") || query.equals("what now") ? new float[] {1, 0} : new float[] {0, 1};
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
      return passages.stream().map(this::embedQuery).toList();
    }
  }

  @Test
  void a_question_closer_to_a_topicless_line_than_to_any_labelled_question_by_the_margin_lacks_a_topic() {
    NoTopic check = new NoTopic(() -> List.of("thanks", "what now"), new TwoAxes());
    float[] likeThanks = {0.95f, (float) Math.sqrt(1 - 0.95 * 0.95)};
    // Cosine 0.95 with "thanks": a topic-less message unless some writer's question comes within the margin.
    assertTrue(check.lacksTopic(likeThanks, 0.60));
    assertTrue(check.lacksTopic(likeThanks, 0.95 - NoTopic.MARGIN - 0.001));
    assertFalse(check.lacksTopic(likeThanks, 0.95 - NoTopic.MARGIN + 0.001));
    assertFalse(check.lacksTopic(new float[] {0, 1}, 0.2), "nowhere near a topic-less line");
    assertFalse(check.lacksTopic(null, 0), "no embedding: no verdict");
  }

  @Test
  void the_lines_are_embedded_once_at_first_use() {
    TwoAxes embedder = new TwoAxes();
    NoTopic check = new NoTopic(() -> List.of("thanks", "what now", "hello"), embedder);
    assertEquals(0, embedder.calls.get());
    check.lacksTopic(new float[] {1, 0}, 0);
    check.lacksTopic(new float[] {0, 1}, 0);
    assertEquals(3, embedder.calls.get());
  }

  @Test
  void the_shipped_lines_leave_out_comments_and_blank_lines() {
    List<String> lines = NoTopic.shipped();
    assertEquals(142, lines.size());
    assertTrue(lines.contains("now what"), "asked alone, \"what now?\" was answered with passages saying \"now\"");
    assertFalse(lines.contains("what now?"), "held out in src/test/resources/answer/topicless-test.txt");
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("#") || l.isBlank()));
  }
}
