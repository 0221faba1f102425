package uk.safeguarding.guidance.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.TestApp;

/** The document API carries a table's header labels and cells, so the document view can show a table. */
class DocumentTablesApiTest {

  @TempDir
  Path corpus;
  @TempDir
  Path data;

  @Test
  void a_passage_quoting_table_rows_gives_them_as_a_table_part_with_columns_and_cells() throws Exception {
    TestApp.copyMiniCorpus(corpus);
    Files.copy(Path.of("src/test/resources/structure/procedure-escalation.md"),
        corpus.resolve("procedure-escalation.md"));
    try (TestApp app = new TestApp(TestApp.sparse(corpus, data))) {
      JsonObject doc = app.get("/api/documents/procedure-escalation").json().getAsJsonObject();
      JsonObject contacts = StreamSupport.stream(doc.getAsJsonArray("passages").spliterator(), false)
          .map(e -> e.getAsJsonObject()).filter(p -> p.get("anchor").getAsString().equals("4-contacts"))
          .findFirst().orElseThrow();
      JsonArray parts = contacts.getAsJsonArray("parts");
      assertEquals(1, parts.size());
      JsonObject table = parts.get(0).getAsJsonObject();
      assertEquals("table", table.get("kind").getAsString());
      assertEquals(contacts.get("text").getAsString(), table.get("text").getAsString());
      assertEquals("[\"Agency\",\"Contact\",\"Telephone\"]", table.get("columns").toString());
      assertEquals("[[\"Children's social care\",\"Duty team manager\",\"01632 960 500\"],"
          + "[\"Health\",\"Named nurse for safeguarding\",\"01632 960 510\"],"
          + "[\"Police\",\"Public protection unit\",\"101\"]]", table.get("rows").toString());

      JsonObject prose = doc.getAsJsonArray("passages").get(0).getAsJsonObject().getAsJsonArray("parts").get(0)
          .getAsJsonObject();
      assertEquals("text", prose.get("kind").getAsString());
      assertEquals("[]", prose.get("columns").toString());
    }
  }
}
