package uk.safeguarding.guidance.answer;

import com.google.gson.*;
import java.nio.file.*;
import java.util.*;
import uk.safeguarding.guidance.privacy.*;
import uk.safeguarding.guidance.search.*;

/**
 * For each question (out of scope ones with no answering passage): where its answering passages rank in the answer step's reranked list,
 * which passages the points were picked from, and each top-five sentence's score and whether it is the
 * answering sentence; to see why an answer cites no answering passage (compile with AnsDump.java).
 */
public class PickDump {
  public static void main(String[] args) throws Exception {
    AnsDump.Served served = AnsDump.Served.load(Path.of(args[0]));
    SearchService search = served.search();
    AnswerSearch finder = served.finder();
    LearnedModels.Trained models = served.models();
    try (var out = Files.newBufferedWriter(Path.of(args[1]))) {
      for (int i = 2; i < args.length; i++) {
        for (String line : Files.readAllLines(Path.of(args[i]))) {
          if (line.isBlank()) continue;
          JsonObject o = JsonParser.parseString(line).getAsJsonObject();
          boolean outOfScope = o.has("outOfScope");
          List<String> expect = new ArrayList<>();
          if (!outOfScope) {
            o.getAsJsonArray("expect").forEach(e -> expect.add(AnswerSentences.normalise(e.getAsString())));
          }
          String answer = o.has("answer") ? o.get("answer").getAsString() : "";
          String searched = search.correctSpelling(PersonalData.mask(o.get("q").getAsString()));
          QueryTerms terms = search.queryTerms(searched);
          if (terms.words().isEmpty()) continue;
          AnswerSearch.Found found = finder.find(searched, terms, null, Filters.NONE, models);
          if (found.evidence() == null) continue;
          JsonObject r = new JsonObject();
          r.addProperty("file", Path.of(args[i]).getFileName().toString());
          r.addProperty("q", o.get("q").getAsString());
          r.addProperty("oos", outOfScope);
          r.addProperty("answerable", found.answerable());
          r.addProperty("answered", models.answerability().answerable(found.evidence().answerability()));
          JsonArray rel = new JsonArray();
          for (Scored s : found.scored()) {
            String t = AnswerSentences.normalise(s.hit().passage().text());
            rel.add(expect.stream().anyMatch(t::contains));
          }
          r.add("relevant", rel);
          List<SentenceFeatures.Row> rows = SentenceFeatures.rows(found.evidence(), search::termsOf);
          double[] scores = models.scores(rows, found.evidence().question());
          JsonArray sents = new JsonArray();
          for (int k = 0; k < rows.size(); k++) {
            JsonArray s = new JsonArray();
            s.add(rows.get(k).source().rank());
            s.add(scores[k]);
            s.add(AnswerSentences.matches(answer, rows.get(k).unit().text()));
            s.add(rows.get(k).unit().text());
            sents.add(s);
          }
          r.add("sentences", sents);
          JsonArray picked = new JsonArray();
          for (List<PointPicker.Candidate> g : PointPicker.pickLearned(rows, scores)) {
            picked.add(g.get(0).rank());
          }
          r.add("picked", picked);
          out.write(new Gson().toJson(r));
          out.write("\n");
        }
      }
    }
    served.holder().close();
  }
}
