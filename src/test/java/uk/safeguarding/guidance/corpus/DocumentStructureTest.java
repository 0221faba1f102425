package uk.safeguarding.guidance.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Documents as trainers bring them (council web pages with their furniture, procedures in Markdown
 * with contact tables, multi-page PDFs with running headers) keep their structure: the fixtures in
 * {@code src/test/resources/structure} state what each must give ({@link StructureReport}).
 */
class DocumentStructureTest {

  static List<Path> fixtures() throws Exception {
    return StructureReport.fixtures();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void every_fixture_keeps_its_headings_metadata_and_tables_and_loses_its_furniture(Path file) throws Exception {
    StructureReport.Score s = StructureReport.score(file);
    assertEquals(List.of(), s.problems(), s.file());
    assertEquals(s.headings(), s.headingsFound());
    assertEquals(0, s.furnitureLeft());
    assertEquals(s.stated(), s.extracted());
    assertFalse(s.pipes(), "a passage quotes raw pipes");
  }

  @Test
  void the_report_meets_its_targets_and_prints_its_figures() throws Exception {
    List<StructureReport.Score> scores = new ArrayList<>();
    for (Path p : fixtures()) {
      scores.add(StructureReport.score(p));
    }
    System.out.print(StructureReport.table(scores));
    assertTrue(scores.size() >= 10, "at least ten fixtures: " + scores.size());
    assertEquals(scores.stream().mapToInt(StructureReport.Score::headings).sum(),
        scores.stream().mapToInt(StructureReport.Score::headingsFound).sum());
    assertEquals(0, scores.stream().mapToInt(StructureReport.Score::furnitureLeft).sum());
    int stated = scores.stream().mapToInt(StructureReport.Score::stated).sum();
    int extracted = scores.stream().mapToInt(StructureReport.Score::extracted).sum();
    assertTrue(extracted >= 0.9 * stated, extracted + " of " + stated);
  }

  @Test
  void a_learning_review_pdf_gives_passages_under_numbered_headings_findings_and_bold_labels() throws Exception {
    SourceDocument doc = CorpusReader.standard().load(StructureReport.DIR.resolve("learning-review-child-h.pdf"));
    List<String> sections = new PassageSplitter().split(doc).stream().map(Passage::section).toList();
    String t = "Local Child Safeguarding Practice Review: Child H";
    String f1 = t + " › 3. Findings › Finding 1: Information did not follow the family";
    assertEquals(List.of(t + " › 1. Introduction", t + " › 2. Background",
        f1 + " › What we learned", f1 + " › What practitioners should do",
        t + " › 3. Findings › Finding 2: The voice of the child was not heard › What we learned",
        t + " › 3. Findings › Finding 2: The voice of the child was not heard › What practitioners should do",
        t + " › 3. Findings › Finding 3: Professional curiosity about new partners › What we learned",
        t + " › 3. Findings › Finding 3: Professional curiosity about new partners › What practitioners should do",
        t + " › 4. Recommendations", t + " › 5. Conclusion"), sections);
  }

  @Test
  void a_pdf_title_comes_from_the_largest_type_and_its_sources_are_named() throws Exception {
    SourceDocument doc = CorpusReader.standard().load(StructureReport.DIR.resolve("learning-review-child-h.pdf"));
    assertEquals(List.of(
        new FieldSource("title", "Local Child Safeguarding Practice Review: Child H", "largest text on the first page"),
        new FieldSource("organisation", "Riverside Safeguarding Children Partnership", "text 'Published by …'"),
        new FieldSource("type", "learning review", "words in the title or opening"),
        new FieldSource("date", "2024-09", "text 'Published …'")), doc.extraction().fields());
  }

  @Test
  void html_metadata_is_read_from_the_page_before_its_furniture_is_dropped() throws Exception {
    SourceDocument doc =
        CorpusReader.standard().load(StructureReport.DIR.resolve("seven-minute-briefing-exploitation.html"));
    assertEquals(List.of(
        new FieldSource("title", "7-Minute Briefing: Child Criminal Exploitation", "first heading"),
        new FieldSource("organisation", "Southmoor Safeguarding Partnership", "meta tag author"),
        new FieldSource("type", "7-minute briefing", "words in the title or opening"),
        new FieldSource("date", "2023-11-02", "meta tag article:published_time"),
        new FieldSource("themes", "exploitation, county lines, missing children", "meta tag keywords")),
        doc.extraction().fields());
  }

  @Test
  void front_matter_wins_and_only_what_it_leaves_out_is_extracted() throws Exception {
    SourceDocument doc = CorpusReader.standard().load(StructureReport.DIR.resolve("procedure-escalation.md"));
    assertEquals(List.of(
        new FieldSource("title", "Escalation and Resolution of Professional Disagreements", FieldSource.GIVEN),
        new FieldSource("organisation", "Northbridge Safeguarding Children Partnership", FieldSource.GIVEN),
        new FieldSource("type", "procedure", FieldSource.GIVEN),
        new FieldSource("date", "2024-06-06", "text 'Last updated …'"),
        new FieldSource("themes", "escalation, multi-agency working", FieldSource.GIVEN)), doc.extraction().fields());
  }

  @Test
  void a_markdown_table_row_reads_as_label_value_lines() throws Exception {
    SourceDocument doc = CorpusReader.standard().load(StructureReport.DIR.resolve("procedure-escalation.md"));
    Passage contacts =
        new PassageSplitter().split(doc).stream().filter(p -> p.anchor().equals("4-contacts")).findFirst()
            .orElseThrow();
    assertEquals("Agency: Children's social care\nContact: Duty team manager\nTelephone: 01632 960 500\n\n"
        + "Agency: Health\nContact: Named nurse for safeguarding\nTelephone: 01632 960 510\n\n"
        + "Agency: Police\nContact: Public protection unit\nTelephone: 101", contacts.text());
  }

  @Test
  void a_pdf_stored_as_text_reads_back_with_the_same_structure(@TempDir Path dir) throws Exception {
    Path pdf = StructureReport.DIR.resolve("rapid-review-baby-k.pdf");
    PdfLoader.Extracted e = PdfLoader.extract(Files.readAllBytes(pdf));
    Files.writeString(dir.resolve("baby-k.txt"), "---\ntitle: " + e.title() + "\n---\n\n" + e.text());
    List<Passage> fromPdf = new PassageSplitter().split(CorpusReader.standard().load(pdf));
    List<Passage> fromText = new PassageSplitter().split(CorpusReader.standard().load(dir.resolve("baby-k.txt")));
    assertEquals(fromPdf.stream().map(p -> p.section() + "\n" + p.text()).toList(),
        fromText.stream().map(p -> p.section() + "\n" + p.text()).toList());
  }
}
