package uk.safeguarding.guidance.corpus;

import java.nio.file.Path;
import java.util.Set;

/**
 * Turns one file into a {@link SourceDocument}. Implementations are stateless and thread-safe.
 * A PDF or DOCX loader plugs in here by naming its extensions.
 */
public interface DocumentLoader {

  /** Lowercase file extensions this loader reads, without the dot. */
  Set<String> extensions();

  /**
   * Reads the file. The returned document's metadata comes from the file itself (front matter,
   * HTML meta tags) with {@code fallbackId} used when the file names no id.
   */
  SourceDocument load(Path file, byte[] content, String fallbackId) throws SkippedDocumentException;
}
