package uk.safeguarding.guidance.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.corpus.CorpusReader;
import uk.safeguarding.guidance.index.IndexStore;
import uk.safeguarding.guidance.index.LibraryHolder;
import uk.safeguarding.guidance.search.SearchRequest;
import uk.safeguarding.guidance.search.SearchService;

/**
 * The relevance suite: practitioner questions with known answering passages, run against the
 * shipped corpus, so a ranking change cannot silently regress. Thresholds sit just under the
 * measured figures (see BENCHMARKS.md).
 */
class RelevanceTest {

  @TempDir static Path data;
  static LibraryHolder holder = new LibraryHolder();
  static SearchService search;

  @BeforeAll
  static void index() {
    holder.swap(new IndexStore(data, CorpusReader.standard()).open(Path.of("corpus")));
    search = new SearchService(holder);
  }

  @AfterAll
  static void close() {
    holder.close();
  }

  static QuestionEval.Report run(String file) throws IOException {
    List<Question> questions = Question.read(Path.of("src/test/resources/eval", file));
    return QuestionEval.run(questions, q -> search.search(SearchRequest.of(q, 10)).hits().stream()
        .map(h -> h.passage().text()).toList());
  }

  private static String misses(QuestionEval.Report r) {
    return r + "\nmissed in top 5: " + r.misses(5).stream()
        .map(o -> o.question().text() + " (rank " + o.firstRelevantRank() + ")").toList();
  }

  @Test
  void dev_questions_meet_recall_at_5_of_095_and_mrr_at_10_of_085() throws IOException {
    QuestionEval.Report r = run("dev.jsonl");
    assertTrue(r.questions() == 15, r.toString());
    assertTrue(r.recallAt5() >= 0.95, misses(r));
    assertTrue(r.mrrAt10() >= 0.85, misses(r));
  }

  @Test
  void practitioner_questions_do_not_regress() throws IOException {
    QuestionEval.Report r = run("practitioner.jsonl");
    assertTrue(r.questions() == 70, r.toString());
    assertTrue(r.recallAt5() >= PRACTITIONER_RECALL_AT_5, misses(r));
    assertTrue(r.mrrAt10() >= PRACTITIONER_MRR_AT_10, misses(r));
  }

  static final double PRACTITIONER_RECALL_AT_5 = 0.75;
  static final double PRACTITIONER_MRR_AT_10 = 0.65;
}
