package uk.safeguarding.guidance.curate;

import java.util.List;
import uk.safeguarding.guidance.corpus.Block;
import uk.safeguarding.guidance.corpus.FieldSource;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.corpus.SourceDocument;

/**
 * An upload turned into what would be stored, with nothing written yet.
 *
 * @param id          the document's id, with how it was chosen
 * @param ext         the stored file's extension ({@code <id>.<ext>})
 * @param bytes       the stored file's bytes: the metadata written into the file's own text
 * @param document    those bytes read back exactly as the corpus reader will read them
 * @param passages    how the document splits into cited passages
 * @param original    the uploaded bytes, kept beside the corpus when the stored text is derived
 *                    from them (a PDF, an HTML page); null otherwise
 * @param originalExt the uploaded file's extension
 * @param found       the metadata the file itself gave before it was written into the stored
 *                    text (a PDF's), so the preview can name its real source; empty otherwise
 * @param outline     the blocks of the file as read, before any structure fixes: what the fixes name
 */
record PreparedUpload(IdChoice id, String ext, byte[] bytes, SourceDocument document, List<Passage> passages,
    byte[] original, String originalExt, List<FieldSource> found, List<Block> outline) {

  String fileName() {
    return id.id() + "." + ext;
  }
}
