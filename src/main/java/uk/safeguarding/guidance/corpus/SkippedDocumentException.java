package uk.safeguarding.guidance.corpus;

import java.io.Serial;
import java.nio.file.Path;

/** Thrown by a loader when a file cannot become a document; the corpus reader counts and reports it. */
public class SkippedDocumentException extends Exception {

  @Serial
  private static final long serialVersionUID = 1L;

  private final transient Path path;

  public SkippedDocumentException(Path path, String reason) {
    super(reason);
    this.path = path;
  }

  public SkippedDocumentException(Path path, String reason, Throwable cause) {
    super(reason, cause);
    this.path = path;
  }

  public Path path() {
    return path;
  }
}
