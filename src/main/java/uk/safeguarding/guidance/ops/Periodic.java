package uk.safeguarding.guidance.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task run on a schedule that survives its own failure. A scheduled executor stops repeating a task
 * the first time it throws, silently: an outsider's probe ran the heap out with one upload, and the
 * daily retention purge, the corpus watcher and the memory trim would each have stopped for good had
 * the error reached them mid-run. Wrapped, a failure (an error such as running out of heap included) is
 * logged and the task runs again at its next time. Stateless.
 */
public final class Periodic {

  private static final Logger LOG = LoggerFactory.getLogger(Periodic.class);

  private Periodic() {}

  /** {@code task}, logging and swallowing whatever it throws; {@code what} names it in the log. */
  public static Runnable guarded(String what, Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException | Error e) { // an Error too: the schedule must outlive one bad run
        LOG.error("{} failed; it runs again at its next time", what, e);
      }
    };
  }
}
