package uk.safeguarding.guidance.corpus;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A document as loaded from the corpus: its metadata, its blocks in reading order, the file it
 * came from, and where its metadata came from.
 */
public record SourceDocument(DocumentMetadata metadata, List<Block> blocks, Path path, Extraction extraction) {

  public SourceDocument {
    blocks = List.copyOf(blocks);
    extraction = Objects.requireNonNullElse(extraction, Extraction.NONE);
  }

  public SourceDocument(DocumentMetadata metadata, List<Block> blocks, Path path) {
    this(metadata, blocks, path, Extraction.NONE);
  }

  public String id() {
    return metadata.id();
  }
}
