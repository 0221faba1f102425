import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.embed.BgeSmallEmbedder;
import uk.safeguarding.guidance.embed.CachedEmbedder;
import uk.safeguarding.guidance.embed.Embedder;
import uk.safeguarding.guidance.eval.Beir;
import uk.safeguarding.guidance.eval.BeirRun;
import uk.safeguarding.guidance.index.IndexStore;
import uk.safeguarding.guidance.index.Library;
import uk.safeguarding.guidance.index.PassageVectors;
import uk.safeguarding.guidance.search.Filters;
import uk.safeguarding.guidance.search.SearchRequest;
import uk.safeguarding.guidance.search.SearchService;

/**
 * Writes the BM25 and dense (bge-small, exact) top-100 of every judged query of a BEIR collection,
 * for both splits, as {@code OUT/<split>-<bm25|bge>.tsv} lines "query-id, doc-id, score". The
 * documents and the BM25 ranking are exactly those of {@code eval --beir}.
 *
 * <pre>java -cp target/guidance-assistant.jar tools/fusion-cv/Runs.java BEIR_DIR OUT_DIR [DATA_DIR]</pre>
 */
public class Runs {
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Path out = Files.createDirectories(Path.of(args[1]));
    Path data = Path.of(args.length > 2 ? args[2] : "data/eval");
    Beir all = Beir.read(dir, "train");
    Library lexical = BeirRun.indexFlat(all, dir, data, null, IndexStore.DEFAULT_K1, IndexStore.DEFAULT_B);
    List<String> ids = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (Passage p : lexical.allPassages()) {
      ids.add(lexical.documents().get(p.docId()).metadata().source());
      texts.add(PassageVectors.embeddingText(p));
    }
    Embedder model = new CachedEmbedder(new BgeSmallEmbedder(), data);
    List<float[]> vectors = model.embedPassages(texts);
    for (String split : List.of("train", "test")) {
      Beir c = Beir.read(dir, split);
      try (PrintWriter bm25 = new PrintWriter(Files.newBufferedWriter(out.resolve(split + "-bm25.tsv")));
          PrintWriter bge = new PrintWriter(Files.newBufferedWriter(out.resolve(split + "-bge.tsv")))) {
        for (Map.Entry<String, String> q : c.queries().entrySet()) {
          String text = q.getValue().length() > SearchRequest.MAX_QUERY_CHARS
              ? q.getValue().substring(0, SearchRequest.MAX_QUERY_CHARS) : q.getValue();
          SearchService.search(lexical, new SearchRequest(text, 100, 0, Filters.NONE), null, null).hits()
              .forEach(h -> bm25.println(q.getKey() + "\t" + h.document().source() + "\t" + h.score()));
          float[] v = model.embedQuery(text);
          double[] sim = new double[ids.size()];
          Integer[] order = new Integer[ids.size()];
          for (int i = 0; i < sim.length; i++) {
            order[i] = i;
            for (int j = 0; j < v.length; j++) {
              sim[i] += v[j] * vectors.get(i)[j];
            }
          }
          Arrays.sort(order, (a, b) -> Double.compare(sim[b], sim[a]));
          for (int r = 0; r < Math.min(100, order.length); r++) {
            bge.println(q.getKey() + "\t" + ids.get(order[r]) + "\t" + sim[order[r]]);
          }
        }
      }
    }
    System.out.println("Wrote " + out.toAbsolutePath() + "/{train,test}-{bm25,bge}.tsv");
  }
}
