package uk.safeguarding.guidance.index;

import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import uk.safeguarding.guidance.corpus.ActionSections;
import uk.safeguarding.guidance.corpus.DocumentMetadata;
import uk.safeguarding.guidance.corpus.Passage;

/**
 * The field mapping: which {@link Fields} a passage is indexed under, and why each is stored,
 * analysed or exact. A change here changes the index format ({@link CorpusHash#FORMAT}).
 * Stateless, thread-safe.
 */
final class PassageDocuments {

  /**
   * The body: analysed, stored (the passage text a hit shows), and with each word's character
   * offsets in its postings, so a page of hits is highlighted from the index instead of analysing
   * every passage again.
   */
  static final FieldType BODY_TYPE;

  static {
    FieldType type = new FieldType(TextField.TYPE_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    BODY_TYPE = type;
  }

  private PassageDocuments() {}

  /**
   * What a passage is indexed under, field by field, whichever engine holds it: the embedded index
   * ({@link #of}) and a SolrCloud collection ({@link SolrPublisher}) are written from these values.
   * Title and heading path are searched apart from the body so they can weigh more; filters match
   * lowercase exact values (the display form comes from the metadata).
   */
  record Values(String id, String docId, String title, String section, String body, String type,
      String organisation, List<String> themes, String year, String kind) {}

  static Values values(DocumentMetadata meta, Passage passage) {
    return new Values(passage.id(), meta.id(), meta.title() + " " + passage.headingPath().get(0),
        String.join(" ", passage.subPath()), passage.text(), lower(meta.documentType()), lower(meta.organisation()),
        meta.themes().stream().map(PassageDocuments::lower).toList(), meta.year(), kind(passage));
  }

  /** The Lucene document for {@code passage} of the document {@code meta}; {@code vector} may be null (BM25 only). */
  static Document of(DocumentMetadata meta, Passage passage, float[] vector) {
    Values v = values(meta, passage);
    Document doc = new Document();
    // Exact id, stored to map hits back to passages, and sorted on to break score ties.
    doc.add(new StringField(Fields.ID, v.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(Fields.ID, new BytesRef(v.id())));
    doc.add(new StringField(Fields.DOC_ID, v.docId(), Field.Store.YES));
    doc.add(new TextField(Fields.TITLE, v.title(), Field.Store.NO));
    doc.add(new TextField(Fields.SECTION, v.section(), Field.Store.NO));
    doc.add(new Field(Fields.BODY, v.body(), BODY_TYPE));
    doc.add(new StringField(Fields.TYPE, v.type(), Field.Store.NO));
    doc.add(new StringField(Fields.ORGANISATION, v.organisation(), Field.Store.NO));
    v.themes().forEach(t -> doc.add(new StringField(Fields.THEME, t, Field.Store.NO)));
    doc.add(new StringField(Fields.YEAR, v.year(), Field.Store.NO));
    doc.add(new StringField(Fields.KIND, v.kind(), Field.Store.NO));
    if (vector != null) {
      // Unit-length vectors, so dot product is cosine and cheapest to compute.
      doc.add(new KnnFloatVectorField(Fields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    }
    return doc;
  }

  /** The passage's {@link Fields#KIND}: what-to-do passages ({@link ActionSections}) or the rest. */
  static String kind(Passage passage) {
    return ActionSections.isAction(passage) ? Fields.KIND_ACTION : Fields.KIND_OTHER;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
