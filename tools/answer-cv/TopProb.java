package uk.safeguarding.guidance.answer;

import com.google.gson.*;
import java.nio.file.*;
import java.util.*;
import uk.safeguarding.guidance.index.*;
import uk.safeguarding.guidance.privacy.*;
import uk.safeguarding.guidance.search.*;

/** For each question: the answer-or-decline score and the reranker's top probabilities (hybrid). */
public class TopProb {
  public static void main(String[] args) throws Exception {
    AnsDump.Served served = AnsDump.Served.load(Path.of(args[0])); // compile with AnsDump.java
    SearchService search = served.search();
    AnswerSearch finder = served.finder();
    LibraryHolder holder = served.holder();
    LearnedModels.Trained models = served.models();
    PassageRanker ranker = models.ranker();
    try (var out = Files.newBufferedWriter(Path.of(args[1]))) {
      for (int i = 2; i < args.length; i++) {
        for (String line : Files.readAllLines(Path.of(args[i]))) {
          if (line.isBlank()) continue;
          JsonObject o = JsonParser.parseString(line).getAsJsonObject();
          String searched = search.correctSpelling(PersonalData.mask(o.get("q").getAsString()));
          QueryTerms terms = search.queryTerms(searched);
          JsonObject r = new JsonObject();
          r.addProperty("file", Path.of(args[i]).getFileName().toString());
          r.addProperty("oos", o.has("outOfScope"));
          if (terms.words().isEmpty()) continue;
          AnswerSearch.Found found = finder.find(searched, terms, null, Filters.NONE, models);
          r.addProperty("answerable", found.answerable());
          List<SearchHit> hits = search.search(SearchRequest.hitsOnly(searched, PassageRanker.DEPTH, Filters.NONE)).hits();
          double[] p = {0, 0};
          if (!hits.isEmpty()) {
            Candidates c = finder.candidates(searched, hits).orElseThrow();
            double[] s = Arrays.stream(ranker.margins(c)).map(m -> 1 / (1 + Math.exp(-m))).sorted().toArray();
            p[0] = s[s.length - 1];
            p[1] = s.length > 1 ? s[s.length - 2] : 0;
          }
          r.addProperty("p1", p[0]);
          r.addProperty("p2", p[1]);
          out.write(new Gson().toJson(r));
          out.write("\n");
        }
      }
    }
    holder.close();
  }
}
