package uk.safeguarding.guidance.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code eval} command end to end on a five-document BEIR collection whose BM25 figures are
 * worked out by hand, and on every kind of bad input.
 */
class EvalCommandTest {

  static final Path MINI = Path.of("src/test/resources/fixtures/beir-mini");

  @TempDir
  Path data;

  private record Run(int status, String out) {}

  private static Run eval(String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status = EvalCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return new Run(status, bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void bm25_on_a_beir_collection_prints_the_hand_computed_figures() {
    Run r = eval("--beir", MINI.toString(), "--mode", "bm25", "--data", data.toString());
    assertEquals(0, r.status(), r.out());
    // q4 has no positive judgement and the 0-gain lines count for nothing: 3 queries are scored.
    assertTrue(r.out().contains("beir-mini: 5 documents, 3 queries with judgements (test)"), r.out());
    // q1 finds its one document first (nDCG 1); q2 finds one of two first (nDCG 1 / (1 + 1/log2 3)
    // = 0.6131, recall 0.5); q3's document shares no word with it (0). Means over the three:
    assertTrue(r.out().contains("beir-mini test [bm25, k1=1.20 b=0.75]: nDCG@10=0.5377 recall@10=0.5000 "
        + "recall@100=0.5000 MRR@10=0.6667 (3 queries"), r.out());
  }

  @Test
  void document_ids_that_differ_only_in_case_or_punctuation_stay_two_documents() throws IOException {
    Path dir = data.resolve("clash");
    Files.createDirectories(dir.resolve("qrels"));
    Files.writeString(dir.resolve("corpus.jsonl"), "{\"_id\": \"Doc-1\", \"text\": \"alpha beta\"}\n"
        + "{\"_id\": \"doc_1\", \"text\": \"gamma delta\"}\n");
    Files.writeString(dir.resolve("queries.jsonl"), "{\"_id\": \"q1\", \"text\": \"gamma\"}\n"
        + "{\"_id\": \"q2\", \"text\": \"alpha\"}\n");
    Files.writeString(dir.resolve("qrels/test.tsv"), "q1\tdoc_1\t1\nq2\tDoc-1\t1\n");
    Run r = eval("--beir", dir.toString(), "--mode", "bm25", "--data", data.toString());
    assertTrue(r.out().contains("clash: 2 documents, 2 queries with judgements (test)"), r.out());
    assertTrue(r.out().contains("nDCG@10=1.0000 recall@10=1.0000"), r.out());
  }

  @Test
  void dense_ranks_every_document_so_everything_is_found_within_100() {
    Run r = eval("--beir", MINI.toString(), "--mode", "dense", "--data", data.toString());
    assertEquals(0, r.status(), r.out());
    assertTrue(r.out().contains("beir-mini test [dense, k1=1.20 b=0.75]: nDCG@10="), r.out());
    assertTrue(r.out().contains("recall@100=1.0000"), r.out());
  }

  @Test
  void bad_options_print_the_reason_and_the_usage_and_exit_2() {
    String beir = MINI.toString();
    List<List<String>> cases = List.of(
        List.of(), List.of("--beir"), List.of("--colour", "red"), List.of("--beir", beir, "--mode", "fast"),
        List.of("--beir", beir, "--k1", "abc"), List.of("--beir", beir, "--b", "-1"),
        List.of("--beir", beir, "--b", "2"));
    List<String> reasons = List.of(
        "Give --questions FILE, --beir DIR or --screen test.", "Missing required parameter for option '--beir' (DIR)",
        "Unknown options: '--colour', 'red'", "The mode must be bm25, hybrid, both or dense, got 'fast'.",
        "Invalid value for option '--k1': 'abc' is not a float",
        "The option '--b' must be from 0 to 1, got '-1.0'.", "The option '--b' must be from 0 to 1, got '2.0'.");
    for (int i = 0; i < cases.size(); i++) {
      Run r = eval(cases.get(i).toArray(String[]::new));
      assertEquals(2, r.status(), r.out());
      assertTrue(r.out().startsWith("Error: " + reasons.get(i) + "\n"), r.out());
      assertTrue(r.out().contains("\nUsage: java -jar guidance-assistant.jar eval [options]\n"), r.out());
    }
  }

  @Test
  void help_lists_every_option_and_exits_0() {
    Run r = eval("--help");
    assertEquals(0, r.status(), r.out());
    assertTrue(r.out().startsWith("Usage: java -jar guidance-assistant.jar eval [options]"), r.out());
    for (String option : List.of("--questions=FILE", "--corpus=DIR", "--beir=DIR", "--split=NAME", "--mode=M", "--k1=X",
        "--b=Y", "--data=DIR", "--screen=WHAT", "--situations=FILE", "-h, --help", "--version")) {
      assertTrue(r.out().contains(option), option + " in " + r.out());
    }
  }

  @Test
  void a_missing_or_malformed_collection_is_named_with_the_file_and_line_and_exits_1() throws IOException {
    Run missingSplit = eval("--beir", MINI.toString(), "--split", "dev", "--mode", "bm25", "--data", data.toString());
    assertEquals(1, missingSplit.status());
    assertEquals("Error: No qrels for split 'dev': " + MINI.resolve("qrels").resolve("dev.tsv") + " does not exist.\n",
        missingSplit.out());

    Path notBeir = Files.createDirectories(data.resolve("empty"));
    Run empty = eval("--beir", notBeir.toString(), "--mode", "bm25", "--data", data.toString());
    assertEquals("Error: Not a BEIR collection: " + notBeir.resolve("corpus.jsonl") + " does not exist.\n",
        empty.out());

    Path broken = data.resolve("broken");
    Files.createDirectories(broken.resolve("qrels"));
    Files.writeString(broken.resolve("corpus.jsonl"),
        "{\"_id\": \"d1\", \"text\": \"fine\"}\n\n{\"_id\": \"d2\", \"text\": \n");
    Files.writeString(broken.resolve("queries.jsonl"), "{\"_id\": \"q1\", \"text\": \"fine\"}\n");
    Files.writeString(broken.resolve("qrels/test.tsv"), "q1\td1\t1\n");
    Run syntax = eval("--beir", broken.toString(), "--mode", "bm25", "--data", data.toString());
    assertEquals(1, syntax.status());
    assertEquals(
        "Error: " + broken.resolve("corpus.jsonl") + " line 3: expected a JSON object with \"_id\" and \"text\".\n",
        syntax.out());

    Files.writeString(broken.resolve("corpus.jsonl"), "{\"_id\": \"d1\", \"text\": \"fine\"}\n");
    Files.writeString(broken.resolve("qrels/test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\tyes\n");
    Run qrels = eval("--beir", broken.toString(), "--mode", "bm25", "--data", data.toString());
    assertEquals("Error: " + broken.resolve("qrels/test.tsv") + " line 2: expected query-id, corpus-id and a "
        + "whole-number score separated by tabs, got 'q1\td1\tyes'.\n", qrels.out());

    Files.writeString(broken.resolve("qrels/test.tsv"), "q1\td1\t0\n");
    Run unjudged = eval("--beir", broken.toString(), "--mode", "bm25", "--data", data.toString());
    assertEquals(1, unjudged.status());
    assertTrue(
        unjudged.out().endsWith("Error: No query in queries.jsonl has a positive judgement in qrels/test.tsv.\n"),
        unjudged.out());
  }
}
