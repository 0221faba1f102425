package uk.safeguarding.guidance.curate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.safeguarding.guidance.corpus.Block;

/** Builds the preview of a prepared upload: the page's editor reads everything from it. Stateless. */
final class Previews {

  /** The outline shows the start of each block; the passages show them whole. */
  static final int OUTLINE_TEXT_CHARS = 240;
  /**
   * Passages listed in a preview: a trainer checks how a document splits from its first few hundred,
   * and a 19 MB file (31,000 passages) made a 33 MB preview the page would draw whole. The count says
   * how many there are.
   */
  static final int MAX_PASSAGES_SHOWN = 300;
  /** Blocks of the outline listed (structure fixes name them): a long report has a few hundred. */
  static final int MAX_BLOCKS_SHOWN = 2000;
  /**
   * A file making more passages than this is worth a warning: about ten times the shipped library (167),
   * more than any single report in it; indexing a 1 MB file of 1,574 passages took about 50 s on two cores,
   * and such a file is often several documents joined, or an export rather than guidance.
   */
  static final int LARGE_DOCUMENT_PASSAGES = 1500;
  /** Notes listed; the rest are counted in one more note. */
  static final int MAX_NOTES_SHOWN = 50;

  private Previews() {}

  static Curator.Preview of(PreparedUpload p, Curator.DocumentEntry existing, PreviewChecks.Report report,
      List<Curator.ThemeSuggestion> themes) {
    List<String> warnings = new ArrayList<>();
    if (existing != null) {
      warnings.add("A document with id '" + p.id().id() + "' already exists: “" + existing.title() + "” ("
          + existing.file() + "). Publishing would replace it: choose “Replace it”, or change the id.");
    }
    int count = p.passages().size();
    if (count > LARGE_DOCUMENT_PASSAGES) {
      warnings.add("This file makes " + count + " passages, more than " + LARGE_DOCUMENT_PASSAGES
          + " (the whole library "
          + "this server ships with makes 167): publishing it takes minutes of indexing. Check it is one document of "
          + "guidance, not several joined or a data export. The preview lists the first " + MAX_PASSAGES_SHOWN + ".");
    }
    Curator.DocumentEntry document = Curator.DocumentEntry.of(p.document().metadata(), p.fileName(), p.ext(),
        CorpusFiles.sha256(p.bytes()));
    List<Curator.PassagePreview> passages = p.passages().stream().limit(MAX_PASSAGES_SHOWN)
        .map(x -> new Curator.PassagePreview(x.anchor(), x.section(), x.text(), PassageKinds.of(x))).toList();
    List<Curator.OutlineBlock> outline = new ArrayList<>();
    for (int i = 0; i < Math.min(p.outline().size(), MAX_BLOCKS_SHOWN); i++) {
      Block b = p.outline().get(i);
      String text = b.text().length() > OUTLINE_TEXT_CHARS ? b.text().substring(0, OUTLINE_TEXT_CHARS) + "…" : b.text();
      outline.add(new Curator.OutlineBlock(i, b.kind().name().toLowerCase(Locale.ROOT), b.level(), text));
    }
    List<String> notes = new ArrayList<>(report.notes().stream().limit(MAX_NOTES_SHOWN).toList());
    if (report.notes().size() > MAX_NOTES_SHOWN) {
      notes.add("… and " + (report.notes().size() - MAX_NOTES_SHOWN) + " more notes like these.");
    }
    return new Curator.Preview(document, new Curator.IdView(p.id().id(), p.id().how()), existing, passages, count,
        List.copyOf(outline), p.outline().size(), List.copyOf(warnings),
        new Curator.MetadataReport(report.fields(), report.missing(), List.copyOf(notes), List.copyOf(themes)));
  }
}
