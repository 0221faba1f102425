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

/**
 * Tables laid out in a PDF (cells drawn at aligned columns, as a word processor does) are kept as
 * tables: a passage quotes each row as "label: value" lines, never as pipes. The PDFs are made here
 * with PDFBox ({@link StructurePdfs}).
 */
class PdfTablesTest {

  @TempDir
  Path dir;

  private static final List<String> OPENING = List.of("header: Harbour City Safeguarding Partnership",
      "T: Private Fostering Procedure", "HN: 1. Purpose",
      "P: This procedure says who to tell when a child is privately fostered, and how quickly. A child under 16 "
          + "who lives for 28 days or more with an adult who is not a close relative is privately fostered, and the "
          + "local authority must be told so that it can check the child is safe and well cared for.",
      "HN: 2. Contacts");

  private List<Passage> passages(List<String> body) throws Exception {
    List<String> spec = new ArrayList<>(OPENING);
    spec.addAll(body);
    Path pdf = dir.resolve("procedure.pdf");
    Files.write(pdf, StructurePdfs.render(spec));
    return new PassageSplitter().split(CorpusReader.standard().load(pdf));
  }

  private static Passage contacts(List<Passage> passages) {
    return passages.stream().filter(p -> p.anchor().equals("2-contacts")).findFirst()
        .orElseThrow(() -> new AssertionError(
            passages.stream().map(p -> p.anchor() + " " + p.section() + "\n" + p.text()).toList()));
  }

  @Test
  void a_contacts_table_with_a_bold_header_row_is_quoted_row_by_row_as_label_value_lines() throws Exception {
    Passage p = contacts(passages(List.of("TC: 0 | 160 | 330", "TH: Agency | Contact | Telephone",
        "TR: Children's social care | Duty team manager | 01632 960 500",
        "TR: Health | Named nurse for safeguarding | 01632 960 510",
        "TR: Police | Public protection unit | 101")));
    assertEquals("Private Fostering Procedure › 2. Contacts", p.section());
    assertEquals("Agency: Children's social care\nContact: Duty team manager\nTelephone: 01632 960 500\n\n"
        + "Agency: Health\nContact: Named nurse for safeguarding\nTelephone: 01632 960 510\n\n"
        + "Agency: Police\nContact: Public protection unit\nTelephone: 101", p.text());
  }

  @Test
  void a_two_column_table_without_a_header_reads_first_cell_colon_second() throws Exception {
    Passage p = contacts(passages(List.of("TC: 0 | 220",
        "TR: Children's social care front door | 01632 960 000",
        "TR: Emergency Duty Team (out of hours) | 01632 960 999")));
    assertEquals("Children's social care front door: 01632 960 000\n\n"
        + "Emergency Duty Team (out of hours): 01632 960 999", p.text());
  }

  @Test
  void a_cell_wrapped_onto_a_second_line_stays_in_its_row() throws Exception {
    Passage p = contacts(passages(List.of("TC: 0 | 160 | 330", "TH: Agency | Contact | Telephone",
        "TR: Children's social care | Duty team manager | 01632 960 500",
        "TW: | (weekdays 9am to 5pm) |",
        "TR: Police | Public protection unit | 101")));
    assertEquals("Agency: Children's social care\nContact: Duty team manager (weekdays 9am to 5pm)\n"
        + "Telephone: 01632 960 500\n\nAgency: Police\nContact: Public protection unit\nTelephone: 101", p.text());
  }

  @Test
  void text_before_and_after_the_table_stays_paragraphs() throws Exception {
    Passage p = contacts(passages(List.of("P: Ask for the named person below.", "TC: 0 | 220",
        "TR: Designated safeguarding lead | 01632 960 111", "TR: Deputy lead | 01632 960 112",
        "P: Out of hours, call the Emergency Duty Team on 01632 960 999.")));
    assertEquals("Ask for the named person below.\n\nDesignated safeguarding lead: 01632 960 111\n\n"
        + "Deputy lead: 01632 960 112\n\nOut of hours, call the Emergency Duty Team on 01632 960 999.", p.text());
  }

  @Test
  void two_columns_of_prose_side_by_side_are_not_a_table() throws Exception {
    List<Passage> all = passages(List.of("TC: 0 | 240",
        "TR: Practitioners should record every contact | with the family and the reasons for each",
        "TR: decision, so that a manager reviewing the case | can see how the concerns built up over",
        "TR: time and which agencies were involved in | each of the decisions that were taken."));
    String text = String.join("\n", all.stream().map(Passage::text).toList());
    assertFalse(text.contains(": with the family"), text);
    assertTrue(text.contains("Practitioners should record every contact with the family"), text);
  }

  @Test
  void the_pdf_stored_as_text_keeps_its_table_as_a_pipe_table_that_reads_back_the_same() throws Exception {
    List<String> spec = new ArrayList<>(OPENING);
    spec.addAll(List.of("TC: 0 | 160 | 330", "TH: Agency | Contact | Telephone",
        "TR: Health | Named nurse | 01632 960 510", "TR: Police | Public protection unit | 101"));
    PdfLoader.Extracted e = PdfLoader.extract(StructurePdfs.render(spec));
    assertTrue(
        e.text().contains("| Agency | Contact | Telephone |\n|---|---|---|\n| Health | Named nurse | 01632 960 510 |\n"
            + "| Police | Public protection unit | 101 |"),
        e.text());
    Files.writeString(dir.resolve("stored.txt"), "---\ntitle: " + e.title() + "\n---\n\n" + e.text());
    Passage fromText = contacts(new PassageSplitter().split(CorpusReader.standard().load(dir.resolve("stored.txt"))));
    assertEquals("Agency: Health\nContact: Named nurse\nTelephone: 01632 960 510\n\n"
        + "Agency: Police\nContact: Public protection unit\nTelephone: 101", fromText.text());
  }

  @Test
  void a_line_of_glyphs_set_far_apart_records_no_spans_and_makes_no_table() throws Exception {
    StringBuilder wide = new StringBuilder();
    StringBuilder columns = new StringBuilder("0");
    for (int c = 1; c <= LineCollector.MAX_SPANS + 4; c++) {
      wide.append(" | i"); // a narrow glyph 17 points from the last: a gap wider than the type size
      columns.append(" | ").append(c * 17);
    }
    List<Passage> all = passages(List.of("TC: " + columns, "TR: i" + wide, "TR: l" + wide));
    String text = String.join("\n", all.stream().map(Passage::text).toList());
    assertFalse(text.contains(": "), text);
  }

  @Test
  void list_items_whose_markers_stand_at_a_tab_from_their_text_stay_a_list() throws Exception {
    Passage p = contacts(passages(List.of("P: Call in this order:", "TC: 0 | 24",
        "TR: • | the designated safeguarding lead in your agency;",
        "TR: • | the duty team manager in children's social care;",
        "TR: 1. | the police, when a child is in immediate danger.")));
    assertEquals("Call in this order:\n- the designated safeguarding lead in your agency;\n"
        + "- the duty team manager in children's social care;\n1. the police, when a child is in immediate danger.",
        p.text());
  }
}
