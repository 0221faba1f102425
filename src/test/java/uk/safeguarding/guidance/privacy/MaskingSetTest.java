package uk.safeguarding.guidance.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Masking measured on the labelled questions. Tuning looks only at the train split (its leaks and
 * false masks are written to target/masking-train-report.txt); the test split gives the figures
 * reported in docs/masking-notes.md, asserted here with a small margin.
 */
class MaskingSetTest {

  /** Test split measured 0.952 (80/84); the margin allows one more identifier left. */
  private static final double TEST_RECALL_AT_LEAST = 0.94;
  /** Test split measured 0.004 (5/1238 words); the margin allows about seven more. */
  private static final double TEST_FALSE_MASKING_AT_MOST = 0.01;
  private static final int SET_SIZE = 261;

  @Test
  void the_set_splits_into_train_and_test_by_hash() {
    List<LabelledQuestion> all = LabelledQuestion.all();
    assertEquals(SET_SIZE, all.size());
    assertEquals(all.size(), LabelledQuestion.split(true).size() + LabelledQuestion.split(false).size());
    assertEquals(69, LabelledQuestion.split(true).size());
  }

  @Test
  void masking_on_the_test_split_meets_the_reported_figures() throws IOException {
    MaskingScore train = MaskingScore.of(LabelledQuestion.split(false), PersonalData::mask);
    MaskingScore test = MaskingScore.of(LabelledQuestion.split(true), PersonalData::mask);
    System.out.println("train: " + train.summary());
    System.out.println("test:  " + test.summary());
    writeTrainReport(train);
    assertTrue(test.recall() >= TEST_RECALL_AT_LEAST, "test " + test.summary());
    assertTrue(test.falseMasking() <= TEST_FALSE_MASKING_AT_MOST, "test " + test.summary());
  }

  @Test
  void masking_masked_questions_changes_nothing() {
    for (LabelledQuestion question : LabelledQuestion.all()) {
      String once = PersonalData.mask(question.q());
      assertEquals(once, PersonalData.mask(once), question.q());
    }
  }

  private static void writeTrainReport(MaskingScore train) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("train: " + train.summary());
    lines.add("");
    lines.add("Identifiers left:");
    lines.addAll(train.leaks());
    lines.add("");
    lines.add("Ordinary words masked:");
    lines.addAll(train.falseMasks());
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "masking-train-report.txt"), lines);
  }
}
