package uk.safeguarding.guidance.answer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.ops.CheckedFile;
import uk.safeguarding.guidance.search.SearchHit;

/**
 * "You could also ask": questions practitioners asked that a passage near this answer answered. The
 * labelled examples ({@link AnswerableExamples}, the shipped bank's train splits and the trainers' own
 * lines) already say which passage answers which question in practitioners' words; an answer offers
 * the examples whose answering passage the question's search ranked near the top but the answer did
 * not cite, the closest to the question first, one per passage. So each suggestion is a question the
 * library answers, on a neighbouring point of the same topic, never a bare section title. Only examples
 * that read well on a button are kept ({@link #readsWell}). Which passage answered which example, and the
 * examples' vectors, are the reranker's ({@link AnsweredBefore}): kept here are only the offered examples'
 * texts. Immutable; thread-safe.
 */
final class SuggestedQuestions {

  /** Suggestions come from passages this far from the top of the question's ranking: its neighbourhood. */
  static final int NEAR_TOP = 10;
  /**
   * An example this close to the question (cosine of the two query embeddings) asks the same thing in
   * other words: not a suggestion. bge-small puts rewordings of one question at 0.93 and above.
   */
  static final double SAME_QUESTION = 0.93;
  /**
   * A declined question is offered example questions this close to it (cosine of the query embeddings),
   * else the topics the library covers. Chosen on the nineteenth and twentieth writers' train splits
   * (BENCHMARKS.md §8): at 0.70, 18 of the 34 wrongly declined in-scope questions were offered a question
   * that answers them (0.75: 16, 0.80: 8; 0: 25, but every everyday question, "how do I renew my
   * passport", was then offered unrelated ones), and everyday questions still get the topics.
   */
  static final double CLOSE_TO_DECLINED = 0.70;
  /** A suggestion fits a button on a phone: at most this many characters. */
  static final int MAX_CHARS = 90;
  /** And says enough to stand alone: at least this many. */
  static final int MIN_CHARS = 15;

  /**
   * Not a question that stands alone: a first-person account ("I'm a midwife …"), or a follow-up that
   * leans on an earlier one ("And what else …", "What were those injuries …").
   */
  private static final Pattern NOT_ALONE =
      Pattern.compile("^(i'm|im|i am|i've|i have|my|we|and|but|so|also|then|or)\\b.*|.*\\b(those|these)\\b.*");

  /** The texts of the examples offered, by their position among the examples. */
  private final Map<Integer, String> offered;
  /** Which passages answered which examples; null when nothing was learned of it (nothing is offered). */
  private final AnsweredBefore answered;

  private SuggestedQuestions(Map<Integer, String> offered, AnsweredBefore answered) {
    this.offered = offered;
    this.answered = answered;
  }

  /**
   * From example {@code i}'s question {@code texts.get(i)}, what its search {@code found} and the passages
   * {@code answering.get(i)} accepts (null: an example that names no answering passage), as
   * {@code answered} (null: none) remembers them. Only questions that {@code answeredAlone} (asked on
   * their own, they are answered, their passage first: so a suggestion, once tapped, answers) and that
   * {@code shown} leaves as they are (no personal data, as a trainer's line might hold, and no typing
   * slips) are offered.
   */
  static SuggestedQuestions of(List<String> texts, List<Candidates> found, List<Predicate<SearchHit>> answering,
      AnsweredBefore answered, IntPredicate answeredAlone, UnaryOperator<String> shown) {
    Map<Integer, String> offered = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; answered != null && i < texts.size(); i++) {
      String text = texts.get(i).strip();
      if (answering.get(i) != null && found.get(i).question() != null && readsWell(text)
          && text.equals(shown.apply(text)) && seen.add(text.toLowerCase(Locale.ROOT)) && answeredAlone.test(i)) {
        offered.put(i, text);
      }
    }
    return new SuggestedQuestions(Map.copyOf(offered), answered);
  }

  /**
   * Whether a question reads well on a button: a sentence that starts with a capital and ends with a
   * question mark, short enough for a phone, not a first-person account nor a role's preamble ("Housing
   * officer: …", "… - what …") nor a follow-up. Shorthand and typing slips are left to the examples'
   * other uses.
   */
  static boolean readsWell(String text) {
    return text.length() >= MIN_CHARS && text.length() <= MAX_CHARS && Character.isUpperCase(text.charAt(0))
        && text.endsWith("?") && text.indexOf('?') == text.length() - 1 && !text.contains(":")
        && !text.contains(" - ") && !text.contains("[") && !NOT_ALONE.matcher(text.toLowerCase(Locale.ROOT))
            .matches();
  }

  /** How many example questions are kept, over how many passages (for the training log). */
  String describe() {
    Map<String, Integer> byPassage = answered == null ? Map.of() : answered.answeredBy(offered::containsKey);
    return byPassage.values().stream().mapToInt(n -> n).sum() + " questions on " + byPassage.size() + " passages";
  }

  /**
   * {@code a} offering up to {@code n} of these questions as "You could also ask" ({@link #suggest}, the
   * question and the ranking as its {@code evidence} has them); the headings it offers stay when none fits.
   */
  Answer offered(Answer a, Evidence evidence, int n) {
    Set<String> cited =
        a.citations().stream().flatMap(c -> c.passages().stream()).map(Passage::id).collect(Collectors.toSet());
    List<String> asked = suggest(a.question(), evidence.question(), evidence.scored(), cited, n);
    return asked.isEmpty() ? a : a.withSuggestions(asked);
  }

  /**
   * Up to {@code n} questions for an answer to {@code asked} (query embedding {@code question}) that cited
   * {@code cited}: from the passages among the first {@link #NEAR_TOP} of {@code ranked} that it did not
   * cite, the closest example of each, closest first.
   */
  List<String> suggest(String asked, float[] question, List<Scored> ranked, Set<String> cited, int n) {
    return offers(asked, question, ranked, cited, -1, SAME_QUESTION, n);
  }

  /**
   * For a declined question: up to {@code n} questions the library answers that are at least
   * {@link #CLOSE_TO_DECLINED} alike to it, from the passages near the top of {@code ranked}, closest first; a
   * rewording of it is welcome here (the decline may be wrong, and one tap then answers it). Empty when
   * none is that close: the question is about something else, and the topics the library covers say more.
   */
  List<String> closeTo(String asked, float[] question, List<Scored> ranked, int n) {
    return offers(asked, question, ranked, Set.of(), CLOSE_TO_DECLINED, Double.POSITIVE_INFINITY, n);
  }

  private List<String> offers(String asked, float[] question, List<Scored> ranked, Set<String> cited, double min,
      double max, int n) {
    if (question == null || n <= 0 || answered == null) {
      return List.of();
    }
    String itself = asked.strip();
    IntPredicate offerable = example -> offered.containsKey(example) && !offered.get(example).equalsIgnoreCase(itself);
    List<AnsweredBefore.Match> offers = new ArrayList<>();
    for (Scored s : ranked.subList(0, Math.min(NEAR_TOP, ranked.size()))) {
      String id = s.hit().passage().id();
      AnsweredBefore.Match best = cited.contains(id) ? null : answered.closest(id, question, offerable, max);
      if (best != null && best.cosine() >= min) {
        offers.add(best);
      }
    }
    return offers.stream().sorted(Comparator.comparingDouble(AnsweredBefore.Match::cosine).reversed())
        .map(m -> offered.get(m.example())).distinct().limit(n).toList();
  }

  /** Writes the offered examples' texts, for {@link #readFrom} ({@link ModelsFile}). */
  void writeTo(DataOutput out) throws IOException {
    out.writeInt(offered.size());
    for (Map.Entry<Integer, String> e : new TreeMap<>(offered).entrySet()) {
      out.writeInt(e.getKey());
      CheckedFile.string(out, e.getValue());
    }
  }

  /** What {@link #writeTo} wrote, over what the reranker read back remembers ({@code answered}, null: none). */
  static SuggestedQuestions readFrom(DataInput in, AnsweredBefore answered) throws IOException {
    int n = CheckedFile.length(in);
    Map<Integer, String> offered = new HashMap<>();
    for (int k = 0; k < n; k++) {
      offered.put(in.readInt(), CheckedFile.string(in));
    }
    return new SuggestedQuestions(Map.copyOf(offered), answered);
  }
}
