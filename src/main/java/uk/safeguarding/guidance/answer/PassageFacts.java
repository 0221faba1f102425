package uk.safeguarding.guidance.answer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.embed.Embedder;

/**
 * What the answer step reads of a passage on every question that finds it, worked out once: its
 * analysed terms (text and headings, for word coverage), its quotable sentences' vectors (for the
 * reranker) and their terms and kinds (for the sentence scorer). Keyed by the passage itself (its text included), so a changed passage is a new entry and
 * nothing needs clearing after a reindex. Thread-safe.
 */
final class PassageFacts {

  /**
   * Passages remembered, the least recently used forgotten first: a library's worth up to
   * {@link AnswerSearch#WARM_PASSAGES} (a passage's terms take a few kilobytes; its vectors are the
   * embedder's own arrays, not copies).
   */
  static final int REMEMBERED = AnswerSearch.WARM_PASSAGES;

  private final Embedder embedder;
  private final Function<String, Set<String>> termsOf;
  private final Function<String, float[]> vectorOf;
  private final Cache<Passage, Set<String>> terms = Caffeine.newBuilder().maximumSize(REMEMBERED).build();
  private final Cache<Passage, List<float[]>> sentences = Caffeine.newBuilder().maximumSize(REMEMBERED).build();
  private final Cache<Passage, List<SentenceFeatures.Quotable>> quotable =
      Caffeine.newBuilder().maximumSize(REMEMBERED).build();

  /**
   * {@code termsOf} analyses text as the index does; {@code embedder} gives (cached) passage-mode
   * vectors; {@code vectorOf} a passage's own vector from the index by its id (null when it has none).
   */
  PassageFacts(Embedder embedder, Function<String, Set<String>> termsOf, Function<String, float[]> vectorOf) {
    this.embedder = embedder;
    this.termsOf = termsOf;
    this.vectorOf = vectorOf;
  }

  /** The passage's vector as the index holds it, or null when it holds none. */
  float[] vector(Passage p) {
    return vectorOf.apply(p.id());
  }

  /** The analysed terms of the passage's text and its headings below the document title. */
  Set<String> terms(Passage p) {
    return terms.get(p, k -> Set.copyOf(termsOf.apply(k.text() + "\n" + String.join(" ", k.subPath()))));
  }

  /** The passage's quotable sentences with their analysed terms and kinds ({@link SentenceFeatures#quotable}). */
  List<SentenceFeatures.Quotable> quotable(Passage p) {
    return quotable.get(p, k -> SentenceFeatures.quotable(k, termsOf));
  }

  /** The vectors of the passage's quotable sentences ({@link Sentences#quotable}), in text order. */
  List<float[]> sentenceVectors(Passage p) {
    return sentences.get(p, k -> {
      List<String> units = Sentences.quotable(k.text()).stream().map(Sentences.Unit::text).toList();
      return units.isEmpty() ? List.of() : List.copyOf(embedder.embedPassages(units));
    });
  }
}
