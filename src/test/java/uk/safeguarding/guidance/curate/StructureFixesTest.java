package uk.safeguarding.guidance.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.corpus.Block;
import uk.safeguarding.guidance.corpus.CorpusReader;
import uk.safeguarding.guidance.corpus.Passage;

/** A trainer's structure fixes are written into the stored text, which reads back as fixed. */
class StructureFixesTest {

  private static final String DOC = "# Bruising briefing\n\nIntroduction to the briefing.\n\n"
      + "Bruising in non-mobile babies\n\nAny bruise on a baby who is not yet mobile must be referred the same day.\n\n"
      + "#### Who to call\n\nRing the duty team on the number in the procedure.\n\n"
      + "Page 3 of 9\n\n## Background\n\nThe partnership reviewed six cases.\n";
  private final UploadPreparer preparer = new UploadPreparer(CorpusReader.standard(), Path.of("corpus"), 1 << 20);

  private PreparedUpload prepare(List<StructureFix> fixes) {
    return preparer.prepare(new Upload("bruising.md", DOC.getBytes(StandardCharsets.UTF_8), MetadataForm.EMPTY, fixes),
        null, true);
  }

  private static List<String> sections(PreparedUpload p) {
    return p.passages().stream().map(Passage::section).toList();
  }

  @Test
  void without_fixes_the_outline_is_the_files_blocks_and_the_markdown_is_stored_as_sent() {
    PreparedUpload p = prepare(List.of());
    assertEquals(8, p.outline().size(), "the running 'Page 3 of 9' is furniture the loader already drops");
    assertEquals("md", p.ext());
    assertEquals(Block.paragraph("Bruising in non-mobile babies"), p.outline().get(2));
    assertEquals(Block.heading(4, "Who to call"), p.outline().get(4));
  }

  @Test
  void a_paragraph_made_a_heading_starts_its_own_passage_and_a_heading_level_is_fixed() {
    PreparedUpload p = prepare(List.of(new StructureFix("level", 2, 2, null), new StructureFix("level", 4, 3, null)));
    assertEquals("txt", p.ext(), "a fixed document is stored as text with '#' headings");
    String stored = new String(p.bytes(), StandardCharsets.UTF_8);
    assertTrue(stored.contains("\n## Bruising in non-mobile babies\n\n"), stored);
    assertTrue(stored.contains("\n### Who to call\n\n"), stored);
    assertTrue(sections(p).contains("Bruising briefing › Bruising in non-mobile babies"), sections(p).toString());
    assertTrue(p.passages().stream().anyMatch(x -> x.anchor().equals("bruising-in-non-mobile-babies")));
    assertEquals(DOC.getBytes(StandardCharsets.UTF_8).length, p.original().length, "the upload is kept as sent");
  }

  @Test
  void merge_removes_a_heading_split_adds_one_and_drop_leaves_furniture_out() {
    PreparedUpload p = prepare(List.of(new StructureFix("merge", 6, 0, null),
        new StructureFix("split", 1, 2, "Introduction"), new StructureFix("drop", 5, 0, null)));
    String stored = new String(p.bytes(), StandardCharsets.UTF_8);
    assertTrue(stored.contains("## Introduction\n\nIntroduction to the briefing."), stored);
    assertTrue(!stored.contains("Ring the duty team"), stored);
    assertTrue(
        stored.contains("#### Who to call\n\n## Background") == false && stored.contains("The partnership reviewed"),
        stored);
    assertTrue(sections(p).stream().noneMatch(s -> s.endsWith("Background")), sections(p).toString());
  }

  @Test
  void fixes_are_checked_naming_the_parameter() {
    Rejected outside = assertThrows(Rejected.class, () -> prepare(List.of(new StructureFix("drop", 99, 0, null))));
    assertEquals("fixes", outside.parameter());
    assertEquals("A fix names block 99, but the document has 8 blocks: preview the file again.", outside.getMessage());
    Rejected merge = assertThrows(Rejected.class, () -> prepare(List.of(new StructureFix("merge", 1, 0, null))));
    assertEquals("Block 1 is not a heading, so there is no passage to merge into the one before.", merge.getMessage());
    Rejected op = assertThrows(Rejected.class, () -> new StructureFix("rename", 1, 0, null));
    assertEquals("Each fix's 'op' must be one of level, merge, split or drop, got 'rename'.", op.getMessage());
    assertThrows(Rejected.class, () -> new StructureFix("split", 1, 2, " "));
  }

  @Test
  void an_id_made_from_a_long_title_stops_at_a_word_before_fifty_characters() {
    assertEquals("local-child-safeguarding-practice-review-child-h", IdChoice.shortened(
        "local-child-safeguarding-practice-review-child-h-riverside-partnership-2024"));
    assertEquals("short-title", IdChoice.shortened("short-title"));
  }

  @Test
  void a_fixed_document_keeps_its_tables_as_pipe_tables_that_read_back_as_the_same_rows() {
    String doc = "# Contacts briefing\n\nWho to call.\n\n| | |\n|---|---|\n| Emergency Duty Team | 01632 960 999 |\n"
        + "| Front door | 01632 960 000 |\n\n| Agency | Telephone |\n|---|---|\n| Police | 101 |\n| Health | 01632 960 510 |\n";
    Upload upload = new Upload("contacts.md", doc.getBytes(StandardCharsets.UTF_8), MetadataForm.EMPTY,
        List.of(new StructureFix("split", 1, 2, "Who to call")));
    PreparedUpload p = preparer.prepare(upload, null, true);
    String stored = new String(p.bytes(), StandardCharsets.UTF_8);
    assertTrue(
        stored.contains("|  |  |\n|---|---|\n| Emergency Duty Team | 01632 960 999 |\n| Front door | 01632 960 000 |"),
        stored);
    assertEquals(List.of("Who to call.\n\nEmergency Duty Team: 01632 960 999\n\nFront door: 01632 960 000\n\n"
        + "Agency: Police\nTelephone: 101\n\nAgency: Health\nTelephone: 01632 960 510"),
        p.passages().stream().map(Passage::text).toList());
    assertEquals(List.of(Block.Kind.HEADING, Block.Kind.HEADING, Block.Kind.PARAGRAPH, Block.Kind.TABLE),
        p.document().blocks().stream().map(Block::kind).toList().subList(0, 4));
  }
}
