package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerExamplesTest {

  @Test
  void reads_answers_with_and_without_a_sentence_and_declines_and_skips_lines_it_cannot_use() {
    TrainerExamples.Loaded loaded = TrainerExamples.parse(String.join("\n",
        "# questions the assistant got wrong",
        "answer: mums new fella moved in, what do we check? => Consider who is living in the household.",
        "Answer: dad not in the assessment",
        "decline: what does the Mental Capacity Act say about 16 year olds?",
        "maybe: something",
        "answer:  => a sentence",
        "decline: a question => a sentence",
        "answer: a question =>",
        "answer: " + "x".repeat(uk.safeguarding.guidance.ops.TrainerLines.MAX_CHARS + 1),
        ""));
    assertEquals(List.of(
        new AnswerableExamples.Example("mums new fella moved in, what do we check?", true,
            List.of("Consider who is living in the household."), "Consider who is living in the household.",
            "answer-examples.txt line 2"),
        new AnswerableExamples.Example("dad not in the assessment", true, List.of(), "", "answer-examples.txt line 3"),
        new AnswerableExamples.Example("what does the Mental Capacity Act say about 16 year olds?", false, List.of(),
            "", "answer-examples.txt line 4")),
        loaded.examples());
    assertEquals(List.of(
        "answer-examples.txt line 5: start with \"answer:\" or \"decline:\"",
        "answer-examples.txt line 6: the question must be 1 to 2000 characters",
        "answer-examples.txt line 7: a \"decline:\" line takes no sentence; remove \"=> …\"",
        "answer-examples.txt line 8: the sentence after \"=>\" must be 1 to 2000 characters",
        "answer-examples.txt line 9: the question must be 1 to 2000 characters"), loaded.skipped());
  }

  @Test
  void the_shipped_bank_comes_first_and_the_trainers_lines_follow(@TempDir Path corpus) throws IOException {
    Files.writeString(corpus.resolve(TrainerExamples.FILE), "decline: what is the Clare's Law threshold?\nwhat?\n");
    TrainerExamples trainers = new TrainerExamples(corpus);
    List<AnswerableExamples.Example> all = trainers.withBank();
    assertEquals(AnswerableExamples.bank().size() + 1, all.size());
    assertEquals("answer-examples.txt line 1", all.get(all.size() - 1).origin());
    assertEquals(List.of("answer-examples.txt line 2: start with \"answer:\" or \"decline:\""), trainers.skipped());
  }

  @Test
  void the_stamp_changes_with_the_file_and_is_empty_without_one(@TempDir Path corpus) throws IOException {
    assertEquals("", new TrainerExamples(null).stamp());
    assertEquals("", new TrainerExamples(corpus).stamp());
    Files.writeString(corpus.resolve(TrainerExamples.FILE), "decline: one\n");
    String one = new TrainerExamples(corpus).stamp();
    Files.writeString(corpus.resolve(TrainerExamples.FILE), "decline: one\ndecline: two\n");
    assertNotEquals(one, new TrainerExamples(corpus).stamp());
  }
}
