package uk.safeguarding.guidance.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.safeguarding.guidance.corpus.Passage;

/**
 * Acronyms and terms the library defines, built from two sources: definitions written into the
 * documents ("Sudden Unexpected Death in Infancy (SUDI)"), each with the passage that defines it,
 * and the trainers' synonyms file (an acronym listed with its spelled-out form). Immutable.
 */
final class Glossary {

  /** One term. {@code passage} is null when only the synonyms file defines it. */
  record Entry(String term, String expansion, Passage passage, String sentence) {}

  private static final Pattern DEFINED = Pattern.compile(
      "((?:[A-Z][\\p{L}'’-]*|of|and|for|the|in|to|on|&)(?:\\s+(?:[A-Z][\\p{L}'’-]*|of|and|for|the|in|to|on|&)){0,9})\\s+\\(([A-Z][A-Za-z0-9]{1,7})\\)");
  private static final Pattern QUESTION = Pattern.compile(
      "^(?:what(?:'s| is| are| does| do)?|define|meaning of|explain)\\s+(?:an?\\s+|the\\s+)?(?:term\\s+|acronym\\s+|abbreviation\\s+)?"
          + "[\"'“‘]?([\\p{L}\\p{N}.&/ -]{2,40}?)[\"'”’]?\\s*(?:mean|means|stand for|stands for|short for|meaning)?\\s*\\??$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern TERM_MEANING = Pattern.compile(
      "^[\"'“‘]?([A-Za-z0-9.&/-]{2,12})[\"'”’]?\\s+(?:meaning|definition|stands for|means)\\s*\\??$",
      Pattern.CASE_INSENSITIVE);

  private final Map<String, Entry> entries;

  private Glossary(Map<String, Entry> entries) {
    this.entries = entries;
  }

  /**
   * Builds the glossary: the trainers' glossary file first ("TERM: Expansion" a line), then terms
   * the documents define, then acronyms from the synonyms file that the documents use in capitals.
   */
  static Glossary build(List<Passage> passages, String synonyms, String glossaryFile) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    java.util.Set<String> capitalsInText = new java.util.HashSet<>();
    for (String line : glossaryFile.lines().toList()) {
      String l = line.strip();
      int colon = l.indexOf(':');
      if (l.isEmpty() || l.startsWith("#") || colon < 1 || colon == l.length() - 1) {
        continue;
      }
      String term = l.substring(0, colon).strip();
      String expansion = l.substring(colon + 1).strip();
      Passage source = null;
      String sentence = null;
      entries.put(key(term), new Entry(term, expansion, source, sentence));
    }
    for (Passage p : passages) {
      Matcher caps = Pattern.compile("\\b[A-Z][A-Z0-9]{1,6}\\b").matcher(p.text());
      while (caps.find()) {
        capitalsInText.add(key(caps.group()));
      }
      List<Sentences.Unit> units = new ArrayList<>(Sentences.units(p.text()));
      p.subPath().forEach(h -> units.add(new Sentences.Unit(h, false))); // "… (SUDI) Review" may be a heading
      for (Sentences.Unit unit : units) {
        Matcher m = DEFINED.matcher(unit.text());
        while (m.find()) {
          String acronym = m.group(2);
          String expansion = expansion(m.group(1), acronym);
          Entry known = entries.get(key(acronym));
          if (known != null && known.passage() == null) {
            // The trainers' line is cited from the document only where the document says the same: "CSE:
            // Something else entirely" is never credited to a passage that spells out another expansion.
            if (expansion == null || sameWords(expansion, known.expansion())) {
              entries.put(key(acronym), new Entry(known.term(), known.expansion(), p, unit.text()));
            }
          } else if (expansion != null) {
            entries.putIfAbsent(key(acronym), new Entry(acronym, expansion, p, unit.text()));
          }
        }
      }
    }
    for (String line : synonyms.lines().toList()) {
      String rule = line.strip();
      if (rule.isEmpty() || rule.startsWith("#") || rule.contains("=>")) {
        continue;
      }
      List<String> terms = List.of(rule.split("\\s*,\\s*"));
      for (String t : terms) {
        String spelled =
            terms.stream().filter(x -> x.contains(" ") && x.length() > t.length() + 3).findFirst().orElse(null);
        if (spelled != null && t.matches("[a-z][a-z0-9]{1,6}") && capitalsInText.contains(key(t))
            && !entries.containsKey(key(t))) {
          entries.put(key(t), new Entry(t.toUpperCase(Locale.ROOT), capitalise(spelled), null, null));
        }
      }
    }
    return new Glossary(entries);
  }

  /**
   * The same words, whatever their case, punctuation and plural ("Child Protection Plans" and "Child
   * Protection Plan", "Child Sexual Exploitation" and "child sexual-exploitation").
   */
  private static boolean sameWords(String a, String b) {
    return words(a).equals(words(b));
  }

  private static List<String> words(String text) {
    return java.util.Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(w -> !w.isEmpty()).map(w -> w.length() > 3 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w)
        .toList();
  }

  /** The words before "(ACR)" that the acronym abbreviates: as many capitalised words as letters. */
  private static String expansion(String before, String acronym) {
    String[] words = before.strip().split("\\s+");
    int letters = acronym.replaceAll("[^A-Z]", "").length();
    int capitals = 0;
    int start = words.length;
    while (start > 0 && capitals < letters) {
      start--;
      if (Character.isUpperCase(words[start].charAt(0))) {
        capitals++;
      }
    }
    if (capitals < Math.max(2, letters - 1)) {
      return null;
    }
    String expansion = String.join(" ", java.util.Arrays.copyOfRange(words, start, words.length));
    return Character.toUpperCase(expansion.charAt(0)) == acronym.charAt(0) ? expansion : null;
  }

  /** The term a "what does X mean" question asks about, if the question is one. */
  static Optional<String> askedTerm(String question) {
    String q = question.strip().replaceAll("\\s+", " ");
    Matcher m = TERM_MEANING.matcher(q);
    if (m.matches()) {
      return Optional.of(m.group(1));
    }
    m = QUESTION.matcher(q);
    if (m.matches() && m.group(1).split(" ").length <= 5) {
      return Optional.of(m.group(1).strip());
    }
    return Optional.empty();
  }

  Optional<Entry> lookup(String term) {
    String k = key(term);
    Entry e = entries.get(k);
    if (e == null && k.endsWith("s")) {
      e = entries.get(k.substring(0, k.length() - 1)); // "LCSPRs", "IROs"
    }
    return Optional.ofNullable(e);
  }

  int size() {
    return entries.size();
  }

  List<Entry> entries() {
    return new ArrayList<>(entries.values());
  }

  private static String key(String term) {
    return term.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static String capitalise(String s) {
    StringBuilder out = new StringBuilder();
    for (String w : s.split(" ")) {
      boolean minor = List.of("of", "and", "for", "the", "in", "to", "on", "a").contains(w);
      out.append(out.length() == 0 ? "" : " ")
          .append(minor || w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
    }
    return out.toString();
  }
}
