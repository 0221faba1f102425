package uk.safeguarding.guidance.ops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An exception's chain of causes, walked once in one place: the exception itself first, then its cause, and
 * so on, each at most once (a chain that loops back, A caused by B caused by A, ends where it would repeat).
 * Stateless.
 */
public final class Causes {

  private Causes() {}

  /** {@code e} and its causes, outermost first; empty for null. */
  public static List<Throwable> of(Throwable e) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  /** Whether {@code e} or any of its causes is what {@code test} looks for. */
  public static boolean any(Throwable e, Predicate<Throwable> test) {
    return of(e).stream().anyMatch(test);
  }
}
