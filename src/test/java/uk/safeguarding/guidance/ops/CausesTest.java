package uk.safeguarding.guidance.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CausesTest {

  @Test
  void the_chain_runs_from_the_exception_to_its_deepest_cause() {
    IOException root = new IOException("broken pipe");
    UncheckedIOException middle = new UncheckedIOException("reading", root);
    IllegalStateException top = new IllegalStateException("answering", middle);
    assertEquals(List.of(top, middle, root), Causes.of(top));
    assertTrue(Causes.any(top, IOException.class::isInstance));
    assertFalse(Causes.any(top, InterruptedException.class::isInstance));
    assertEquals(List.of(), Causes.of(null));
  }

  /** A chain that loops back (A caused by B caused by A) ends where it would repeat, instead of walking forever. */
  @Test
  void a_chain_that_loops_back_ends_where_it_would_repeat() {
    IllegalStateException a = new IllegalStateException("a");
    IllegalArgumentException b = new IllegalArgumentException("b", a);
    a.initCause(b);
    assertEquals(List.of(a, b), Causes.of(a));
    assertFalse(Causes.any(a, IOException.class::isInstance));
  }
}
