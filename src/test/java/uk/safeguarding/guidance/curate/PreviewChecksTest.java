package uk.safeguarding.guidance.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.corpus.CorpusReader;
import uk.safeguarding.guidance.corpus.FieldSource;
import uk.safeguarding.guidance.store.Database;
import uk.safeguarding.guidance.learning.LearningStore;

/** The upload preview says where each metadata value came from, what is missing, and what to check. */
class PreviewChecksTest {

  @TempDir
  Path corpus;
  @TempDir
  Path data;
  Database db;
  LearningStore store;

  @BeforeEach
  void open() throws Exception {
    db = Database.open(data);
    store = new LearningStore(db, java.time.Clock.systemUTC(), java.time.Duration.ofDays(90));
  }

  @AfterEach
  void close() {
    db.close();
  }

  Curator curator() {
    return new Curator(corpus, data, CorpusReader.standard(), () -> CompletableFuture.completedFuture(null), store,
        20L << 20, java.time.Clock.systemUTC());
  }

  @Test
  void a_pdf_preview_names_the_pdf_as_the_source_of_what_it_found_and_the_form_as_the_source_of_what_was_typed()
      throws Exception {
    byte[] pdf = Files.readAllBytes(Path.of("src/test/resources/structure/learning-review-child-h.pdf"));
    Curator.Preview p = curator().preview(new Upload("child-h.pdf", pdf,
        new MetadataForm(null, null, null, "learning review", null, null, null, null)));
    assertEquals(List.of(
        new FieldSource("title", "Local Child Safeguarding Practice Review: Child H", "largest text on the first page"),
        new FieldSource("organisation", "Riverside Safeguarding Children Partnership", "text 'Published by …'"),
        new FieldSource("type", "learning review", FieldSource.GIVEN),
        new FieldSource("date", "2024-09", "text 'Published …'")), p.extraction().fields());
    assertEquals(List.of(), p.extraction().missing());
    assertEquals(List.of(), p.extraction().notes());
    assertEquals(List.of(), p.warnings(), "notes never stop publishing");
    assertEquals("3. Findings › Finding 1: Information did not follow the family › What we learned",
        p.passages().get(2).section().substring(p.passages().get(2).section().indexOf("3. ")));
  }

  @Test
  void a_document_without_headings_or_metadata_is_flagged_but_still_previewed() {
    Curator.Preview p = curator().preview(CuratorTest.upload("notes.md",
        "Some text about bruising in babies, which must always be referred the same day.\n\n"
            + "| Team | Phone |\n|---|---|\n| Duty | 01632 960 000 |\n",
        CuratorTest.title("Bruising notes")));
    assertEquals(List.of("organisation", "type", "date"), p.extraction().missing());
    assertEquals(List.of("No section headings were found: every passage will sit under the title alone."),
        p.extraction().notes());
    assertTrue(p.passages().get(0).text().contains("Team: Duty\nPhone: 01632 960 000"), p.passages().get(0).text());
  }
}
