package uk.safeguarding.guidance.curate;

import java.util.Objects;

/**
 * A file a trainer sent, with the metadata typed beside it. The file name is only ever used for its
 * extension: the stored name comes from the document's id.
 */
public record Upload(String filename, byte[] content, MetadataForm metadata) {

  public Upload {
    content = Objects.requireNonNullElse(content, new byte[0]);
    metadata = Objects.requireNonNullElse(metadata, MetadataForm.EMPTY);
  }
}
