package uk.safeguarding.guidance.curate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.safeguarding.guidance.corpus.Block;

/** Builds the preview of a prepared upload: the page's editor reads everything from it. Stateless. */
final class Previews {

  /** The outline shows the start of each block; the passages show them whole. */
  static final int OUTLINE_TEXT_CHARS = 240;

  private Previews() {}

  static Curator.Preview of(PreparedUpload p, Curator.DocumentEntry existing, PreviewChecks.Report report,
      List<Curator.ThemeSuggestion> themes) {
    List<String> warnings = new ArrayList<>();
    if (existing != null) {
      warnings.add("A document with id '" + p.id().id() + "' already exists: “" + existing.title() + "” ("
          + existing.file() + "). Publishing would replace it: choose “Replace it”, or change the id.");
    }
    Curator.DocumentEntry document = Curator.DocumentEntry.of(p.document().metadata(), p.fileName(), p.ext(),
        CorpusFiles.sha256(p.bytes()));
    List<Curator.PassagePreview> passages = p.passages().stream()
        .map(x -> new Curator.PassagePreview(x.anchor(), x.section(), x.text(), PassageKinds.of(x))).toList();
    List<Curator.OutlineBlock> outline = new ArrayList<>();
    for (int i = 0; i < p.outline().size(); i++) {
      Block b = p.outline().get(i);
      String text = b.text().length() > OUTLINE_TEXT_CHARS ? b.text().substring(0, OUTLINE_TEXT_CHARS) + "…" : b.text();
      outline.add(new Curator.OutlineBlock(i, b.kind().name().toLowerCase(Locale.ROOT), b.level(), text));
    }
    return new Curator.Preview(document, new Curator.IdView(p.id().id(), p.id().how()), existing, passages,
        List.copyOf(outline), List.copyOf(warnings),
        new Curator.MetadataReport(report.fields(), report.missing(), report.notes(), List.copyOf(themes)));
  }
}
