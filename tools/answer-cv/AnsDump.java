package uk.safeguarding.guidance.answer;

import com.google.gson.*;
import java.nio.file.*;
import java.util.*;
import uk.safeguarding.guidance.corpus.CorpusReader;
import uk.safeguarding.guidance.embed.*;
import uk.safeguarding.guidance.index.*;
import uk.safeguarding.guidance.search.*;

/**
 * For each question of each file: the answer-or-decline model's inputs (its figures and the question's
 * embedding), whether it is answerable, and the served model's score; to try other decisions offline.
 */
public class AnsDump {

  /** The shipped corpus indexed into {@code data} (hybrid), searched and answered as the server does. */
  record Served(LibraryHolder holder, SearchService search, AnswerSearch finder, LearnedModels.Trained models) {

    static Served load(Path data) throws Exception {
      Embedder emb = new CachedEmbedder(new BgeSmallEmbedder(), data);
      LibraryHolder holder = new LibraryHolder();
      holder.swap(new IndexStore(data, CorpusReader.standard(), emb).open(Path.of("corpus")));
      SearchService search = new SearchService(holder, emb);
      AnswerSearch finder = new AnswerSearch(search, holder, emb);
      TrainerExamples trainers = new TrainerExamples(null);
      LearnedModels learned = new LearnedModels(holder::currentHash, finder, trainers::withBank);
      return new Served(holder, search, finder, learned.get());
    }
  }

  public static void main(String[] args) throws Exception {
    Served served = Served.load(Path.of(args[0]));
    AnswerSearch finder = served.finder();
    LearnedModels.Trained models = served.models();
    LibraryHolder holder = served.holder();
    Gson gson = new Gson();
    try (var out = Files.newBufferedWriter(Path.of(args[1]))) {
      for (int i = 2; i < args.length; i++) {
        List<String> qs = new ArrayList<>();
        List<Boolean> ans = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[i]))) {
          if (line.isBlank()) continue;
          JsonObject o = JsonParser.parseString(line).getAsJsonObject();
          qs.add(o.get("q").getAsString());
          ans.add(o.has("answerable") ? o.get("answerable").getAsBoolean() : !o.has("outOfScope"));
        }
        List<Candidates> found = finder.gather(qs);
        for (int k = 0; k < qs.size(); k++) {
          Candidates c = found.get(k);
          if (c.terms().words().isEmpty()) continue;
          // The example file's questions ranked as LearnedModels ranks them: each without itself in the
          // reranker's memory of answered examples (the file's order is the examples' order).
          PassageRanker.Ranking rk = i == 2 && models.ranker() != null ? PassageRanker.ranking(models.ranker(), c, k) : models.rank(c); List<SearchHit> ranked = rk.hits();
          Evidence ev = finder.evidence(c, rk);
          Logistic.Input in = ev.answerability();
          JsonObject r = new JsonObject();
          r.addProperty("file", Path.of(args[i]).getFileName().toString());
          r.addProperty("q", qs.get(k));
          r.addProperty("y", ans.get(k));
          r.addProperty("score", models.answerability().score(in));
          r.add("f", gson.toJsonTree(in.figures()));
          r.add("e", gson.toJsonTree(in.embedding()));
          // The top passage's vector and its closest sentence's, to try question x answer interactions offline.
          int top = -1;
          for (int h = 0; h < c.hits().size() && !ranked.isEmpty(); h++) {
            if (c.hits().get(h).passage().id().equals(ranked.get(0).passage().id())) top = h;
          }
          if (top >= 0) {
            Candidates.HitVectors v = c.vectors().get(top);
            if (v.passage() != null) r.add("p", gson.toJsonTree(v.passage()));
            if (v.closestSentence() != null) r.add("s", gson.toJsonTree(v.closestSentence()));
          }
          out.write(gson.toJson(r));
          out.write("\n");
        }
      }
    }
    holder.close();
  }
}
