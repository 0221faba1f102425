// Time per query of the two ways to find the k nearest of N unit vectors (384 numbers, as the shipped
// model's): Lucene's graph search (KnnFloatVectorQuery on a one-segment index in memory) and a scan of
// every vector with Lucene's DOT_PRODUCT score and one sort, as index/ExactNearest does. Random
// vectors (seed 7), k = 100 (the fusion depth), 2,000 timed queries after 2,000 to warm, per size.
// Usage: java -cp target/guidance-assistant.jar tools/knn-recall/ScanOrGraph.java [N ...]
import org.apache.lucene.document.*; import org.apache.lucene.index.*; import org.apache.lucene.search.*;
import org.apache.lucene.store.*; import java.util.*;
public class ScanOrGraph {
  static float[] unit(Random r) {
    float[] v = new float[384]; double n = 0;
    for (int i = 0; i < v.length; i++) { v[i] = (float) r.nextGaussian(); n += v[i] * v[i]; }
    for (int i = 0; i < v.length; i++) v[i] /= (float) Math.sqrt(n);
    return v;
  }
  static long scan(float[][] vs, float[] q, int k) {
    long[] keys = new long[vs.length];
    for (int d = 0; d < vs.length; d++) {
      float s = VectorSimilarityFunction.DOT_PRODUCT.compare(q, vs[d]);
      keys[d] = ((long) Float.floatToIntBits(s) << 32) | (Integer.MAX_VALUE - d);
    }
    Arrays.sort(keys);
    long sum = 0; for (int i = 0; i < Math.min(k, vs.length); i++) sum += keys[vs.length - 1 - i];
    return sum;
  }
  public static void main(String[] a) throws Exception {
    int[] sizes = a.length == 0 ? new int[] {167, 500, 1000, 2000, 4000, 8000} : Arrays.stream(a).mapToInt(Integer::parseInt).toArray();
    Random r = new Random(7);
    for (int n : sizes) {
      float[][] vs = new float[n][]; for (int i = 0; i < n; i++) vs[i] = unit(r);
      float[][] qs = new float[4000][]; for (int i = 0; i < qs.length; i++) qs[i] = unit(r);
      try (Directory dir = new ByteBuffersDirectory()) {
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
          for (float[] v : vs) { Document d = new Document(); d.add(new KnnFloatVectorField("v", v, VectorSimilarityFunction.DOT_PRODUCT)); w.addDocument(d); }
          w.forceMerge(1);
        }
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
          IndexSearcher s = new IndexSearcher(reader);
          long sink = 0;
          for (int i = 0; i < 2000; i++) { sink += s.search(new KnnFloatVectorQuery("v", qs[i], 100), 100).scoreDocs.length; sink += scan(vs, qs[i], 100); }
          long t0 = System.nanoTime();
          for (int i = 2000; i < 4000; i++) sink += s.search(new KnnFloatVectorQuery("v", qs[i], 100), 100).scoreDocs.length;
          long t1 = System.nanoTime();
          for (int i = 2000; i < 4000; i++) sink += scan(vs, qs[i], 100);
          long t2 = System.nanoTime();
          System.out.printf("N=%d graph %.3f ms, scan %.3f ms per query (%d)%n", n, (t1 - t0) / 2000e6, (t2 - t1) / 2000e6, sink % 7);
        }
      }
    }
  }
}
