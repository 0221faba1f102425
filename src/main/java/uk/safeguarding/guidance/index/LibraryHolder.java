package uk.safeguarding.guidance.index;

import java.io.Serial;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the library that searches use now. {@link #swap} replaces it atomically; searches that
 * started on the old one finish on it, and its reader closes when the last of them releases it.
 * Thread-safe; never locks around a search.
 */
public final class LibraryHolder {

  private final AtomicReference<Library> current = new AtomicReference<>();

  /** A lease on the current library; close it when done. Null-free: throws if none is ready. */
  public Lease acquire() {
    while (true) {
      Library library = current.get();
      if (library == null) {
        throw new NotReadyException();
      }
      if (library.tryIncRef()) {
        return new Lease(this, library);
      }
      // The library was swapped out and closed between get() and tryIncRef(): take the new one.
    }
  }

  /** The hash of the current library, or "" before the first. */
  public String currentHash() {
    Library library = current.get();
    return library == null ? "" : library.hash();
  }

  public boolean isReady() {
    return current.get() != null;
  }

  /** Makes {@code next} the current library and releases the holder's own reference to the old. */
  public void swap(Library next) {
    Library previous = current.getAndSet(next);
    if (previous != null) {
      previous.decRef();
    }
  }

  /** Releases the current library; further acquires fail until the next swap. */
  public void close() {
    swap(null);
  }

  /** A counted reference to one library. */
  public static final class Lease implements AutoCloseable {

    private final Library library;
    private boolean closed;

    private Lease(LibraryHolder holder, Library library) {
      this.library = library;
    }

    public Library library() {
      return library;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        library.decRef();
      }
    }
  }

  /** Thrown while the first index is still being built. */
  public static final class NotReadyException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public NotReadyException() {
      super("The guidance library is still being indexed; try again in a few seconds.");
    }
  }
}
