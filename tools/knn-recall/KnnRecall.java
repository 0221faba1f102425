// How often Lucene's graph search (KnnFloatVectorQuery) misses one of the true k nearest passages in an index
// this server built, against a scan of every vector with the same score. 500 queries, each the normalised sum of two
// random passages' vectors plus a little noise (seed 1). Usage (an index folder from DATA/index/, copied, write.lock removed):
//   java -cp target/guidance-assistant.jar tools/knn-recall/KnnRecall.java INDEX_DIR vector K
import org.apache.lucene.index.*; import org.apache.lucene.search.*; import org.apache.lucene.store.*;
import java.nio.file.*; import java.util.*;
public class KnnRecall { public static void main(String[] a) throws Exception {
  try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(Paths.get(a[0])))) {
    IndexSearcher s = new IndexSearcher(r);
    LeafReader leaf = r.leaves().get(0).reader();
    FloatVectorValues v = leaf.getFloatVectorValues(a[1]);
    List<float[]> vs = new ArrayList<>(); List<Integer> docs = new ArrayList<>();
    for (int d = v.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = v.nextDoc()) { vs.add(v.vectorValue().clone()); docs.add(d); }
    int k = Integer.parseInt(a[2]), missedQ = 0, missed = 0; Random rnd = new Random(1);
    for (int q = 0; q < 500; q++) {
      float[] qv = new float[384]; float[] b = vs.get(rnd.nextInt(vs.size())); float[] c = vs.get(rnd.nextInt(vs.size()));
      double n = 0; for (int i = 0; i < 384; i++) { qv[i] = b[i] + c[i] + (float) rnd.nextGaussian() * 0.02f; n += qv[i]*qv[i]; }
      for (int i = 0; i < 384; i++) qv[i] /= (float) Math.sqrt(n);
      TopDocs g = s.search(new KnnFloatVectorQuery(a[1], qv, k), k);
      Set<Integer> got = new HashSet<>(); for (ScoreDoc sd : g.scoreDocs) got.add(sd.doc);
      Integer[] idx = new Integer[vs.size()]; for (int i = 0; i < idx.length; i++) idx[i] = i;
      float[] sc = new float[vs.size()]; for (int i = 0; i < sc.length; i++) sc[i] = VectorSimilarityFunction.DOT_PRODUCT.compare(qv, vs.get(i));
      Arrays.sort(idx, (x, y) -> Float.compare(sc[y], sc[x]));
      int m = 0; for (int i = 0; i < k; i++) if (!got.contains(docs.get(idx[i]))) m++;
      missed += m; if (m > 0) missedQ++;
    }
    System.out.println("docs=" + vs.size() + " queries=500 k=" + k + " queries with a missed true neighbour=" + missedQ + " missed in all=" + missed);
  }
}}
