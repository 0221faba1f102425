package uk.safeguarding.guidance.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

  private final List<String> lines = new ArrayList<>();
  private long now;

  private Progress progress(long total) {
    return new Progress("Embedding passages", "passages", total, lines::add, () -> now);
  }

  private void seconds(double s) {
    now += (long) (s * 1e9);
  }

  @Test
  void a_line_every_five_seconds_with_rate_and_eta_then_a_closing_line() {
    Progress p = progress(1_000);
    for (int i = 0; i < 10; i++) {
      seconds(1);
      p.advance(50); // 50 a second
    }
    p.advance(500);
    p.finish();
    assertEquals(List.of(
        "Embedding passages: 250/1,000 passages (25%), 50.0 passages/s, ETA 15 s",
        "Embedding passages: 500/1,000 passages (50%), 50.0 passages/s, ETA 10 s",
        "Embedding passages: 1,000 passages in 10.0 s (100.0 passages/s)"), lines);
  }

  @Test
  void a_task_shorter_than_five_seconds_writes_nothing() {
    Progress p = progress(3);
    for (int i = 0; i < 3; i++) {
      seconds(1);
      p.step();
    }
    p.finish();
    assertEquals(List.of(), lines);
  }

  @Test
  void a_long_eta_is_given_in_minutes() {
    Progress p = progress(10_000);
    seconds(6);
    p.advance(60);
    assertEquals(List.of("Embedding passages: 60/10,000 passages (0%), 10.0 passages/s, ETA 16 min 34 s"), lines);
  }

  @Test
  void a_negative_total_is_refused_naming_the_task() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Progress("Reading documents", "documents", -1, lines::add, () -> 0));
    assertEquals("The total of 'Reading documents' must not be negative, got -1.", e.getMessage());
  }
}
