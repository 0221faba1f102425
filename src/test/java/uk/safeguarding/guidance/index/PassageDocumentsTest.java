package uk.safeguarding.guidance.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.IndexableField;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.corpus.DocumentMetadata;
import uk.safeguarding.guidance.corpus.Passage;

/** The field mapping of one passage: what is stored, what filters match, and its kind. */
class PassageDocumentsTest {

  private static final DocumentMetadata META = new DocumentMetadata("rapid-review", "Rapid Review",
      "Northshire Partnership", "Learning Review", "2023-04", "", List.of("Neglect", "Domestic Abuse"), "");

  private static Passage passage(String section, String text) {
    return new Passage("rapid-review", "p1", List.of("Rapid Review", section), text, 0);
  }

  private static List<String> values(Document doc, String field) {
    return Arrays.stream(doc.getFields(field)).map(IndexableField::stringValue).toList();
  }

  @Test
  void filters_hold_lowercase_exact_values_and_the_id_and_body_are_stored() {
    Document doc = PassageDocuments.of(META, passage("Background", "The family moved twice."), null);
    assertEquals("rapid-review#p1", doc.get(Fields.ID));
    assertEquals("rapid-review", doc.get(Fields.DOC_ID));
    assertEquals("The family moved twice.", doc.get(Fields.BODY));
    assertEquals(List.of("learning review"), values(doc, Fields.TYPE));
    assertEquals(List.of("northshire partnership"), values(doc, Fields.ORGANISATION));
    assertEquals(List.of("neglect", "domestic abuse"), values(doc, Fields.THEME));
    assertEquals(List.of("2023"), values(doc, Fields.YEAR));
    assertEquals(List.of("Rapid Review Rapid Review"), values(doc, Fields.TITLE));
    assertEquals(List.of("Background"), values(doc, Fields.SECTION));
  }

  @Test
  void what_to_do_passages_are_the_action_kind_and_the_rest_are_other() {
    assertEquals(List.of(Fields.KIND_ACTION),
        values(PassageDocuments.of(META, passage("What you should do", "Ask who lives at home."), null), Fields.KIND));
    assertEquals(List.of(Fields.KIND_ACTION), values(PassageDocuments.of(META, passage("Theme 2",
        "What we have learned: families move.\n\nWhat should you do: ask who lives at home."), null), Fields.KIND));
    assertEquals(List.of(Fields.KIND_OTHER),
        values(PassageDocuments.of(META, passage("What we have learned", "Families move."), null), Fields.KIND));
  }

  @Test
  void a_vector_is_indexed_only_when_given() {
    assertNull(PassageDocuments.of(META, passage("Background", "Text."), null).getField(Fields.VECTOR));
    float[] unit = {0.6f, 0.8f};
    KnnFloatVectorField field = (KnnFloatVectorField) PassageDocuments.of(META, passage("Background", "Text."), unit)
        .getField(Fields.VECTOR);
    assertArrayEquals(unit, field.vectorValue());
  }
}
