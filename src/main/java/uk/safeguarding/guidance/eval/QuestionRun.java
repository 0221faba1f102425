package uk.safeguarding.guidance.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import uk.safeguarding.guidance.answer.AnswerLog;
import uk.safeguarding.guidance.answer.AskService;
import uk.safeguarding.guidance.answer.Conversations;
import uk.safeguarding.guidance.corpus.CorpusReader;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.embed.Embedder;
import uk.safeguarding.guidance.index.IndexStore;
import uk.safeguarding.guidance.index.LibraryHolder;
import uk.safeguarding.guidance.ops.Progress;
import uk.safeguarding.guidance.screen.ScreenService;
import uk.safeguarding.guidance.search.Filters;
import uk.safeguarding.guidance.search.SearchRequest;
import uk.safeguarding.guidance.search.SearchService;

/**
 * {@code eval --questions}: indexes a corpus folder as the server does, then scores the search
 * (recall@k, MRR@10) and the answers on each practitioner question file, one line per file and mode.
 * Stateless.
 */
final class QuestionRun {

  /** Passages ranked per question: the depth recall@10 and MRR@10 read. */
  private static final int RANKED = 10;
  /** Set {@code -Deval.failures=true} to list each answer that missed, under its file's figures. */
  private static final String FAILURES_PROPERTY = "eval.failures";

  private QuestionRun() {}

  /**
   * Scores every file in {@code files} against {@code corpus} in {@code mode} (bm25, hybrid or
   * dense); {@code embedder} is null for bm25.
   */
  static void run(List<Path> files, Path corpus, Path data, Embedder embedder, float k1, float b, String mode,
      PrintStream out) throws IOException {
    LibraryHolder holder = new LibraryHolder();
    holder.swap(new IndexStore(data, CorpusReader.standard(), embedder, k1, b).open(corpus));
    SearchService search = new SearchService(holder, embedder);
    // The screen only sets the urgent flag, which these figures do not score: trained here, synchronously.
    AskService ask = new AskService(search, holder, Conversations.standard(), AnswerLog.NONE,
        new ScreenService(corpus, embedder, Runnable::run), embedder, corpus); // with the corpus's answer-examples.txt
    ask.prepare(); // the search figures are the search API's: reranked once the answer step's models are trained
    try {
      for (Path file : files) {
        List<Question> qs = Question.read(file);
        QuestionEval.Report r = QuestionEval.run(qs, q -> mode.equals("dense")
            ? nearest(holder, embedder, q).stream().map(Passage::text).toList()
            : ask.search(SearchRequest.hitsOnly(q, RANKED, Filters.NONE)).hits().stream()
                .map(h -> h.passage().text()).toList());
        out.printf("%s [%s] %s%n", file.getFileName(), mode, r);
        if (!mode.equals("dense")) { // answers always go through the search ranking
          answers(ask, qs, Question.histories(file), file, mode, out);
        }
      }
    } finally {
      holder.close();
    }
  }

  /** Asks each question, after its line's {@code histories} entry in a conversation of its own when it has one. */
  private static void answers(AskService ask, List<Question> qs, List<String> histories, Path file, String mode,
      PrintStream out) {
    Progress asked = Progress.printed(out, "asked", "questions", qs.size());
    AskEval.Report report = AskEval.run(qs, histories, request -> {
      try {
        return ask.ask(request);
      } finally {
        asked.step();
      }
    });
    asked.finish();
    out.printf("%s [%s] %s%n", file.getFileName(), mode, report);
    if (Boolean.getBoolean(FAILURES_PROPERTY)) {
      report.failures().forEach(f -> out.println("  " + f));
    }
  }

  private static List<Passage> nearest(LibraryHolder holder, Embedder embedder, String query) {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      return lease.library().nearest(embedder.embedQuery(query), RANKED);
    }
  }
}
