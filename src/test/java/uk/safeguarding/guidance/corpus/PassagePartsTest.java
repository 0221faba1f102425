package uk.safeguarding.guidance.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PassagePartsTest {

  private static final String HEALTH = "Agency: Health\nContact: Named nurse\nTelephone: 01632 960 510";
  private static final String POLICE = "Agency: Police\nContact: Public protection unit\nTelephone: 101";

  @Test
  void rows_of_a_table_between_paragraphs_become_one_table_with_its_header_labels() {
    List<PassageParts.Part> parts = PassageParts.of("Ask for the named person.\n\n" + HEALTH + "\n\n" + POLICE
        + "\n\nOut of hours, call 999.", Set.of(HEALTH, POLICE));
    assertEquals(List.of(
        new PassageParts.Part("text", "Ask for the named person.", List.of(), List.of()),
        new PassageParts.Part("table", HEALTH + "\n\n" + POLICE, List.of("Agency", "Contact", "Telephone"),
            List.of(List.of("Health", "Named nurse", "01632 960 510"),
                List.of("Police", "Public protection unit", "101"))),
        new PassageParts.Part("text", "Out of hours, call 999.", List.of(), List.of())), parts);
  }

  @Test
  void a_table_without_a_header_is_rows_of_two_cells_the_first_naming_the_row() {
    String a = "Emergency Duty Team: 01632 960 999";
    String b = "Board business unit: 01632 960 123";
    assertEquals(List.of(new PassageParts.Part("table", a + "\n\n" + b, List.of(),
        List.of(List.of("Emergency Duty Team", "01632 960 999"), List.of("Board business unit", "01632 960 123")))),
        PassageParts.of(a + "\n\n" + b, Set.of(a, b)));
  }

  @Test
  void a_row_missing_a_cell_leaves_it_empty_under_its_column_and_columns_keep_their_order() {
    String partial = "Agency: Education\nTelephone: 01632 960 520";
    PassageParts.Part table = PassageParts.of(partial + "\n\n" + HEALTH, Set.of(HEALTH, partial)).get(0);
    assertEquals(List.of("Agency", "Contact", "Telephone"), table.columns());
    assertEquals(List.of("Education", "", "01632 960 520"), table.rows().get(0));
    assertEquals("| Agency | Contact | Telephone |\n|---|---|---|\n| Education |  | 01632 960 520 |\n"
        + "| Health | Named nurse | 01632 960 510 |", table.written());
  }

  @Test
  void a_paragraph_that_reads_like_a_row_but_is_not_one_stays_text() {
    assertEquals(List.of(new PassageParts.Part("text", "Telephone: 101\n\nCall them first.", List.of(), List.of())),
        PassageParts.of("Telephone: 101\n\nCall them first.", Set.of(HEALTH)));
  }

  @Test
  void the_rows_of_a_documents_tables_are_known_from_its_blocks() throws Exception {
    SourceDocument doc = CorpusReader.standard().load(StructureReport.DIR.resolve("procedure-escalation.md"));
    Set<String> rows = PassageParts.tableRows(doc);
    assertEquals(3, rows.size());
    Passage contacts = new PassageSplitter().split(doc).stream().filter(p -> p.anchor().equals("4-contacts"))
        .findFirst().orElseThrow();
    PassageParts.Part table = PassageParts.of(contacts.text(), rows).get(0);
    assertEquals(List.of("Agency", "Contact", "Telephone"), table.columns());
    assertEquals(List.of("Police", "Public protection unit", "101"), table.rows().get(2));
  }
}
