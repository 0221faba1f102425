package uk.safeguarding.guidance.index;

import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
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

  private PassageDocuments() {}

  /** The Lucene document for {@code passage} of the document {@code meta}; {@code vector} may be null (BM25 only). */
  static Document of(DocumentMetadata meta, Passage passage, float[] vector) {
    Document doc = new Document();
    // Exact id, stored to map hits back to passages, and sorted on to break score ties.
    doc.add(new StringField(Fields.ID, passage.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(Fields.ID, new BytesRef(passage.id())));
    doc.add(new StringField(Fields.DOC_ID, meta.id(), Field.Store.YES));
    // Title and heading path are searched separately so they can weigh more than body text.
    doc.add(new TextField(Fields.TITLE, meta.title() + " " + passage.headingPath().get(0), Field.Store.NO));
    doc.add(new TextField(Fields.SECTION, String.join(" ", passage.subPath()), Field.Store.NO));
    doc.add(new TextField(Fields.BODY, passage.text(), Field.Store.YES));
    // Filters match lowercase exact values; the display form comes from the metadata.
    doc.add(new StringField(Fields.TYPE, lower(meta.documentType()), Field.Store.NO));
    doc.add(new StringField(Fields.ORGANISATION, lower(meta.organisation()), Field.Store.NO));
    meta.themes().forEach(t -> doc.add(new StringField(Fields.THEME, lower(t), Field.Store.NO)));
    doc.add(new StringField(Fields.YEAR, meta.year(), Field.Store.NO));
    doc.add(new StringField(Fields.KIND, kind(passage), Field.Store.NO));
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
