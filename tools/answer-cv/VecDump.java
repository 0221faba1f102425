package uk.safeguarding.guidance.answer;

import com.google.gson.*;
import java.io.*;
import java.lang.reflect.Field;
import java.nio.file.*;
import java.util.*;
import uk.safeguarding.guidance.privacy.*;
import uk.safeguarding.guidance.search.*;

/** Sentence rows with their vectors: examples (as trained) then held-out files (as asked). */
public class VecDump {
  static DataOutputStream rowsOut, qOut;
  static int qid = 0;

  static void write(List<SentenceFeatures.Row> rows, PassageFacts facts, float[] q, String answer,
      java.util.function.Predicate<String> passageAnswers, int split, boolean answered) throws IOException {
    qOut.writeInt(qid); qOut.writeByte(split); qOut.writeByte(answered ? 1 : 0);
    for (float x : q) qOut.writeFloat(x);
    for (SentenceFeatures.Row r : rows) {
      rowsOut.writeInt(qid);
      rowsOut.writeByte(AnswerSentences.matches(answer, r.unit().text()) ? 1 : 0);
      rowsOut.writeByte(passageAnswers.test(r.source().hit().passage().text()) ? 1 : 0);
      rowsOut.writeShort(r.source().rank());
      for (double f : r.figures()) rowsOut.writeFloat((float) f);
      float[] v = facts.sentenceVectors(r.source().hit().passage()).get(r.position());
      for (float x : v) rowsOut.writeFloat(x);
    }
    qid++;
  }

  public static void main(String[] args) throws Exception {
    AnsDump.Served served = AnsDump.Served.load(Path.of(args[0]));
    SearchService search = served.search();
    AnswerSearch finder = served.finder();
    LearnedModels.Trained models = served.models();
    Field ff = AnswerSearch.class.getDeclaredField("facts");
    ff.setAccessible(true);
    PassageFacts facts = (PassageFacts) ff.get(finder);
    rowsOut = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(args[1] + ".rows"), 1 << 20));
    qOut = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(args[1] + ".q"), 1 << 20));
    List<AnswerableExamples.Example> labelled = new TrainerExamples(null).withBank();
    List<Candidates> found = finder.gather(labelled.stream().map(AnswerableExamples.Example::text).toList());
    for (int i = 0; i < labelled.size(); i++) {
      AnswerableExamples.Example e = labelled.get(i);
      if (!e.answerable() || e.answer().isEmpty()) continue;
      Evidence ev = finder.evidence(found.get(i), PassageRanker.ranking(models.ranker(), found.get(i), i));
      write(finder.rows(ev), facts, ev.question(), e.answer(), e::answeredBy, 0, true);
    }
    System.err.println("examples " + qid);
    for (int i = 2; i < args.length; i++) {
      for (String line : Files.readAllLines(Path.of(args[i]))) {
        if (line.isBlank()) continue;
        JsonObject o = JsonParser.parseString(line).getAsJsonObject();
        if (o.has("outOfScope")) continue;
        List<String> expect = new ArrayList<>();
        o.getAsJsonArray("expect").forEach(x -> expect.add(AnswerSentences.normalise(x.getAsString())));
        String answer = o.has("answer") ? o.get("answer").getAsString() : "";
        String searched = search.correctSpelling(PersonalData.mask(o.get("q").getAsString()));
        QueryTerms terms = search.queryTerms(searched);
        if (terms.words().isEmpty()) continue;
        AnswerSearch.Found f = finder.find(searched, terms, null, Filters.NONE, models);
        if (f.evidence() == null) continue;
        boolean answered = models.answerability().answerable(f.evidence().answerability());
        write(finder.rows(f.evidence()), facts, f.evidence().question(), answer,
            t -> { String n = AnswerSentences.normalise(t); return expect.stream().anyMatch(n::contains); }, i - 1, answered);
      }
    }
    rowsOut.close(); qOut.close();
    System.err.println("total " + qid);
    served.holder().close();
  }
}
