package uk.safeguarding.guidance.answer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import uk.safeguarding.guidance.ops.CheckedFile;

/**
 * Keeps the answer step's trained models ({@link LearnedModels.Trained}) in a file in the data folder,
 * so a restart of the same build over the same library and examples serves at once instead of training
 * for a minute. The file ({@link CheckedFile}) says what it was trained from (the key: library,
 * examples, embedding model, search settings and the build's code); a file for anything else,
 * truncated, damaged or of another format is ignored and the models are trained as before. Numbers are
 * written exactly, so models read back decide to the bit as the ones written. Stateless.
 */
final class ModelsFile {

  /** The file's name in the data folder. */
  static final String NAME = "answer-models.bin";
  /** The format's name and version: a change to the layout below bumps it. */
  static final String FORMAT = "guidance-answer-models/5";
  private static final String WHAT = "the answer step's models";

  private ModelsFile() {}

  /**
   * The models in {@code file} when it holds models trained from what {@code key} names, whole and
   * unchanged; else {@code training}'s, kept there when {@code unchanged} still holds ({@link CheckedFile#kept}).
   */
  static LearnedModels.Trained kept(Path file, String key, Supplier<LearnedModels.Trained> training,
      BooleanSupplier unchanged) {
    return CheckedFile.kept(file, FORMAT, key, WHAT, ModelsFile::read, training, models -> out -> write(out, models),
        unchanged);
  }

  private static void write(DataOutput out, LearnedModels.Trained models) throws IOException {
    CheckedFile.string(out, models.libraryHash());
    out.writeBoolean(models.ranker() != null);
    if (models.ranker() != null) {
      models.ranker().writeTo(out);
    }
    models.answerability().writeTo(out);
    models.sentences().writeTo(out);
    models.passages().writeTo(out);
    out.writeInt(models.unfound().size());
    for (String u : models.unfound()) {
      CheckedFile.string(out, u);
    }
    models.suggested().writeTo(out);
  }

  private static LearnedModels.Trained read(DataInput in) throws IOException {
    String libraryHash = CheckedFile.string(in);
    PassageRanker ranker = in.readBoolean() ? PassageRanker.readFrom(in) : null;
    Answerability answerability = Answerability.readFrom(in);
    SentenceScorer sentences = SentenceScorer.readFrom(in);
    SentenceScorer passages = SentenceScorer.readFrom(in);
    int n = CheckedFile.length(in);
    List<String> unfound = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      unfound.add(CheckedFile.string(in));
    }
    SuggestedQuestions suggested = SuggestedQuestions.readFrom(in, ranker == null ? null : ranker.answeredBefore());
    return new LearnedModels.Trained(libraryHash, ranker, answerability, sentences, passages, List.copyOf(unfound),
        suggested);
  }
}
