package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.ops.CheckedFile;
import uk.safeguarding.guidance.search.QueryTerms;
import uk.safeguarding.guidance.search.SearchHit;

class LearnedModelsTest {

  private static final String ANSWER = "Practitioners should record neglect early and clearly.";
  private static final String TEXT = ANSWER + " The family moved house in the spring of that year.";
  private static final String OTHER = "The review panel met twice at the council offices that spring.";

  private static Set<String> termsOf(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z]+")).filter(w -> !w.isEmpty())
        .collect(Collectors.toSet());
  }

  /** An answerable question finds a close passage whose first sentence answers; another finds a distant one. */
  private static Evidence evidence(boolean close, Random random) {
    double noise = 0.04 * random.nextGaussian();
    Passage p = new Passage("doc", "p", List.of("Doc"), TEXT, 0);
    Scored s = new Scored(new SearchHit(p, null, 1f, "", (float) ((close ? 0.8 : 0.6) + noise)), 0, 1, termsOf(TEXT));
    Passage q = new Passage("doc", "q", List.of("Doc"), OTHER, 1);
    Scored t = new Scored(new SearchHit(q, null, 0.8f, "", (float) (0.55 + noise)), 1, 0, termsOf(OTHER));
    QueryTerms terms = new QueryTerms(List.of(new QueryTerms.Word("neglect", Set.of("neglect"), 2, true)));
    double[] cosines = {(close ? 0.8 : 0.55) + noise, 0.5 + noise};
    return new Evidence(terms, List.of(s, t), new float[] {1, 0}, List.of(cosines, new double[] {0.45 + noise}));
  }

  private static List<AnswerableExamples.Example> examples() {
    List<AnswerableExamples.Example> out = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      boolean answerable = i % 3 != 0;
      out.add(new AnswerableExamples.Example((answerable ? "a" : "n") + i, answerable,
          answerable ? List.of("record neglect early") : List.of(), answerable ? ANSWER : ""));
    }
    return out;
  }

  private static LearnedModels models(AtomicReference<String> hash, AtomicInteger trainings) {
    return models(hash, trainings, LearnedModelsTest.examples());
  }

  private static LearnedModels models(AtomicReference<String> hash, AtomicInteger trainings,
      List<AnswerableExamples.Example> examples) {
    return models(hash, trainings, examples, "examiner " + EXAMINERS.incrementAndGet());
  }

  /** Numbers each test's examiner, so no test reuses models another remembered. */
  private static final AtomicInteger EXAMINERS = new AtomicInteger();

  /** {@code examiner}: what the examiner says it searches, beside the library {@code hash}. */
  private static LearnedModels models(AtomicReference<String> hash, AtomicInteger trainings,
      List<AnswerableExamples.Example> examples, String examiner) {
    return new LearnedModels(hash::get, examiner(hash, trainings, examiner), () -> examples);
  }

  /** Finds a close passage for each question starting "a", a distant one for the others. */
  private static LearnedModels.Examiner examiner(AtomicReference<String> hash, AtomicInteger trainings,
      String examiner) {
    Random random = new Random(7);
    Map<Candidates, Evidence> seen = new IdentityHashMap<>();
    return new LearnedModels.Examiner() {

      @Override
      public List<Candidates> gather(List<String> questions) {
        trainings.incrementAndGet();
        return questions.stream().map(q -> {
          Evidence e = LearnedModelsTest.evidence(q.startsWith("a"), random);
          Candidates c = new Candidates(e.terms(), e.question(), e.scored().stream().map(Scored::hit).toList(),
              e.sentenceCosines(), e.scored().stream().map(Scored::coverage).toList());
          seen.put(c, e);
          return c;
        }).toList();
      }

      @Override
      public Evidence evidence(Candidates found, PassageRanker.Ranking ranked) {
        return seen.get(found);
      }

      @Override
      public List<SentenceFeatures.Row> rows(Evidence e) {
        return SentenceFeatures.rows(e, LearnedModelsTest::termsOf);
      }

      @Override
      public String describe() {
        return examiner + " over " + hash.get();
      }
    };
  }

  @Test
  void a_second_server_over_the_same_library_and_examples_reuses_the_models_and_other_examples_train_anew() {
    String examiner = "shared examiner " + EXAMINERS.incrementAndGet();
    AtomicInteger trainings = new AtomicInteger();
    LearnedModels.Trained first = models(new AtomicReference<>("h1"), trainings, examples(), examiner).get();
    LearnedModels.Trained second = models(new AtomicReference<>("h1"), trainings, examples(), examiner).get();
    assertEquals(1, trainings.get(), "the second server reuses the first's models");
    assertSame(first.answerability(), second.answerability());
    List<AnswerableExamples.Example> more = new ArrayList<>(examples());
    more.add(new AnswerableExamples.Example("a61", true, List.of("record neglect early"), ANSWER));
    models(new AtomicReference<>("h1"), trainings, more, examiner).get();
    assertEquals(2, trainings.get(), "one more example: trained again");
    models(new AtomicReference<>("h2"), trainings, examples(), examiner).get();
    assertEquals(3, trainings.get(), "another library: trained again");
  }

  @Test
  void learns_to_answer_close_questions_and_to_rate_the_answering_sentence_first() {
    LearnedModels.Trained t = models(new AtomicReference<>("h1"), new AtomicInteger()).get();
    Random random = new Random(11);
    assertTrue(t.answerability().answerable(evidence(true, random).answerability()));
    assertFalse(t.answerability().answerable(evidence(false, random).answerability()));
    Evidence e = evidence(true, random);
    double[] scores = t.scores(SentenceFeatures.rows(e, LearnedModelsTest::termsOf), e.question());
    assertTrue(scores[0] > scores[1], "the answering sentence first");
  }

  @Test
  void a_new_library_is_learned_in_the_background_while_the_old_models_serve() throws InterruptedException {
    AtomicReference<String> hash = new AtomicReference<>("h1");
    AtomicInteger trainings = new AtomicInteger();
    LearnedModels models = models(hash, trainings);
    LearnedModels.Trained first = models.get();
    assertSame(first, models.get(), "the same library: no retraining");
    hash.set("h2");
    assertSame(first, models.get(), "the old models serve while the new ones train");
    for (int i = 0; i < 200 && models.get() == first; i++) {
      Thread.sleep(50);
    }
    assertNotSame(first, models.get());
    assertTrue(trainings.get() == 2, "trained once per library, got " + trainings.get());
  }

  @Test
  void on_a_small_heap_the_models_serving_keep_serving_a_changed_library_and_say_why() throws InterruptedException {
    AtomicReference<String> hash = new AtomicReference<>("h1");
    AtomicInteger trainings = new AtomicInteger();
    LearnedModels models = models(hash, trainings).onASmallHeap();
    LearnedModels.Trained first = models.get();
    assertEquals("", models.notRetrained());
    hash.set("h2");
    for (int i = 0; i < 5; i++) {
      assertSame(first, models.get(), "never let go, never retrained: no question waits");
    }
    Thread.sleep(100);
    assertEquals(1, trainings.get());
    assertTrue(models.notRetrained().startsWith("the answer step's models were not retrained for the changed "
        + "library (heap "), models.notRetrained());
    assertTrue(models.notRetrained().contains("a restart learns the change, or run with -Xmx"), models.notRetrained());
    hash.set("h1");
    assertEquals("", models.notRetrained(), "the library they were trained on is back");
  }

  @Test
  void an_urgent_question_does_not_wait_for_the_first_training_and_later_gets_the_models() throws Exception {
    CountDownLatch gathering = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger trainings = new AtomicInteger();
    LearnedModels.Examiner blocked = examiner(new AtomicReference<>("h1"), trainings, "blocked");
    LearnedModels models = new LearnedModels(() -> "h1", new LearnedModels.Examiner() {

      @Override
      public List<Candidates> gather(List<String> questions) {
        gathering.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return blocked.gather(questions);
      }

      @Override
      public Evidence evidence(Candidates found, PassageRanker.Ranking ranked) {
        return blocked.evidence(found, ranked);
      }

      @Override
      public List<SentenceFeatures.Row> rows(Evidence e) {
        return blocked.rows(e);
      }

      @Override
      public String describe() {
        return "held back " + EXAMINERS.incrementAndGet();
      }
    }, LearnedModelsTest::examples);
    CompletableFuture<LearnedModels.Trained> first = CompletableFuture.supplyAsync(models::get);
    assertTrue(gathering.await(30, TimeUnit.SECONDS), "the first training started");
    assertEquals(null, models.readyNow(), "no models yet, and no wait for them");
    release.countDown();
    LearnedModels.Trained trained = first.get(60, TimeUnit.SECONDS);
    assertSame(trained, models.readyNow(), "once trained, the models answer urgent questions too");
    assertEquals(1, trainings.get(), "trained once");
  }

  @TempDir
  Path dir;

  /** A server's models over library "h1" and the usual examples, kept in {@code file} by {@code build}. */
  private static LearnedModels kept(AtomicInteger trainings, String examiner, Path file, String build) {
    AtomicReference<String> hash = new AtomicReference<>("h1");
    return new LearnedModels(hash::get, examiner(hash, trainings, examiner), LearnedModelsTest::examples, file,
        () -> build);
  }

  /** The same decisions to the bit: answer or decline, the sentence scores and the passages' order. */
  private static void assertSameDecisions(LearnedModels.Trained expected, LearnedModels.Trained actual) {
    assertEquals(expected.answerability().threshold(), actual.answerability().threshold());
    Random random = new Random(5);
    for (int i = 0; i < 20; i++) {
      Evidence e = evidence(i % 2 == 0, random);
      assertEquals(expected.answerability().score(e.answerability()), actual.answerability().score(e.answerability()));
      List<SentenceFeatures.Row> rows = SentenceFeatures.rows(e, LearnedModelsTest::termsOf);
      assertArrayEquals(expected.scores(rows, e.question()), actual.scores(rows, e.question()));
      Candidates c = new Candidates(e.terms(), e.question(), e.scored().stream().map(Scored::hit).toList(),
          e.sentenceCosines(), e.scored().stream().map(Scored::coverage).toList());
      assertEquals(expected.rank(c).hits(), actual.rank(c).hits());
      assertArrayEquals(expected.rank(c).chances(), actual.rank(c).chances()); // to the bit
    }
    assertEquals(expected.unfound(), actual.unfound());
  }

  @Test
  void trained_models_are_kept_and_read_back_by_the_next_start_of_the_same_build_only() throws IOException {
    Path file = dir.resolve(ModelsFile.NAME);
    AtomicInteger trainings = new AtomicInteger();
    String examiner = "kept " + EXAMINERS.incrementAndGet();
    LearnedModels.Trained trained = kept(trainings, examiner, file, "build 1").get();
    assertEquals(1, trainings.get());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "kept in the data folder, and nothing else left there");
    }
    assertNotNull(trained.ranker(), "the reranker is kept too");

    LearnedModels.forgetRemembered(); // a restart
    LearnedModels.Trained read = kept(trainings, examiner, file, "build 1").get();
    assertEquals(1, trainings.get(), "read, not trained again");
    assertNotSame(trained, read);
    assertSameDecisions(trained, read);

    LearnedModels.forgetRemembered();
    kept(trainings, examiner, file, "build 2").get();
    assertEquals(2, trainings.get(), "another build's file is not read");
    assertEquals(Optional.empty(), CheckedFile.read(file, ModelsFile.FORMAT, "another library|build 2",
        "the answer step's models", in -> "read"));
  }

  @Test
  void a_damaged_truncated_or_foreign_file_is_ignored_and_the_models_trained_and_kept_again() throws IOException {
    Path file = dir.resolve(ModelsFile.NAME);
    AtomicInteger trainings = new AtomicInteger();
    String examiner = "damaged " + EXAMINERS.incrementAndGet();
    LearnedModels.Trained trained = kept(trainings, examiner, file, "b").get();
    byte[] whole = Files.readAllBytes(file);
    byte[] flipped = whole.clone();
    flipped[whole.length / 2] ^= 1;
    List<byte[]> damaged = List.of(flipped, Arrays.copyOf(whole, whole.length - 100), Arrays.copyOf(whole, 20),
        "not a models file".getBytes(StandardCharsets.UTF_8), new byte[] {0x7f, 0x7f, 0x7f, 0x7f});
    for (byte[] bytes : damaged) {
      Files.write(file, bytes);
      LearnedModels.forgetRemembered();
      int before = trainings.get();
      assertSameDecisions(trained, kept(trainings, examiner, file, "b").get());
      assertEquals(before + 1, trainings.get(), "trained again");
      assertArrayEquals(whole, Files.readAllBytes(file), "kept whole again");
    }
  }

  @Test
  void a_trainers_sentence_that_no_found_passage_holds_is_reported_with_its_line() {
    List<AnswerableExamples.Example> examples = new ArrayList<>(examples());
    examples.add(new AnswerableExamples.Example("a trainer's question", true, List.of("a sentence nobody wrote"),
        "a sentence nobody wrote", "answer-examples.txt line 4"));
    examples.add(new AnswerableExamples.Example("a trainer's other question", true, List.of(ANSWER), ANSWER,
        "answer-examples.txt line 5"));
    LearnedModels models = models(new AtomicReference<>("h1"), new AtomicInteger(), examples);
    assertEquals(null, models.current(), "nothing before the first training");
    models.get();
    assertEquals(List.of("answer-examples.txt line 4: the sentence after \"=>\" is in none of the passages this "
        + "question finds; copy it exactly from the library"), models.current().unfound());
  }

  @Test
  void a_training_that_runs_out_of_memory_is_not_retried_by_every_question_until_the_library_changes() {
    AtomicReference<String> hash = new AtomicReference<>("h1");
    AtomicInteger attempts = new AtomicInteger();
    LearnedModels models = new LearnedModels(hash::get, new LearnedModels.Examiner() {

      @Override
      public List<Candidates> gather(List<String> questions) {
        attempts.incrementAndGet();
        throw new OutOfMemoryError("Java heap space");
      }

      @Override
      public Evidence evidence(Candidates found, PassageRanker.Ranking ranked) {
        throw new AssertionError("never reached");
      }

      @Override
      public List<SentenceFeatures.Row> rows(Evidence e) {
        throw new AssertionError("never reached");
      }

      @Override
      public String describe() {
        return "out of memory " + EXAMINERS.incrementAndGet();
      }
    }, LearnedModelsTest::examples);
    assertEquals(null, models.get(), "the hand-set rules answer");
    assertEquals(null, models.get());
    assertEquals(1, attempts.get(), "the second question does not wait for another failing training");
    assertEquals("the answer step's models could not be trained (out of memory: give the server more heap, -Xmx); "
        + "the hand-set rules answer", models.failure(), "/health says so");
    hash.set("h2");
    assertEquals(null, models.get());
    assertEquals(2, attempts.get(), "a changed library is tried again");
  }
}
