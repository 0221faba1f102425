package uk.safeguarding.guidance.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.TestApp;
import uk.safeguarding.guidance.embed.BgeSmallEmbedder;
import uk.safeguarding.guidance.embed.CachedEmbedder;
import uk.safeguarding.guidance.privacy.PersonalData;

/**
 * The safety screen's figures on the bank's held-out test split, trained on the train split only,
 * asserted just under what BENCHMARKS.md reports, so a change to the features, the settings or the
 * bank cannot silently miss more children in danger.
 */
class ScreenFiguresTest {

  /** Measured 0.995 (197/198) and 0.099 (41/416) (BENCHMARKS.md); a margin of about two situations each way. */
  static final double HYBRID_RECALL = 0.98;
  static final double HYBRID_FALSE_ALARMS = 0.104;
  /**
   * The test split among test-split routine sentences (one after each situation, then three around it):
   * measured 0.841 (333/396) and 0.044 (37/832); 0.538 and 0.016 before the screen learned beside routine
   * sentences.
   */
  static final double DILUTED_RECALL = 0.83;
  static final double DILUTED_FALSE_ALARMS = 0.047;
  /** Measured 1.000 (198/198) and 0.216 (90/416) without the model. */
  static final double LEXICAL_RECALL = 0.985;
  static final double LEXICAL_FALSE_ALARMS = 0.221;
  /** The routine sentences of the train split, as the eval trains on train. */
  private static final List<String> ROUTINE = RoutineSentences.split("train");
  /** The questions the chat page offers a new user ("Try one of these questions"). */
  private static final Pattern STARTER = Pattern.compile("data-question=\"([^\"]+)\"");

  private static final List<Example> BANK = ExampleFiles.bank();
  private static final List<Example> TRAIN = BANK.stream().filter(e -> e.split().equals("train")).toList();
  private static final List<Example> TEST = BANK.stream().filter(e -> e.split().equals("test")).toList();

  @Test
  void with_the_embedding_it_catches_the_held_out_urgent_situations_with_few_false_alarms() {
    SafetyScreen s = SafetyScreen.train(TRAIN, ROUTINE,
        new CachedEmbedder(new BgeSmallEmbedder(), TestApp.SHARED_DATA), SafetyScreen.HYBRID);
    ScreenEval.Result r = ScreenEval.score(s, TEST);
    assertTrue(r.recall() >= HYBRID_RECALL, "recall " + r.recall() + ", missed " + r.missed());
    assertTrue(r.falseAlarmRate() <= HYBRID_FALSE_ALARMS, "false alarms " + r.falseAlarmRate() + ": " + r.alarms());
    ScreenEval.Result d = ScreenEval.score(s, ScreenEval.diluted(TEST, RoutineSentences.split("test")));
    assertTrue(d.recall() >= DILUTED_RECALL,
        "among routine sentences, recall " + d.recall() + ", missed " + d.missed());
    assertTrue(d.falseAlarmRate() <= DILUTED_FALSE_ALARMS, "among routine sentences, false alarms "
        + d.falseAlarmRate());
  }

  @Test
  void without_the_embedding_it_still_catches_nearly_all_of_them() {
    SafetyScreen s = SafetyScreen.train(TRAIN, ROUTINE, null, SafetyScreen.LEXICAL);
    ScreenEval.Result r = ScreenEval.score(s, TEST);
    assertTrue(r.recall() >= LEXICAL_RECALL, "recall " + r.recall() + ", missed " + r.missed());
    assertTrue(r.falseAlarmRate() <= LEXICAL_FALSE_ALARMS, "false alarms " + r.falseAlarmRate());
  }

  @Test
  void the_chat_pages_own_starter_questions_are_not_flagged_urgent() throws IOException {
    List<String> starters = STARTER.matcher(Files.readString(Path.of("web/index.html"))).results()
        .map(m -> m.group(1)).toList();
    assertEquals(6, starters.size(), "the page's starters");
    // The screen the shipped server serves, as it gets it: read back from the test servers' shared data
    // folder when one of them trained it first, else trained now and kept there for them.
    ScreenService s = new ScreenService(Path.of("corpus"), new CachedEmbedder(new BgeSmallEmbedder(),
        TestApp.SHARED_DATA), Runnable::run, TestApp.SHARED_DATA);
    for (String q : starters) {
      Verdict v = s.assess(PersonalData.mask(q));
      assertFalse(v.urgent(), q + ": " + v.reason());
    }
  }
}
