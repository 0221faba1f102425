package uk.safeguarding.guidance.corpus;

import java.nio.file.Path;
import java.util.List;

/**
 * A document as loaded from the corpus: its metadata, its blocks in reading order and the file it
 * came from.
 */
public record SourceDocument(DocumentMetadata metadata, List<Block> blocks, Path path) {

  public SourceDocument {
    blocks = List.copyOf(blocks);
  }

  public String id() {
    return metadata.id();
  }
}
