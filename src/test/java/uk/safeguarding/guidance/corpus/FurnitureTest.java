package uk.safeguarding.guidance.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FurnitureTest {

  @Test
  void page_widgets_feedback_cookies_and_dating_lines_are_furniture() {
    for (String line : List.of("Page 3 of 12", "12", "Print this page | Download (PDF)", "Share on X",
        "Email | Print | Share", "Was this page helpful? Yes No", "We use cookies to make this website work.",
        "Accept all cookies", "Skip to main content", "Last updated: 14 March 2024", "Published September 2024",
        "Published by Westshire Safeguarding Children Partnership. Last updated: 14 March 2024",
        "Page last updated: 2 November 2023", "© 2024 Westshire Council")) {
      assertTrue(Furniture.isFurniture(line), line);
    }
  }

  @Test
  void guidance_that_mentions_the_same_words_is_not_furniture() {
    for (String line : List.of("Share information with partners so the wider picture is understood.",
        "Updated guidance on neglect was issued to all schools.", "Published research shows that neglect is common.",
        "Print the chronology and bring it to the meeting.", "Telephone: 101", "1. Introduction",
        "Page 12 of the plan sets out what to do.")) {
      assertFalse(Furniture.isFurniture(line), line);
    }
  }

  @Test
  void a_date_or_publisher_mentioned_mid_sentence_is_not_the_documents_own() {
    MetadataCandidates found = new MetadataCandidates();
    TextMetadata
        .scan(List.of("Working Together to Safeguard Children was published in 2018 by the Department for Education.",
            "The review was last updated in a meeting of the panel."), found);
    assertEquals(Optional.empty(), found.get("date"));
    assertEquals(Optional.empty(), found.get("organisation"));
    TextMetadata.scan(List.of("Published by Hillcrest Safeguarding Children Partnership, Published: March 2023"),
        found);
    assertEquals("Hillcrest Safeguarding Children Partnership", found.get("organisation").orElseThrow().value());
    assertEquals("2023-03", found.get("date").orElseThrow().value());
  }

  @Test
  void dates_are_read_as_documents_print_them() {
    assertEquals(Optional.of("2024-03-14"), Dates.parse("14 March 2024"));
    assertEquals(Optional.of("2024-09"), Dates.parse("September 2024"));
    assertEquals(Optional.of("2023-11-02"), Dates.parse("2023-11-02T09:30:00Z"));
    assertEquals(Optional.of("2024-03-01"), Dates.parse("01/03/2024"));
    assertEquals(Optional.empty(), Dates.parse("in the last year"));
    // An impossible day is a typo, not the document's date: the next reading (here the month) is used, or none.
    assertEquals(Optional.of("2024-02"), Dates.parse("30 February 2024"));
    assertEquals(Optional.empty(), Dates.parse("2024-13-45"));
    assertEquals(Optional.of("2024-02"), Dates.parse("2024-02-30, or February 2024"));
    assertEquals(Optional.of("2024-02-29"), Dates.parse("29/02/2024"));
    assertEquals(Optional.empty(), Dates.parse("29/02/2023"));
  }

  @Test
  void a_header_less_two_column_table_reads_first_cell_then_second() {
    assertEquals(Optional.of(Block.table("Police non-emergency: 101\n\nExploitation team: 01632 960 310")),
        Tables.block(List.of(List.of("Police non-emergency", "101"), List.of("Exploitation team", "01632 960 310")),
            false));
  }
}
