package uk.safeguarding.guidance;

import java.nio.file.*;
import java.util.*;
import uk.safeguarding.guidance.corpus.*;
import uk.safeguarding.guidance.index.*;
import uk.safeguarding.guidance.search.*;
import uk.safeguarding.guidance.eval.*;

public class Scratch {
  public static void main(String[] a) throws Exception {
    Path data = Files.createTempDirectory("scratch");
    LibraryHolder holder = new LibraryHolder();
    holder.swap(new IndexStore(data, CorpusReader.standard()).open(Path.of("corpus")));
    SearchService s = new SearchService(holder);
    for (String f : a) {
      var qs = Question.read(Path.of(f));
      var r = QuestionEval.run(qs, q -> s.search(SearchRequest.of(q, 10)).hits().stream().map(h -> h.passage().text()).toList());
      System.out.println(f + " " + r);
      for (var o : r.misses(3)) {
        System.out.println("  rank=" + o.firstRelevantRank() + " " + o.question().text());
        var hits = s.search(SearchRequest.of(o.question().text(), 3)).hits();
        for (var h : hits) System.out.println("      " + h.passage().id() + " " + h.score());
      }
    }
  }
}
