package uk.safeguarding.guidance.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BackgroundTest {

  @Test
  void the_result_of_the_work_is_what_join_returns() {
    assertEquals(42, Background.start(() -> 6 * 7).join());
  }

  @Test
  void what_the_work_threw_is_thrown_by_join_as_itself_not_wrapped() {
    IllegalArgumentException thrown =
        new IllegalArgumentException("A logistic regression needs examples of both labels");
    Background<Integer> b = Background.start(() -> {
      throw thrown;
    });
    assertSame(thrown, assertThrows(IllegalArgumentException.class, b::join));
  }

  @Test
  void an_error_in_the_work_is_thrown_as_itself() {
    OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
    Background<Integer> b = Background.start(() -> {
      throw oom;
    });
    assertSame(oom, assertThrows(OutOfMemoryError.class, b::join));
  }
}
