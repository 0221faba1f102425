import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import uk.safeguarding.guidance.embed.BgeSmallEmbedder;

/**
 * Embedding speed of the in-process model: passages/s over the first N abstracts of a BEIR corpus
 * (title and text, as a passage is embedded), and the cost of one query on a cache miss (one at a
 * time, as a question seen for the first time). Run from the project root:
 * {@code java -cp target/guidance-assistant.jar tools/embed-rate/EmbedRate.java BEIR_DIR [N] [QUERIES]}.
 */
public class EmbedRate {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int q = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    List<String> passages = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("corpus.jsonl"))) {
      if (passages.size() == n) {
        break;
      }
      JsonObject doc = JsonParser.parseString(line).getAsJsonObject();
      passages.add((doc.get("title").getAsString() + "\n" + doc.get("text").getAsString()).strip());
    }
    List<String> queries = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("queries.jsonl"))) {
      if (queries.size() < q) {
        queries.add(JsonParser.parseString(line).getAsJsonObject().get("text").getAsString());
      }
    }
    long t0 = System.nanoTime();
    BgeSmallEmbedder embedder = new BgeSmallEmbedder();
    embedder.embedQuery("warm the model up");
    System.out.printf("model loaded in %.1f s; %d cores%n", (System.nanoTime() - t0) / 1e9,
        Runtime.getRuntime().availableProcessors());
    embedder.embedPassages(passages.subList(0, Math.min(32, passages.size()))); // JIT and arenas
    t0 = System.nanoTime();
    embedder.embedPassages(passages);
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf("passages: %d in %.1f s = %.1f passages/s (%d characters on average)%n", passages.size(), s,
        passages.size() / s, passages.stream().mapToInt(String::length).sum() / Math.max(1, passages.size()));
    double[] ms = new double[queries.size()];
    for (int i = 0; i < queries.size(); i++) {
      long t = System.nanoTime();
      embedder.embedQuery(queries.get(i));
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf("query on a cache miss, one at a time: %d queries, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms%n",
        ms.length, ms[ms.length / 2], ms[(int) (ms.length * 0.9)], ms[Math.min(ms.length - 1, (int) (ms.length * 0.99))]);
  }
}
