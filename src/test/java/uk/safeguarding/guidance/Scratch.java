package uk.safeguarding.guidance;

import java.nio.file.*;
import java.util.*;
import uk.safeguarding.guidance.answer.*;
import uk.safeguarding.guidance.corpus.*;
import uk.safeguarding.guidance.embed.*;
import uk.safeguarding.guidance.index.*;
import uk.safeguarding.guidance.search.*;
import uk.safeguarding.guidance.eval.*;

public class Scratch {
  public static void main(String[] a) throws Exception {
    Path data = Path.of("/tmp/scratchdata");
    boolean dense = System.getProperty("dense") != null;
    Embedder emb = dense ? new CachedEmbedder(new BgeSmallEmbedder(), data) : null;
    LibraryHolder holder = new LibraryHolder();
    long t0 = System.nanoTime();
    holder.swap(new IndexStore(data, CorpusReader.standard(), emb).open(Path.of("corpus")));
    System.out.println("open ms " + (System.nanoTime() - t0) / 1_000_000);
    SearchService s = new SearchService(holder, emb);
    AskService ask = new AskService(s, holder, Conversations.standard(), AnswerLog.NONE);
    boolean verbose = System.getProperty("v") != null;
    for (String f : a) {
      if (f.startsWith("?")) {
        Answer an = ask.ask(new AskRequest(f.substring(1), null, null));
        System.out.println(an.grounded() + " urgent=" + an.urgent() + " " + an.lead());
        for (var p : an.points()) System.out.println("  * " + p.text() + " " + p.citations());
        for (var c : an.citations()) System.out.println("  [" + c.n() + "] " + c.passage().id());
        System.out.println("  suggestions " + an.suggestions());
        continue;
      }
      var qs = Question.read(Path.of(f));
      var r = QuestionEval.run(qs, q -> s.search(SearchRequest.of(q, 10)).hits().stream().map(h -> h.passage().text()).toList());
      System.out.println(f + " " + r);
      if (verbose) for (var o : r.misses(5)) System.out.println("  rank=" + o.firstRelevantRank() + " " + o.question().text());
      var ar = AskEval.run(qs, ask::ask);
      System.out.println(f + " " + ar);
      if (verbose) ar.failures().forEach(x -> System.out.println("   " + x));
      if (System.getProperty("ask") == null) continue;
      for (var q : qs) {
        var t = s.queryTerms(q.text());
        var hits = s.search(SearchRequest.of(q.text(), 3)).hits();
        double best = 0; float cos = 0;
        for (var h : hits) { best = Math.max(best, t.coverage(s.termsOf(h.passage().text() + "\n" + String.join(" ", h.passage().subPath())))); cos = Math.max(cos, h.cosine()); }
        boolean rel = hits.stream().anyMatch(h -> q.isAnsweredBy(h.passage().text()));
        double unk = t.words().stream().filter(w -> !w.known()).count() / (double) Math.max(1, t.words().size());
        boolean acr = t.words().stream().anyMatch(w -> !w.known() && w.word().matches("[A-Z][A-Z0-9]{1,6}s?"));
        double maxKnownMatched = 0;
        if (!hits.isEmpty()) { var pt = s.termsOf(hits.get(0).passage().text() + "\n" + String.join(" ", hits.get(0).passage().subPath()));
          for (var w : t.words()) if (w.known() && w.terms().stream().anyMatch(pt::contains)) maxKnownMatched = Math.max(maxKnownMatched, w.weight()); }
        System.out.printf("%s cov=%.2f cos=%.3f unk=%.2f acr=%s mk=%.1f rel=%s %s%n", q.outOfScope() ? "OUT" : "IN ", best, cos, unk, acr, maxKnownMatched, rel, q.text());
      }
    }
  }
}
