package uk.safeguarding.guidance.answer;

import com.google.gson.*;
import java.nio.file.*;
import java.util.*;
import uk.safeguarding.guidance.corpus.*;
import uk.safeguarding.guidance.embed.*;
import uk.safeguarding.guidance.index.*;
import uk.safeguarding.guidance.privacy.*;
import uk.safeguarding.guidance.search.*;

/**
 * Dumps, for each bank question, the candidate passages the answer step could rank (the hybrid top
 * DEPTH plus the BM25 top DEPTH) with the figures a reranker could learn from, and whether each
 * answers (contains an expect phrase). For rerank-cv/cv.py; run on train files only when tuning.
 */
public class RerankDump {
  static final int DEPTH = 30;

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    Embedder emb = new CachedEmbedder(new BgeSmallEmbedder(), data);
    LibraryHolder holder = new LibraryHolder();
    holder.swap(new IndexStore(data, CorpusReader.standard(), emb).open(Path.of("corpus")));
    SearchService hybrid = new SearchService(holder, emb);
    SearchService words = new SearchService(holder);
    Library library;
    try (LibraryHolder.Lease l = holder.acquire()) { library = l.library(); }
    Map<String, List<String>> sentences = new HashMap<>();
    Map<String, float[][]> sentVecs = new HashMap<>();
    Map<String, float[]> headVecs = new HashMap<>();
    for (Passage p : library.allPassages()) {
      List<String> units = Sentences.quotable(p.text()).stream().map(Sentences.Unit::text).toList();
      sentences.put(p.id(), units);
      sentVecs.put(p.id(), units.isEmpty() ? new float[0][] : emb.embedPassages(units).toArray(new float[0][]));
      String head = String.join(" - ", p.headingPath());
      headVecs.put(p.id(), emb.embedPassages(List.of(head)).get(0));
    }
    Gson gson = new Gson();
    try (var out = Files.newBufferedWriter(Path.of(args[1]))) {
      for (int f = 2; f < args.length; f++) {
        for (String line : Files.readAllLines(Path.of(args[f]))) {
          if (line.isBlank()) continue;
          JsonObject o = JsonParser.parseString(line).getAsJsonObject();
          String q = PersonalData.mask(o.get("q").getAsString());
          String searched = hybrid.correctSpelling(q);
          QueryTerms terms = hybrid.queryTerms(searched);
          List<SearchHit> hh = hybrid.search(SearchRequest.hitsOnly(searched, DEPTH, Filters.NONE), null).hits();
          List<SearchHit> bh = words.search(SearchRequest.hitsOnly(searched, DEPTH, Filters.NONE), null).hits();
          float[] qv = emb.embedQuery(searched);
          List<String> expect = new ArrayList<>();
          if (o.has("expect")) for (JsonElement e : o.getAsJsonArray("expect")) expect.add(norm(e.getAsString()));
          Map<String, JsonObject> cands = new LinkedHashMap<>();
          for (int i = 0; i < hh.size(); i++) cand(cands, hh.get(i).passage()).addProperty("hr", i + 1);
          for (int i = 0; i < hh.size(); i++) cands.get(hh.get(i).passage().id()).addProperty("hs", hh.get(i).score());
          for (int i = 0; i < bh.size(); i++) {
            JsonObject c = cand(cands, bh.get(i).passage());
            c.addProperty("br", i + 1);
            c.addProperty("bs", bh.get(i).score());
          }
          JsonArray arr = new JsonArray();
          for (Map.Entry<String, JsonObject> e : cands.entrySet()) {
            Passage p = library.passage(e.getKey());
            JsonObject c = e.getValue();
            c.addProperty("cos", Vectors.dot(qv, library.vector(p.id())));
            float[][] sv = sentVecs.get(p.id());
            double[] sc = new double[sv.length];
            for (int j = 0; j < sv.length; j++) sc[j] = Vectors.dot(qv, sv[j]);
            int best = 0;
            for (int j = 1; j < sc.length; j++) if (sc[j] > sc[best]) best = j;
            c.addProperty("s1i", best);
            Arrays.sort(sc);
            c.addProperty("s1", sc.length > 0 ? sc[sc.length - 1] : 0);
            c.addProperty("s2", sc.length > 1 ? sc[sc.length - 2] : (sc.length > 0 ? sc[0] : 0));
            c.addProperty("ns", sc.length);
            c.addProperty("hcos", Vectors.dot(qv, headVecs.get(p.id())));
            double sov = 0;
            for (String u : sentences.get(p.id())) sov = Math.max(sov, terms.coverage(hybrid.termsOf(u)));
            c.addProperty("sov", sov);
            Set<String> pt = hybrid.termsOf(p.text() + "\n" + String.join(" ", p.subPath()));
            c.addProperty("cov", terms.coverage(pt));
            Set<String> ht = hybrid.termsOf(String.join(" ", p.headingPath()));
            c.addProperty("hcov", terms.coverage(ht));
            c.addProperty("len", p.text().length());
            c.addProperty("act", ActionSections.isAction(p));
            c.addProperty("ord", p.ordinal());
            String n = norm(p.text());
            c.addProperty("rel", expect.stream().anyMatch(n::contains));
            arr.add(c);
          }
          JsonObject r = new JsonObject();
          r.addProperty("file", Path.of(args[f]).getFileName().toString());
          r.addProperty("q", q);
          r.addProperty("searched", searched);
          r.addProperty("oos", o.has("outOfScope"));
          r.addProperty("style", o.has("style") ? o.get("style").getAsString() : "");
          r.addProperty("nwords", terms.words().size());
          r.add("cands", arr);
          JsonArray qa = new JsonArray();
          for (float x : qv) qa.add(x);
          r.add("qv", qa);
          out.write(gson.toJson(r));
          out.write("\n");
        }
      }
    }
    if (System.getProperty("vectors") != null) { // passage and sentence vectors, for bilinear features
      JsonObject all = new JsonObject();
      for (Passage p : library.allPassages()) {
        JsonObject v = new JsonObject();
        v.add("p", gson.toJsonTree(library.vector(p.id())));
        v.add("s", gson.toJsonTree(sentVecs.get(p.id())));
        all.add(p.id(), v);
      }
      Files.writeString(Path.of(System.getProperty("vectors")), gson.toJson(all));
    }
    holder.close();
  }

  static JsonObject cand(Map<String, JsonObject> cands, Passage p) {
    return cands.computeIfAbsent(p.id(), k -> { JsonObject c = new JsonObject(); c.addProperty("id", k); return c; });
  }

  static String norm(String s) {
    return s.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201c', '"')
        .replace('\u201d', '"').replaceAll("\\s+", " ");
  }
}
