package uk.safeguarding.guidance.corpus;

import java.io.Serial;
import java.nio.file.Path;

/**
 * A file that cannot be a document because nothing gives it a title (no front matter title, no
 * top-level heading, nothing on a PDF's first page). Its own type so a caller that can supply a
 * title (the upload form) asks for one without reading the message.
 */
public final class MissingTitleException extends SkippedDocumentException {

  @Serial
  private static final long serialVersionUID = 1L;

  public MissingTitleException(Path path, String reason) {
    super(path, reason);
  }
}
