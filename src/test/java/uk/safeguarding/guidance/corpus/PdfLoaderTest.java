package uk.safeguarding.guidance.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.curate.TestPdfs;

class PdfLoaderTest {

  @TempDir
  Path corpus;

  static byte[] briefing() throws Exception {
    return TestPdfs.text("Bruising in Non-Mobile Babies", List.of(
        List.of("Bruising in Non-Mobile Babies", "", "What you should do",
            "Any bruise on a baby who is not yet mobile must be taken seriously.",
            "Refer the baby to children's social care the same day.", "",
            "- Record what you saw and what the parent said.", "- Tell your safeguarding lead."),
        List.of("Why it matters", "", "Bruising is the most common sign of physical abuse in babies.")));
  }

  @Test
  void a_pdf_in_the_corpus_folder_loads_with_its_title_and_text() throws Exception {
    Files.write(corpus.resolve("bruising.pdf"), briefing());
    Corpus c = CorpusReader.standard().read(corpus);
    assertEquals(List.of(), c.skipped());
    SourceDocument doc = c.documents().get(0);
    assertEquals("bruising", doc.id());
    assertEquals("Bruising in Non-Mobile Babies", doc.metadata().title());
    List<Passage> passages = new PassageSplitter().split(doc);
    String all = String.join("\n", passages.stream().map(Passage::text).toList());
    assertTrue(all.contains("Any bruise on a baby who is not yet mobile must be taken seriously."), all);
    assertTrue(all.contains("Bruising is the most common sign of physical abuse in babies."), all);
  }

  @Test
  void extraction_returns_the_text_and_the_document_information() throws Exception {
    PdfLoader.Extracted e = PdfLoader.extract(briefing());
    assertEquals("Bruising in Non-Mobile Babies", e.title());
    assertTrue(e.text().contains("Refer the baby to children's social care the same day."), e.text());
  }

  @Test
  void an_image_only_pdf_has_no_extractable_text() throws Exception {
    PdfLoader.UnreadablePdfException e = assertThrows(PdfLoader.UnreadablePdfException.class,
        () -> PdfLoader.extract(TestPdfs.imageOnly()));
    assertTrue(e.getMessage().startsWith("no extractable text"), e.getMessage());
  }

  @Test
  void an_empty_pdf_has_no_extractable_text() throws Exception {
    PdfLoader.UnreadablePdfException e = assertThrows(PdfLoader.UnreadablePdfException.class,
        () -> PdfLoader.extract(TestPdfs.empty()));
    assertTrue(e.getMessage().startsWith("no extractable text"), e.getMessage());
  }

  @Test
  void a_compression_bomb_is_refused_before_extraction() throws Exception {
    byte[] bomb = TestPdfs.bomb(PdfLoader.MAX_DECODED_BYTES + (1 << 20));
    assertTrue(bomb.length < 1 << 20, "the bomb is small on disk: " + bomb.length);
    PdfLoader.UnreadablePdfException e = assertThrows(PdfLoader.UnreadablePdfException.class,
        () -> PdfLoader.extract(bomb));
    assertEquals("the PDF expands to more than 64 MB when decompressed (a compression bomb?)", e.getMessage());
  }

  @Test
  void a_page_of_40_mb_of_text_operators_is_refused_at_the_page_cap_while_extracting() throws Exception {
    byte[] bomb = TestPdfs.textBomb(40L << 20);
    assertTrue(bomb.length > 100_000 && bomb.length < 200_000, "a small file: " + bomb.length);
    PdfLoader.UnreadablePdfException e = assertThrows(PdfLoader.UnreadablePdfException.class,
        () -> PdfLoader.extract(bomb));
    assertEquals("the PDF's page 1 has over 100,000 characters of text, the most one page may hold (a text bomb?)",
        e.getMessage());
  }

  @Test
  void one_huge_array_operand_is_refused_before_pdfbox_parses_it() throws Exception {
    byte[] bomb = TestPdfs.operandBomb(8L << 20);
    PdfLoader.UnreadablePdfException e = assertThrows(PdfLoader.UnreadablePdfException.class,
        () -> PdfLoader.extract(bomb));
    assertEquals("the content of page 1 has over 1,024 KB of operands before an operator, the most allowed "
        + "(a parser bomb?)", e.getMessage());
  }

  @Test
  void a_pdf_still_being_read_at_the_deadline_is_refused_naming_the_time_limit() throws Exception {
    PdfLoader.Limits instant = new PdfLoader.Limits(PdfLoader.MAX_PAGE_CHARS, PdfLoader.MAX_TEXT_CHARS,
        PdfLoader.MAX_OPERAND_BYTES, java.time.Duration.ofNanos(1));
    PdfLoader.UnreadablePdfException e = assertThrows(PdfLoader.UnreadablePdfException.class,
        () -> PdfLoader.extract(briefing(), instant));
    assertEquals("reading the PDF took over 0.000 seconds (stopped at page 1), the most one file may take",
        e.getMessage());
  }

  @Test
  void a_document_over_the_text_cap_is_refused_naming_it() throws Exception {
    PdfLoader.Limits small = new PdfLoader.Limits(PdfLoader.MAX_PAGE_CHARS, 100, PdfLoader.MAX_OPERAND_BYTES,
        PdfLoader.TIMEOUT);
    PdfLoader.UnreadablePdfException e = assertThrows(PdfLoader.UnreadablePdfException.class,
        () -> PdfLoader.extract(briefing(), small));
    assertEquals("the PDF's text is over 100 characters, the most one document may hold", e.getMessage());
  }

  @Test
  void a_file_that_is_not_a_pdf_is_refused() {
    PdfLoader.UnreadablePdfException e = assertThrows(PdfLoader.UnreadablePdfException.class,
        () -> PdfLoader.extract("PK\u0003\u0004 zip".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
    assertEquals("not a PDF file (it does not start with %PDF-)", e.getMessage());
  }

  @Test
  void an_unreadable_pdf_in_the_corpus_is_skipped_with_its_reason() throws Exception {
    Files.write(corpus.resolve("scan.pdf"), TestPdfs.imageOnly());
    Corpus c = CorpusReader.standard().read(corpus);
    assertEquals(0, c.documents().size());
    assertTrue(c.skipped().get(0).reason().startsWith("no extractable text"), c.skipped().toString());
  }
}
