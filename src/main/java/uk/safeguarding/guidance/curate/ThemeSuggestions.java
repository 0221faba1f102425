package uk.safeguarding.guidance.curate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uk.safeguarding.guidance.corpus.Block;
import uk.safeguarding.guidance.corpus.SourceDocument;
import uk.safeguarding.guidance.learning.Questions;

/**
 * Suggests themes for an upload from the themes the library already uses, so a library keeps one
 * vocabulary ("neglect", not "Neglect of children" beside it). A theme is suggested when the upload
 * names it (its words in a row, plurals aside) in a heading or at least {@link #MIN_MENTIONS} times;
 * when it names none, the themes whose library documents its words are close to, more than to the
 * others' (cosine of tf-idf vectors, {@link #MIN_SIMILARITY}). Each suggestion says why. Themes the upload
 * already has are not suggested. Stateless, thread-safe.
 */
final class ThemeSuggestions {

  /** Times a theme's name must appear in the text (once is enough in the title or a heading). */
  static final int MIN_MENTIONS = 2;
  /**
   * Cosine similarity to a theme's documents from which it is suggested without being named, when it
   * also stands out: at least {@link #LIFT} times the median over the library's themes (in a library
   * whose documents each carry many themes, closeness to one document says nothing of which theme).
   */
  static final double MIN_SIMILARITY = 0.15;
  static final double LIFT = 1.5;
  /** Suggestions shown at most. */
  static final int MAX_SUGGESTIONS = 5;
  /** Words read from each document at most, so a large library keeps a preview quick. */
  static final int MAX_WORDS = 20_000;
  /** A word: a run of letters and digits. */
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  /** Shared words named in a suggestion's reason. */
  static final int SHOWN_WORDS = 4;

  private static final Set<String> STOP = Set.of("a", "about", "after", "all", "also", "an", "and", "any", "are", "as",
      "at", "be", "been", "being", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has",
      "have", "he", "her", "his", "how", "i", "if", "in", "into", "is", "it", "its", "may", "more", "must", "no",
      "not", "of", "on", "one", "or", "other", "our", "out", "over", "she", "should", "so", "some", "such", "than",
      "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "two", "up", "was",
      "we", "were", "what", "when", "where", "which", "who", "whom", "why", "will", "with", "would", "you", "your");

  /** A theme to offer, and why, in words for the trainer. */
  record Suggestion(String theme, String source) {}

  private ThemeSuggestions() {}

  /** Up to {@link #MAX_SUGGESTIONS} themes of {@code library} for {@code upload}, best first. */
  static List<Suggestion> suggest(SourceDocument upload, Collection<SourceDocument> library) {
    Map<String, String> names = new TreeMap<>(); // theme key → the spelling the library uses most
    Map<String, List<Map<String, Integer>>> byTheme = new HashMap<>();
    Map<String, Integer> df = new HashMap<>();
    Map<String, Map<String, Long>> spellings = new HashMap<>();
    for (SourceDocument d : library) {
      Map<String, Integer> tf = counts(words(text(d)));
      tf.keySet().forEach(w -> df.merge(w, 1, Integer::sum));
      for (String theme : d.metadata().themes()) {
        String key = theme.strip().toLowerCase(Locale.ROOT);
        if (!key.isEmpty()) {
          spellings.computeIfAbsent(key, k -> new TreeMap<>()).merge(theme.strip(), 1L, Long::sum);
          byTheme.computeIfAbsent(key, k -> new ArrayList<>()).add(tf);
        }
      }
    }
    spellings.forEach((key, s) -> names.put(key, s.entrySet().stream()
        .max(Map.Entry.<String, Long>comparingByValue()
            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .orElseThrow().getKey()));
    Set<String> has = upload.metadata().themes().stream().map(t -> t.strip().toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
    List<String> words = words(text(upload));
    List<String> headingWords = words(upload.metadata().title() + "\n" + upload.blocks().stream()
        .filter(b -> b.kind() == Block.Kind.HEADING).map(Block::text).collect(Collectors.joining("\n")));
    Map<String, Double> uploadVector = vector(counts(words), df, library.size());
    Map<String, Map<String, Double>> themeVectors = new HashMap<>();
    Map<String, Double> similarities = new HashMap<>();
    byTheme.forEach((key, docs) -> {
      Map<String, Integer> themeCounts = new HashMap<>();
      docs.forEach(tf -> tf.forEach((w, n) -> themeCounts.merge(w, n, Integer::sum)));
      themeVectors.put(key, vector(themeCounts, df, library.size()));
      similarities.put(key, cosine(uploadVector, themeVectors.get(key)));
    });
    double[] sorted = similarities.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double median = sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    List<Scored> named = new ArrayList<>();
    List<Scored> close = new ArrayList<>();
    for (Map.Entry<String, String> theme : names.entrySet()) {
      if (has.contains(theme.getKey())) {
        continue;
      }
      List<String> name = words(theme.getValue());
      int mentions = name.isEmpty() ? 0 : mentions(words, name);
      boolean inHeading = !name.isEmpty() && mentions(headingWords, name) > 0;
      List<Map<String, Integer>> docs = byTheme.get(theme.getKey());
      Map<String, Double> themeVector = themeVectors.get(theme.getKey());
      double similarity = similarities.get(theme.getKey());
      String held =
          docs.size() == 1 ? "a theme of 1 library document" : "a theme of " + docs.size() + " library documents";
      if (mentions >= MIN_MENTIONS || inHeading) {
        String where =
            inHeading ? "is in the title or a heading" + (mentions > 1 ? " and " + mentions + " times in all" : "")
                : "appears " + mentions + " times in the document";
        named.add(new Scored(theme.getValue(), mentions, "“" + theme.getValue() + "” " + where + " (" + held + ")"));
      } else if (similarity >= MIN_SIMILARITY && similarity >= LIFT * median) {
        close.add(new Scored(theme.getValue(), similarity, "its words are close to those of the library's "
            + (docs.size() == 1 ? "document" : docs.size() + " documents") + " on it (shared: "
            + String.join(", ", shared(uploadVector, themeVector)) + ")"));
      }
    }
    // Closeness by words counts only when the document names none of the themes: a document on two
    // themes names them, and the other themes of the documents it resembles are noise.
    return (named.isEmpty() ? close : named).stream()
        .sorted(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::theme))
        .limit(MAX_SUGGESTIONS).map(s -> new Suggestion(s.theme(), s.source())).toList();
  }

  private record Scored(String theme, double score, String source) {}

  /** The document's words, its title once (a first heading often repeats it). */
  private static String text(SourceDocument d) {
    StringBuilder out = new StringBuilder();
    if (d.blocks().stream().noneMatch(b -> b.text().equals(d.metadata().title()))) {
      out.append(d.metadata().title());
    }
    d.blocks().forEach(b -> out.append('\n').append(b.text()));
    return out.toString();
  }

  /** Lowercase words without stop words, plurals stripped ("families" → "family"). */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    // Found one by one, not split into an array: a 15 MB upload's millions of words ran the heap out.
    Matcher word = WORD.matcher(text);
    while (out.size() < MAX_WORDS && word.find()) {
      String w = word.group().toLowerCase(Locale.ROOT);
      if (!STOP.contains(w)) {
        out.add(Questions.singular(w));
      }
    }
    return out;
  }

  private static Map<String, Integer> counts(List<String> words) {
    Map<String, Integer> tf = new HashMap<>();
    words.forEach(w -> tf.merge(w, 1, Integer::sum));
    return tf;
  }

  /** The times {@code phrase} appears in {@code words}, word after word. */
  private static int mentions(List<String> words, List<String> phrase) {
    int n = 0;
    for (int i = 0; i + phrase.size() <= words.size(); i++) {
      if (words.subList(i, i + phrase.size()).equals(phrase)) {
        n++;
      }
    }
    return n;
  }

  /** Sublinear term frequency times inverse document frequency, over the library's documents. */
  private static Map<String, Double> vector(Map<String, Integer> tf, Map<String, Integer> df, int docs) {
    Map<String, Double> v = new HashMap<>();
    tf.forEach((w, n) -> {
      double idf = Math.log((docs + 1.0) / (df.getOrDefault(w, 0) + 1.0));
      if (idf > 0) {
        v.put(w, (1 + Math.log(n)) * idf);
      }
    });
    return v;
  }

  private static double cosine(Map<String, Double> a, Map<String, Double> b) {
    double dot = 0;
    for (Map.Entry<String, Double> e : a.entrySet()) {
      dot += e.getValue() * b.getOrDefault(e.getKey(), 0.0);
    }
    double norms = Math.sqrt(a.values().stream().mapToDouble(x -> x * x).sum())
        * Math.sqrt(b.values().stream().mapToDouble(x -> x * x).sum());
    return norms == 0 ? 0 : dot / norms;
  }

  /** The words adding most to the similarity, for the reason shown. */
  private static List<String> shared(Map<String, Double> a, Map<String, Double> b) {
    Map<String, Double> products = new LinkedHashMap<>();
    a.forEach((w, x) -> {
      if (b.containsKey(w)) {
        products.put(w, x * b.get(w));
      }
    });
    return products.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey())).limit(SHOWN_WORDS).map(Map.Entry::getKey).toList();
  }
}
