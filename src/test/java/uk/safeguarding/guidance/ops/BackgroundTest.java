package uk.safeguarding.guidance.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both ways: side by side on the common pool (a large heap), and in turn (a small one). */
class BackgroundTest {

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void the_result_of_the_work_is_what_join_returns(boolean sideBySide) {
    assertEquals(42, Background.start(() -> 6 * 7, sideBySide).join());
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void what_the_work_threw_is_thrown_by_join_as_itself_not_wrapped(boolean sideBySide) {
    IllegalArgumentException thrown =
        new IllegalArgumentException("A logistic regression needs examples of both labels");
    Background<Integer> b = Background.start(() -> {
      throw thrown;
    }, sideBySide);
    assertSame(thrown, assertThrows(IllegalArgumentException.class, b::join));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void an_error_in_the_work_is_thrown_as_itself(boolean sideBySide) {
    OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
    Background<Integer> b = Background.start(() -> {
      throw oom;
    }, sideBySide);
    assertSame(oom, assertThrows(OutOfMemoryError.class, b::join));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void in_turn_the_work_runs_on_the_callers_thread_side_by_side_on_another(boolean sideBySide) {
    AtomicReference<Thread> ran = new AtomicReference<>();
    Background.start(() -> {
      ran.set(Thread.currentThread());
      return 0;
    }, sideBySide).join();
    assertEquals(!sideBySide, ran.get() == Thread.currentThread());
  }
}
