package uk.safeguarding.guidance.answer;

import java.nio.file.*;
import java.util.*;
import com.google.gson.*;
import uk.safeguarding.guidance.corpus.CorpusReader;
import uk.safeguarding.guidance.embed.*;
import uk.safeguarding.guidance.index.*;
import uk.safeguarding.guidance.search.*;
import uk.safeguarding.guidance.privacy.*;

/** Dumps what the answer step sees of each bank question (hybrid mode) as JSON lines, for cv.py. */
public class Dump {
  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    Embedder emb = args[1].equals("bm25") ? null : new CachedEmbedder(new BgeSmallEmbedder(), data);
    LibraryHolder holder = new LibraryHolder();
    holder.swap(new IndexStore(data, CorpusReader.standard(), emb).open(Path.of("corpus")));
    SearchService search = new SearchService(holder, emb);
    Gson gson = new Gson();
    try (var out = Files.newBufferedWriter(Path.of(args[2]))) {
      for (int f = 3; f < args.length; f++) {
        for (String line : Files.readAllLines(Path.of(args[f]))) {
          if (line.isBlank()) continue;
          JsonObject o = JsonParser.parseString(line).getAsJsonObject();
          String q = PersonalData.mask(o.get("q").getAsString());
          uk.safeguarding.guidance.eval.Question question = new uk.safeguarding.guidance.eval.Question(o.get("q").getAsString(), List.of(), o.has("answer") ? o.get("answer").getAsString() : "", false);
          String searched = search.correctSpelling(q);
          QueryTerms terms = search.queryTerms(searched);
          List<SearchHit> hits = search.search(SearchRequest.hitsOnly(searched, 8, Filters.NONE), null).hits();
          JsonObject r = new JsonObject();
          r.addProperty("file", Path.of(args[f]).getFileName().toString());
          r.addProperty("q", q);
          r.addProperty("searched", searched);
          r.addProperty("oos", o.has("outOfScope"));
          List<String> expect = new ArrayList<>();
          if (o.has("expect")) for (JsonElement e : o.getAsJsonArray("expect")) expect.add(e.getAsString().toLowerCase().replaceAll("\\s+"," "));
          JsonArray words = new JsonArray();
          for (QueryTerms.Word w : terms.words()) {
            JsonObject wo = new JsonObject();
            wo.addProperty("w", w.word()); wo.addProperty("weight", w.weight()); wo.addProperty("known", w.known());
            wo.addProperty("english", EnglishWords.contains(w.word()));
            words.add(wo);
          }
          r.add("words", words);
          JsonArray hs = new JsonArray();
          int rank = 0;
          List<Scored> scored = new ArrayList<>();
          for (SearchHit h : hits) {
            Set<String> pt = search.termsOf(h.passage().text() + "\n" + String.join(" ", h.passage().subPath()));
            JsonObject ho = new JsonObject();
            ho.addProperty("score", h.score()); ho.addProperty("cos", h.similarity().orElse(0));
            ho.addProperty("cov", terms.coverage(pt));
            String norm = h.passage().text().toLowerCase().replace('\u2019','\'').replaceAll("\\s+"," ");
            ho.addProperty("rel", expect.stream().anyMatch(norm::contains));
            JsonArray has = new JsonArray();
            for (QueryTerms.Word w : terms.words()) has.add(w.terms().stream().anyMatch(pt::contains));
            ho.add("has", has);
            ho.addProperty("id", h.passage().id());
            hs.add(ho);
            scored.add(new Scored(h, rank++, terms.coverage(pt)));
          }
          r.add("hits", hs);
          if (emb != null) {
            float[] qv = emb.embedQuery(searched);
            JsonArray qa = new JsonArray(); for (float v : qv) qa.add(v); r.add("qv", qa);
            JsonArray sc = new JsonArray();
            for (int i = 0; i < Math.min(5, hits.size()); i++) {
              List<String> units = Sentences.units(hits.get(i).passage().text()).stream().map(Sentences.Unit::text).filter(t -> t.length() >= 25).toList();
              List<float[]> sv = units.isEmpty() ? List.of() : emb.embedPassages(units);
              JsonArray arr = new JsonArray();
              for (int j = 0; j < units.size(); j++) { JsonObject so = new JsonObject(); so.addProperty("t", units.get(j)); so.addProperty("cos", Vectors.dot(qv, sv.get(j)));
                so.addProperty("ov", terms.coverage(search.termsOf(units.get(j))));
                so.addProperty("ans", question.isAnswerSentence(units.get(j)));
                arr.add(so); }
              sc.add(arr);
            }
            r.add("sents", sc);
          }
          r.addProperty("grounded", !scored.isEmpty() && Grounding.grounded(terms, scored));
          out.write(gson.toJson(r)); out.write("\n");
        }
      }
    }
    holder.close();
  }
}
