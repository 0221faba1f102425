package uk.safeguarding.guidance.screen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.embed.Embedder;
import uk.safeguarding.guidance.embed.Vectors;

class SafetyScreenTest {

  @Test
  void the_threshold_is_the_lowest_urgent_score_that_keeps_the_target_recall() {
    double[] scores = {0.9, 0.2, 0.8, 0.1, 0.35, 0.6};
    double[] labels = {1, 0, 1, 0, 1, 1};
    // Four urgent examples: a 0.99 target allows no miss, so the lowest urgent score is the threshold.
    assertEquals(0.35, SafetyScreen.threshold(scores, labels, 0.99), 1e-9);
    // A 0.75 target allows one miss of four.
    assertEquals(0.6, SafetyScreen.threshold(scores, labels, 0.75), 1e-9);
  }

  @Test
  void a_screen_needs_both_kinds_of_example() {
    List<Example> onlyUrgent = List.of(new Example("toddler alone in the flat", true, "train"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SafetyScreen.train(onlyUrgent, null, SafetyScreen.LEXICAL));
    assertEquals("The safety screen needs urgent and calm examples, got 1", e.getMessage());
  }

  @Test
  void the_lexical_screen_learned_from_the_shipped_bank_separates_plain_cases() {
    SafetyScreen s = SafetyScreen.train(ExampleFiles.bank(), null, SafetyScreen.LEXICAL);
    assertFalse(s.usesEmbeddings());
    Verdict urgent = s.assess("my 3yo is on her own in the flat and mum went out hours ago, nobody answering");
    assertTrue(urgent.urgent(), urgent.toString());
    assertTrue(urgent.cues().contains("a child"), urgent.cues().toString());
    assertTrue(urgent.reason().startsWith("Safety screen score "), urgent.reason());
    assertFalse(urgent.nearest().isEmpty());
    Verdict calm = s.assess("what does the learning say about information sharing between agencies?");
    assertFalse(calm.urgent(), calm.toString());
    assertEquals("", calm.reason());
    assertEquals(ExampleFiles.bank().size(), s.examples());
  }

  @Test
  void the_shipped_bank_was_split_before_tuning_and_has_both_labels_in_each_split() {
    List<Example> bank = ExampleFiles.bank();
    assertTrue(bank.size() >= 600, "bank size " + bank.size());
    for (String split : List.of("train", "test")) {
      assertTrue(bank.stream().anyMatch(e -> e.split().equals(split) && e.urgent()), split);
      assertTrue(bank.stream().anyMatch(e -> e.split().equals(split) && !e.urgent()), split);
    }
    assertTrue(bank.stream().allMatch(e -> e.split().equals("train") || e.split().equals("test")));
  }

  @Test
  void the_trainers_file_adds_examples_and_reports_lines_it_cannot_use(@TempDir Path corpus) throws IOException {
    Files.writeString(corpus.resolve(ExampleFiles.TRAINER_FILE), String.join("\n",
        "# situations the screen got wrong",
        "urgent: the 4yo is wandering by the canal on his own",
        "Calm: what did the review find about missing children?",
        "maybe: something",
        "urgent:",
        ""));
    ExampleFiles.Loaded loaded = ExampleFiles.trainerFile(corpus);
    assertEquals(List.of(new Example("the 4yo is wandering by the canal on his own", true, "trainer"),
        new Example("what did the review find about missing children?", false, "trainer")), loaded.examples());
    assertEquals(List.of(
        "urgency-examples.txt line 4: start with \"urgent:\" or \"calm:\"",
        "urgency-examples.txt line 5: the situation must be 1 to 2000 characters"), loaded.skipped());
  }

  @Test
  void bad_json_lines_are_skipped_with_their_line_number() {
    ExampleFiles.Loaded loaded = ExampleFiles.jsonLines(String.join("\n",
        "{\"q\": \"baby not breathing\", \"urgent\": true}",
        "{\"q\": \"what is CSE\"}",
        "not json"), "x.jsonl");
    assertEquals(1, loaded.examples().size());
    assertEquals("test", loaded.examples().get(0).split());
    assertEquals("x.jsonl line 2: needs \"q\" (text) and \"urgent\" (true or false)", loaded.skipped().get(0));
    assertTrue(loaded.skipped().get(1).startsWith("x.jsonl line 3: not a JSON object"), loaded.skipped().get(1));
  }

  @Test
  void the_service_trains_on_the_bank_plus_the_trainers_file(@TempDir Path corpus) throws IOException {
    Files.writeString(corpus.resolve(ExampleFiles.TRAINER_FILE),
        "urgent: the twins are alone in a car outside the pub\n");
    ScreenService service = new ScreenService(corpus, null, Runnable::run);
    assertTrue(service.isReady());
    assertEquals(List.of(), service.skipped());
    assertTrue(service.assess("the twins are alone in a car outside the pub").urgent());
  }

  @Test
  void a_change_to_the_trainers_file_is_learned_when_the_server_checks_without_waiting_for_a_question(
      @TempDir Path corpus) throws IOException {
    Path file = corpus.resolve(ExampleFiles.TRAINER_FILE);
    Files.writeString(file, "urgent: the twins are alone in a car outside the pub\n");
    ScreenService service = new ScreenService(corpus, null, Runnable::run);
    assertEquals(List.of(), service.skipped());
    Files.writeString(file, "urgent: the twins are alone in a car outside the pub\nnot a labelled line\n");
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
    service.checkForChanges();
    assertEquals(List.of("urgency-examples.txt line 2: start with \"urgent:\" or \"calm:\""), service.skipped(),
        "retrained on the changed file");
  }

  /** A stand-in model: each text's letters hashed into eight numbers, normalised; counts its questions. */
  private static final class Counting implements Embedder {

    final AtomicInteger questions = new AtomicInteger();

    @Override
    public String modelId() {
      return "counting";
    }

    @Override
    public int dimension() {
      return 8;
    }

    @Override
    public float[] embedQuery(String query) {
      questions.incrementAndGet();
      return vector(query);
    }

    @Override
    public List<float[]> embedQueries(List<String> queries) {
      return queries.stream().map(Counting::vector).toList();
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
      return passages.stream().map(Counting::vector).toList();
    }

    private static float[] vector(String text) {
      float[] v = new float[8];
      text.chars().forEach(c -> v[c % 8] += 1);
      return Vectors.normalise(v);
    }
  }

  @Test
  void a_screen_remembered_from_another_server_reads_questions_through_this_servers_embedder(
      @TempDir Path corpusA, @TempDir Path corpusB) {
    Counting first = new Counting();
    Counting second = new Counting();
    new ScreenService(corpusA, first, Runnable::run).assess("what does the learning say about neglect?");
    ScreenService again = new ScreenService(corpusB, second, Runnable::run);
    int before = first.questions.get();
    again.assess("the twins are alone in a car outside the pub");
    assertEquals(before, first.questions.get(), "the first server's embedder is not used");
    assertTrue(second.questions.get() > 0);
  }

  @Test
  void a_screen_written_and_read_back_gives_every_verdict_to_the_bit() throws IOException {
    Counting embedder = new Counting();
    SafetyScreen trained = SafetyScreen.train(ExampleFiles.bank(), embedder, SafetyScreen.HYBRID);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    trained.writeTo(new DataOutputStream(bytes));
    SafetyScreen read = SafetyScreen.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
        embedder, SafetyScreen.HYBRID);
    assertEquals(trained.threshold(), read.threshold());
    assertEquals(trained.examples(), read.examples());
    for (Example e : ExampleFiles.bank().subList(0, 300)) {
      assertEquals(trained.assess(e.text()), read.assess(e.text()), e.text());
    }
    assertThrows(IOException.class, () -> SafetyScreen.readFrom(
        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), null, SafetyScreen.LEXICAL),
        "a screen with the embedding is not read as a lexical one");
  }

  @Test
  void the_service_keeps_its_screen_in_the_data_folder_for_the_next_start(@TempDir Path corpus, @TempDir Path data)
      throws IOException {
    new ScreenService(corpus, null, Runnable::run, data).assess("what does the learning say about neglect?");
    Path file = data.resolve(ScreenService.FILE);
    Object written = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    byte[] whole = Files.readAllBytes(file);

    ScreenService.forgetRemembered(); // a restart
    ScreenService again = new ScreenService(corpus, null, Runnable::run, data);
    assertTrue(again.assess("the twins are alone in a car outside the pub").urgent());
    assertEquals(written, Files.readAttributes(file, BasicFileAttributes.class).fileKey(), "read, not written again");

    Files.write(file, Arrays.copyOf(whole, whole.length / 2)); // damaged: trained and kept again
    ScreenService.forgetRemembered();
    assertTrue(new ScreenService(corpus, null, Runnable::run, data).isReady());
    assertArrayEquals(whole, Files.readAllBytes(file));

    Files.writeString(corpus.resolve(ExampleFiles.TRAINER_FILE), "calm: what does the review say about fire?\n");
    ScreenService.forgetRemembered(); // other examples: trained again, not read
    new ScreenService(corpus, null, Runnable::run, data).assess("x");
    assertFalse(Arrays.equals(whole, Files.readAllBytes(file)), "kept for the new examples");
  }

  /** An embedder that fails as a model that is missing, or a heap too small for the examples, makes it fail. */
  private static Embedder failing(RuntimeException orError, OutOfMemoryError error) {
    return new Embedder() {

      @Override
      public String modelId() {
        return "failing " + (orError == null ? "oom" : "missing");
      }

      @Override
      public int dimension() {
        return 384;
      }

      @Override
      public float[] embedQuery(String query) {
        return fail();
      }

      @Override
      public List<float[]> embedPassages(List<String> passages) {
        return fail();
      }

      private <T> T fail() {
        if (orError != null) {
          throw orError;
        }
        throw error;
      }
    };
  }

  @Test
  void when_the_screen_with_the_model_cannot_be_trained_the_lexical_screen_serves(@TempDir Path corpus) {
    for (Embedder broken : List.of(failing(new IllegalStateException("model missing"), null),
        failing(null, new OutOfMemoryError("Java heap space")))) {
      ScreenService service = new ScreenService(corpus, broken, Runnable::run);
      assertTrue(service.isReady(), broken.modelId());
      assertTrue(service.assess("the twins are alone in a car outside the pub right now").urgent(), broken.modelId());
      Verdict calm = service.assess("what does the learning say about neglect?");
      assertFalse(calm.urgent(), broken.modelId() + ": " + calm.reason());
      assertEquals(List.of("the screen with the embedding model could not be trained ("
          + (broken.modelId().endsWith("oom") ? "out of memory: give the server more heap, -Xmx" : "model missing")
          + "); the lexical-only screen serves"), service.skipped(), "/health says so");
    }
  }

  @Test
  void the_prompt_stands_in_for_a_screen_that_never_came() {
    assertTrue(ScreenService.UNAVAILABLE.urgent());
    assertEquals("Safety screen score 1.00 (urgent from 0.00); cues: the safety screen is unavailable",
        ScreenService.UNAVAILABLE.reason());
  }

  @Test
  void the_eval_asks_a_question_without_its_closing_question_marks() {
    assertEquals("why are babies so vulnerable", ScreenEval.withoutQuestionMark(" why are babies so vulnerable ?? "));
    assertEquals("is it urgent? yes", ScreenEval.withoutQuestionMark("is it urgent? yes"));
  }
}
