package uk.safeguarding.guidance.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import uk.safeguarding.guidance.embed.BgeSmallEmbedder;
import uk.safeguarding.guidance.embed.CachedEmbedder;
import uk.safeguarding.guidance.embed.Embedder;
import uk.safeguarding.guidance.index.IndexStore;
import uk.safeguarding.guidance.ops.Commands;
import uk.safeguarding.guidance.screen.Example;
import uk.safeguarding.guidance.screen.ExampleFiles;
import uk.safeguarding.guidance.screen.ScreenEval;

/**
 * {@code eval}: reads and checks the options, then hands each run to its scorer: practitioner
 * question files against a corpus folder ({@link QuestionRun}), a BEIR collection indexed through
 * the same analysis and ranking ({@link BeirRun}), or the safety screen ({@link ScreenEval}).
 * Filled once by picocli, then run; not thread-safe.
 */
@Command(name = "eval", customSynopsis = "java -jar guidance-assistant.jar eval [options]",
    description = "Scores search and answers on question files, a BEIR collection, or the safety screen.")
public final class EvalCommand implements Callable<Integer> {

  private static final List<String> MODES = List.of("bm25", "hybrid", "both", "dense");
  private static final List<String> SCREEN_RUNS = List.of("test", "sweep");

  @Mixin
  Commands.HelpOptions help;

  @Option(names = "--questions", paramLabel = "FILE",
      description = "a question file ({\"q\", \"expect\"} / {\"q\", \"outOfScope\": true} lines); repeatable")
  List<Path> questionFiles = new ArrayList<>();

  @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "corpus",
      description = "corpus for --questions (default ./corpus)")
  Path corpus;

  @Option(names = "--beir", paramLabel = "DIR",
      description = "a BEIR collection (corpus.jsonl, queries.jsonl, qrels/SPLIT.tsv)")
  Path beir;

  @Option(names = "--split", paramLabel = "NAME", defaultValue = "test",
      description = "BEIR qrels split (default test; tune on train)")
  String split;

  @Option(names = "--mode", paramLabel = "M", defaultValue = "both",
      description = "bm25, hybrid, both (the two) or dense (embeddings alone, for comparison); default both")
  String mode;

  @Option(names = "--k1", paramLabel = "X", defaultValue = "" + IndexStore.DEFAULT_K1,
      description = "BM25 term saturation (default " + IndexStore.DEFAULT_K1 + ")")
  float k1;

  @Option(names = "--b", paramLabel = "Y", defaultValue = "" + IndexStore.DEFAULT_B,
      description = "BM25 length normalisation, 0 to 1 (default " + IndexStore.DEFAULT_B + ")")
  float b;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "data/eval",
      description = "embedding cache and temporary indexes (default ./data/eval)")
  Path data;

  @Option(names = "--screen", paramLabel = "WHAT",
      description = {"the safety screen: 'test' (train on the bank's train split, score its test split),",
          "'sweep' (also the cross-validated settings sweep on the train split)"})
  String screen;

  @Option(names = "--situations", paramLabel = "FILE",
      description = "with --screen: also score these {\"q\", \"urgent\"} lines with the screen trained on the whole bank")
  Path situations;

  @Spec
  CommandSpec spec;

  private final PrintStream out;

  public EvalCommand(PrintStream out) {
    this.out = out;
  }

  /** Runs {@code eval} on {@code args}, errors included, into {@code out}: 0 done, 1 failed, 2 bad input. */
  public static int run(String[] args, PrintStream out) {
    return Commands.execute(new EvalCommand(out), args, out, out);
  }

  @Override
  public Integer call() {
    check();
    try {
      Embedder embedder = mode.equals("bm25") ? null
          : new ProgressEmbedder(new CachedEmbedder(new BgeSmallEmbedder(), data), out);
      if (screen != null) {
        List<Example> extra = situations == null ? null : ExampleFiles.jsonLines(situations).examples();
        ScreenEval.run(mode.equals("bm25") ? null : new CachedEmbedder(new BgeSmallEmbedder(), data), extra,
            situations == null ? null : situations.getFileName().toString(), screen.equals("sweep"), out);
        if (questionFiles.isEmpty() && beir == null) {
          return 0;
        }
      }
      List<String> modes = mode.equals("both") ? List.of("bm25", "hybrid") : List.of(mode);
      for (String m : modes) {
        Embedder e = m.equals("bm25") ? null : embedder;
        if (!questionFiles.isEmpty()) {
          QuestionRun.run(questionFiles, corpus, data, e, k1, b, m, out);
        }
        if (beir != null) {
          BeirRun.run(beir, split, data, e, k1, b, m, out);
        }
      }
      return 0;
    } catch (IOException | RuntimeException e) {
      out.println("Error: " + e.getMessage());
      return 1;
    }
  }

  /** The checks no single option can make alone; a failure is bad input (exit 2, with the usage). */
  private void check() {
    if (!Float.isFinite(k1) || k1 < 0) {
      throw bad("The option '--k1' needs a number of 0 or more, got '" + k1 + "'.");
    }
    if (!Float.isFinite(b) || b < 0 || b > 1) {
      throw bad("The option '--b' must be from 0 to 1, got '" + b + "'.");
    }
    if (!MODES.contains(mode)) {
      throw bad("The mode must be bm25, hybrid, both or dense, got '" + mode + "'.");
    }
    if (screen != null && !SCREEN_RUNS.contains(screen)) {
      throw bad("The option '--screen' must be test or sweep, got '" + screen + "'.");
    }
    if (situations != null && screen == null) {
      throw bad("The option '--situations' needs '--screen test'.");
    }
    if (questionFiles.isEmpty() && beir == null && screen == null) {
      throw bad("Give --questions FILE, --beir DIR or --screen test.");
    }
  }

  private ParameterException bad(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
