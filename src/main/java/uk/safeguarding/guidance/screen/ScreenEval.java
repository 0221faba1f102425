package uk.safeguarding.guidance.screen;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.Locale;
import java.util.regex.Pattern;
import uk.safeguarding.guidance.embed.Embedder;
import uk.safeguarding.guidance.privacy.PersonalData;

/**
 * Measures the safety screen: urgent situations caught (recall) and calm ones flagged (false
 * alarms), and the cross-validated sweep on the train split that chose {@link SafetyScreen#HYBRID}
 * and {@link SafetyScreen#LEXICAL}. Never reads the test split while choosing.
 */
public final class ScreenEval {

  /** Closing question marks: the test split is asked without them too. */
  private static final Pattern QUESTION_MARKS = Pattern.compile("\\s*\\?+$");

  /** Figures on one set of situations; {@code missed} are the urgent ones not caught. */
  public record Result(int urgent, int caught, int calm, int falseAlarms, List<String> missed, List<String> alarms) {

    public double recall() {
      return urgent == 0 ? Double.NaN : caught / (double) urgent;
    }

    public double falseAlarmRate() {
      return calm == 0 ? Double.NaN : falseAlarms / (double) calm;
    }

    String line() {
      return String.format(Locale.ROOT, "urgent recall %.3f (%d/%d), false alarms %.3f (%d/%d)", recall(), caught,
          urgent,
          falseAlarmRate(), falseAlarms, calm);
    }
  }

  private ScreenEval() {}

  public static Result score(SafetyScreen screen, List<Example> situations) {
    int urgent = 0;
    int caught = 0;
    int calm = 0;
    int alarms = 0;
    List<String> missed = new ArrayList<>();
    List<String> falseAlarms = new ArrayList<>();
    // As the server asks them, masked; side by side on the common pool (the screen and its embedder are
    // thread-safe, and each text is embedded alone, so the verdicts are those of one at a time).
    boolean[] verdicts = new boolean[situations.size()];
    IntStream.range(0, situations.size()).parallel()
        .forEach(i -> verdicts[i] = screen.assess(PersonalData.mask(situations.get(i).text())).urgent());
    for (int i = 0; i < situations.size(); i++) {
      Example e = situations.get(i);
      boolean flagged = verdicts[i];
      if (e.urgent()) {
        urgent++;
        caught += flagged ? 1 : 0;
        if (!flagged) {
          missed.add(e.text());
        }
      } else {
        calm++;
        alarms += flagged ? 1 : 0;
        if (flagged) {
          falseAlarms.add(e.text());
        }
      }
    }
    return new Result(urgent, caught, calm, alarms, missed, falseAlarms);
  }

  /** One scored set: its headline, then each urgent situation missed and each false alarm. */
  private static void report(PrintStream out, String headline, Result r) {
    out.println(headline);
    r.missed().forEach(m -> out.println("  missed: " + m));
    r.alarms().forEach(m -> out.println("  false alarm: " + m));
  }

  /** The text without its closing question marks (and the spaces before them); unchanged when it has none. */
  static String withoutQuestionMark(String text) {
    return QUESTION_MARKS.matcher(text.strip()).replaceFirst("");
  }

  /**
   * Trains on the bank's train split and scores its test split, then (when {@code extra} is given)
   * trains on the whole bank, as the server does, and scores {@code extra}; for both modes.
   */
  public static void run(Embedder embedder, List<Example> extra, String extraName, boolean sweep, PrintStream out) {
    List<Example> bank = ExampleFiles.bank();
    List<Example> train = bank.stream().filter(e -> e.split().equals("train")).toList();
    List<Example> test = bank.stream().filter(e -> e.split().equals("test")).toList();
    out.printf(Locale.ROOT, "Safety screen bank: %d train, %d test situations%n", train.size(), test.size());
    if (sweep) {
      sweep(train, embedder, out);
    }
    for (boolean hybrid : new boolean[] {false, true}) {
      if (hybrid && embedder == null) {
        continue;
      }
      String mode = hybrid ? "hybrid (embedding + lexical)" : "lexical only (--dense off without the model)";
      SafetyScreen s = SafetyScreen.train(train, routine("train"), hybrid ? embedder : null,
          hybrid ? SafetyScreen.HYBRID : SafetyScreen.LEXICAL);
      Result r = score(s, test);
      report(out, String.format(Locale.ROOT, "%s, trained on train, test split: %s, threshold %.3f", mode, r.line(),
          s.threshold()), r);
      // A danger among routine sentences the screen never learned beside: the test split's, one after each
      // situation, then three around it.
      Result d = score(s, diluted(test, RoutineSentences.split("test")));
      report(out, String.format(Locale.ROOT, "%s, trained on train, the test split among routine sentences (one "
          + "after each situation, then three around it; %d): %s", mode, d.urgent() + d.calm(), d.line()), d);
      // Practitioners often leave the question mark off: the verdict should not hang on it.
      List<Example> bare = test.stream().filter(e -> e.text().strip().endsWith("?"))
          .map(e -> new Example(withoutQuestionMark(e.text()), e.urgent(), e.split())).toList();
      Result b = score(s, bare);
      report(out, String.format(Locale.ROOT, "%s, trained on train, the test split's %d lines ending \"?\" asked "
          + "without it: %s", mode, bare.size(), b.line()), b);
      if (extra != null) {
        SafetyScreen all = SafetyScreen.train(bank, routine(null), hybrid ? embedder : null,
            hybrid ? SafetyScreen.HYBRID : SafetyScreen.LEXICAL);
        Result x = score(all, extra);
        report(out, String.format(Locale.ROOT, "%s, trained on the whole bank, %s: %s", mode, extraName, x.line()), x);
      }
    }
  }

  /** With {@code -Dscreen.dilute=false}, learning without routine sentences, to compare. */
  static final String DILUTE_PROPERTY = "screen.dilute";

  /** The routine sentences of {@code split} (all when null) that the screen learns beside, or none when turned off. */
  static List<String> routine(String split) {
    if (!Boolean.parseBoolean(System.getProperty(DILUTE_PROPERTY, "true"))) {
      return List.of();
    }
    return split == null ? RoutineSentences.all() : RoutineSentences.split(split);
  }

  /**
   * Each situation twice among {@code routine} sentences: with one after it, and with three around it (two
   * before, one after).
   */
  static List<Example> diluted(List<Example> situations, List<String> routine) {
    List<Example> out = new ArrayList<>();
    int n = routine.size();
    for (int i = 0; i < situations.size(); i++) {
      Example e = situations.get(i);
      out.add(new Example(e.text() + " " + routine.get(i % n), e.urgent(), e.split()));
      out.add(new Example(routine.get((i + 1) % n) + " " + routine.get((i + 2) % n) + " " + e.text() + " "
          + routine.get((i + 3) % n), e.urgent(), e.split()));
    }
    return out;
  }

  /**
   * Settings to sweep instead of the default grid: "cues,embedding,words,chars,C,urgentWeight[,passageEmbedding]" groups
   * separated by ";" (an embedding weight of 0 sweeps a lexical-only screen).
   */
  static final String GRID_PROPERTY = "screen.grid";

  /** Nested cross-validation on the train split for a small grid of settings. */
  static void sweep(List<Example> train, Embedder embedder, PrintStream out) {
    int folds = 5;
    List<SafetyScreen.Settings> grid = new ArrayList<>();
    double[][] blocks = embedder == null
        ? new double[][] {{0.5, 0, 1, 1, 10, 2}, {1, 0, 1, 1, 10, 2}, {0.5, 0, 0.5, 1, 10, 2}}
        : new double[][] {{0.5, 1, 0.5, 0.5, 100, 2}};
    String custom = System.getProperty(GRID_PROPERTY, "");
    if (!custom.isBlank()) {
      blocks = Arrays.stream(custom.split(";")).map(g -> Arrays.stream(g.split(",")).mapToDouble(Double::parseDouble)
          .toArray()).toArray(double[][]::new);
    }
    for (double[] w : blocks) {
      for (double recall : new double[] {0.99, 0.9925, 0.995}) {
        grid.add(new SafetyScreen.Settings(new Features.Weights(w[0], w[1], w[2], w[3], w.length > 6 ? w[6] : 0), w[4],
            w[5], recall, 5, 0.5));
      }
    }
    for (SafetyScreen.Settings s : grid) {
      int urgent = 0;
      int caught = 0;
      int calm = 0;
      int alarms = 0;
      for (int f = 0; f < folds; f++) {
        List<Example> in = new ArrayList<>();
        List<Example> held = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
          (i % folds == f ? held : in).add(train.get(i));
        }
        Result r = score(SafetyScreen.train(in, routine("train"), s.weights().embedding() > 0 ? embedder : null, s),
            held);
        urgent += r.urgent();
        caught += r.caught();
        calm += r.calm();
        alarms += r.falseAlarms();
      }
      Result total = new Result(urgent, caught, calm, alarms, List.of(), List.of());
      out.printf(Locale.ROOT, "  sweep %s C=%s urgentWeight=%s targetRecall=%s: %s%n", s.weights(), s.c(),
          s.urgentWeight(),
          s.targetRecall(), total.line());
    }
  }
}
