package uk.safeguarding.guidance.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TrainingMemoTest {

  private record Example(String text, boolean label) {}

  @Test
  void the_same_inputs_train_once_and_an_input_that_moved_during_training_is_not_remembered() {
    TrainingMemo<String> memo = new TrainingMemo<>();
    AtomicInteger trainings = new AtomicInteger();
    assertEquals("model 1", memo.get("k", () -> "model " + trainings.incrementAndGet(), () -> true));
    assertEquals("model 1", memo.get("k", () -> "model " + trainings.incrementAndGet(), () -> true));
    assertEquals(1, trainings.get());
    assertEquals("model 2", memo.get("moved", () -> "model " + trainings.incrementAndGet(), () -> false));
    assertEquals("model 3", memo.get("moved", () -> "model " + trainings.incrementAndGet(), () -> true));
    assertEquals(3, trainings.get(), "the training whose inputs moved was not remembered");
  }

  @Test
  void the_digest_changes_with_any_field_of_any_example() {
    String base = TrainingMemo.digest(List.of(new Example("a", true), new Example("b", false)));
    assertEquals(base, TrainingMemo.digest(List.of(new Example("a", true), new Example("b", false))));
    assertNotEquals(base, TrainingMemo.digest(List.of(new Example("a", true), new Example("b", true))));
    assertNotEquals(base, TrainingMemo.digest(List.of(new Example("a", true))));
    assertEquals(TrainingMemo.digest(List.of()).substring(0, 2), "0:");
  }
}
