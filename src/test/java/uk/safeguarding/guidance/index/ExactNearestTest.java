package uk.safeguarding.guidance.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class ExactNearestTest {

  private static final int DIMENSION = 16;

  @Test
  void a_scan_returns_what_lucenes_graph_returns_when_it_holds_every_vector() throws IOException {
    Random random = new Random(42);
    float[][] vectors = new float[60][];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = unit(random);
    }
    try (Directory dir = new ByteBuffersDirectory()) {
      index(dir, vectors);
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        ExactNearest exact = new ExactNearest(vectors);
        for (int q = 0; q < 20; q++) {
          float[] query = unit(random);
          // k above the count: the graph search visits every vector, so both lists are complete and exact.
          TopDocs graph = searcher.search(new KnnFloatVectorQuery("v", query, 100), 100);
          TopDocs scan = exact.nearest(query, 100);
          assertEquals(60, scan.scoreDocs.length);
          assertArrayEquals(docs(graph), docs(scan), "query " + q);
          assertArrayEquals(scores(graph), scores(scan), "query " + q);
        }
      }
    }
  }

  @Test
  void the_top_k_is_best_first_with_ties_by_document_number() {
    float[] a = {1, 0};
    float[] b = {0, 1};
    ExactNearest exact = new ExactNearest(new float[][] {b, a, b, a});
    TopDocs top = exact.nearest(new float[] {1, 0}, 3);
    assertArrayEquals(new int[] {1, 3, 0}, docs(top));
    assertEquals(1f, top.scoreDocs[0].score);
    assertEquals(0.5f, top.scoreDocs[2].score); // DOT_PRODUCT's (1 + cosine) / 2
    assertEquals(3, top.totalHits.value);
  }

  @Test
  void only_a_small_library_is_scanned() {
    assertTrue(ExactNearest.worthIt(167));
    assertTrue(ExactNearest.worthIt(ExactNearest.MAX_PASSAGES));
    assertFalse(ExactNearest.worthIt(ExactNearest.MAX_PASSAGES + 1));
  }

  private static void index(Directory dir, float[][] vectors) throws IOException {
    try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
      for (float[] v : vectors) {
        Document doc = new Document();
        doc.add(new KnnFloatVectorField("v", v, VectorSimilarityFunction.DOT_PRODUCT));
        writer.addDocument(doc);
      }
      writer.forceMerge(1);
    }
  }

  private static float[] unit(Random random) {
    float[] v = new float[DIMENSION];
    double norm = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian();
      norm += v[i] * v[i];
    }
    for (int i = 0; i < v.length; i++) {
      v[i] /= (float) Math.sqrt(norm);
    }
    return v;
  }

  private static int[] docs(TopDocs top) {
    return Arrays.stream(top.scoreDocs).mapToInt(d -> d.doc).toArray();
  }

  private static float[] scores(TopDocs top) {
    float[] out = new float[top.scoreDocs.length];
    for (int i = 0; i < out.length; i++) {
      ScoreDoc d = top.scoreDocs[i];
      out[i] = d.score;
    }
    return out;
  }
}
