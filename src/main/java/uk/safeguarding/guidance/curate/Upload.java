package uk.safeguarding.guidance.curate;

import java.util.List;
import java.util.Objects;

/**
 * A file a trainer sent, with the metadata typed beside it and any fixes to its structure. The file
 * name gives the extension, and the id when nothing else does (see {@link IdChoice}).
 */
public record Upload(String filename, byte[] content, MetadataForm metadata, List<StructureFix> fixes) {

  /** More fixes than this is not a trainer at a form. */
  static final int MAX_FIXES = 2000;

  public Upload {
    content = Objects.requireNonNullElse(content, new byte[0]);
    metadata = Objects.requireNonNullElse(metadata, MetadataForm.EMPTY);
    fixes = fixes == null ? List.of() : List.copyOf(fixes);
    if (fixes.size() > MAX_FIXES) {
      throw Rejected.bad("fixes", String.valueOf(fixes.size()), "At most " + MAX_FIXES + " fixes can be sent at once.");
    }
  }

  public Upload(String filename, byte[] content, MetadataForm metadata) {
    this(filename, content, metadata, List.of());
  }
}
