package uk.safeguarding.guidance.answer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.index.Library;
import uk.safeguarding.guidance.index.LibraryHolder;

/**
 * The case a question names, and whether a passage is about it. Reviews are named after the child, by
 * a letter ("SCR Child J") or a first name ("Baby Alfie"); a question that names one is answered only
 * from passages about that case, never from another case's facts beside it (an outsider's probe found
 * "what did the child X review find?" answered with Child J's findings, "child T" and "child Q" with
 * Child S's, and "the child S baby who was shaken?" with Child K's).
 *
 * <p>A question names a case by "child" or "baby" and one letter ("child x", "Child T"; not a letter
 * that is a word of its own, {@link #WORDS}: "is the child a risk", "the child u work with"), or by a name
 * the library gives a case: "Child" or "Baby" and a capitalised word the library never writes in lower
 * case ("Baby Alfie"; "Child Protection" is no case, the library writes "protection"). A passage is
 * about a case when it or its heading names it, or when it names no case and the last one named before
 * it in the same part of the document is that one ({@link #isAbout}). A
 * follow-up that leaned on the turn before it carries that turn's case, unless it names its own.
 * Thread-safe.
 */
final class NamedCases {

  private static final Pattern LETTER = Pattern.compile("\\b(?i:child|baby)\\s+([A-Za-z])(?![\\p{L}\\p{N}])");
  private static final Pattern CAPITALISED = Pattern.compile("\\b(?:Child|Baby)\\s+([A-Z][a-z]+)\\b");
  /**
   * Letters typed after "child" or "baby" that are words of their own, not a case: in lower case the
   * article, the pronoun and text-speak ("the child u work with", "child r at risk", "mum n baby n dad",
   * "baby b ok"); "I" in either case ("the child I visit").
   */
  private static final Set<String> WORDS = Set.of("a", "i", "I", "u", "r", "n", "b", "c", "y", "o");

  /** A heading path of this many entries (the document's title, then a chapter) is a top-level section. */
  private static final int TOP_LEVEL_DEPTH = 2;

  /** The case names of the library last asked about, by its hash. */
  private final AtomicReference<Known> known = new AtomicReference<>();
  private final LibraryHolder holder;

  NamedCases(LibraryHolder holder) {
    this.holder = holder;
  }

  /** The points about the case the question (or the turn it leaned on) names, if it names one. */
  List<List<PointPicker.Candidate>> keep(String asked, AnswerSearch.Found found,
      List<List<PointPicker.Candidate>> picked) {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      Set<String> cases = named(lease.library(), asked, found.context());
      return cases.isEmpty() ? picked : about(cases, picked, found.scored(), lease.library());
    }
  }

  /**
   * The library's case names, and one pattern finding any of them after "child"/"baby" (null when it
   * gives none), made once per library rather than once per name for every text read.
   */
  private record Known(String hash, Pattern names) {}

  /** The cases {@code question} names (lower case: "j", "alfie"); else those of {@code context}, if any. */
  Set<String> named(Library library, String question, String context) {
    Pattern names = libraryNames(library);
    Set<String> own = in(question, names, true);
    return own.isEmpty() && context != null ? in(context, names, true) : own;
  }

  /**
   * The points about one of the {@code cases}: each group keeps its sentences from passages about one;
   * when none is, the first sentences of the best passage about one, if the search found any.
   */
  List<List<PointPicker.Candidate>> about(Set<String> cases, List<List<PointPicker.Candidate>> picked,
      List<Scored> scored, Library library) {
    Pattern names = libraryNames(library);
    Map<String, Boolean> memo = new HashMap<>();
    List<List<PointPicker.Candidate>> kept = new ArrayList<>();
    for (List<PointPicker.Candidate> group : picked) {
      List<PointPicker.Candidate> g = group.stream().filter(c -> memo.computeIfAbsent(c.passage().id(),
          id -> isAbout(cases, c.passage(), library, names))).toList();
      if (!g.isEmpty()) {
        kept.add(g);
      }
    }
    if (!kept.isEmpty()) {
      return kept;
    }
    List<Scored> aboutIt = scored.stream().filter(s -> memo.computeIfAbsent(s.hit().passage().id(),
        id -> isAbout(cases, s.hit().passage(), library, names))).toList();
    return PointPicker.leading(aboutIt);
  }

  /**
   * Whether the passage is about one of the {@code cases}: it or its heading names one; or it names no
   * case and the last case named before it in the same part of the document ({@link #part}) is one
   * ("3.3 The review identified 12 Findings" follows "3.2 SCR Child J was published…").
   */
  boolean isAbout(Set<String> cases, Passage passage, Library library) {
    return isAbout(cases, passage, library, libraryNames(library));
  }

  private static boolean isAbout(Set<String> cases, Passage passage, Library library, Pattern names) {
    Set<String> own = in(passage.text() + "\n" + passage.section(), names, false);
    if (!own.isEmpty()) {
      return !java.util.Collections.disjoint(own, cases);
    }
    List<String> part = part(passage);
    Set<String> last = Set.of();
    for (Passage before : library.passages(passage.docId())) {
      if (before.ordinal() >= passage.ordinal()) {
        break;
      }
      boolean inPart = before.headingPath().size() >= part.size()
          && before.headingPath().subList(0, part.size()).equals(part);
      Set<String> n = inPart ? in(before.text() + "\n" + before.section(), names, false) : Set.of();
      last = n.isEmpty() ? last : n;
    }
    return !java.util.Collections.disjoint(last, cases);
  }

  /**
   * The part of the document a passage continues: its parent section ("5. Learning Reviews" for "5.3
   * Learning from the case", which follows "5.2 Child S - Serious Injury"), or its own section when that
   * is a top-level one (the document's title is no part: a case named in one chapter is not the next's).
   */
  private static List<String> part(Passage passage) {
    List<String> path = passage.headingPath();
    return path.size() >= TOP_LEVEL_DEPTH + 1 ? path.subList(0, path.size() - 1) : path;
  }

  /**
   * The cases {@code text} names: "child"/"baby" and one letter (in a question typed any case, but not
   * one of {@link #WORDS}; in the library's text a capital), or one of the library's case names.
   */
  private static Set<String> in(String text, Pattern libraryNames, boolean typed) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = LETTER.matcher(text);
    while (m.find()) {
      String letter = m.group(1);
      if (typed ? !WORDS.contains(letter) : Character.isUpperCase(letter.charAt(0))) {
        out.add(letter.toLowerCase(Locale.ROOT));
      }
    }
    Matcher named = libraryNames == null ? null : libraryNames.matcher(text);
    while (named != null && named.find()) {
      out.add(named.group(1).toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** Names the library gives cases: capitalised after "Child"/"Baby", never written in lower case. */
  private Pattern libraryNames(Library library) {
    Known k = known.get();
    if (k != null && k.hash().equals(library.hash())) {
      return k.names();
    }
    // Two passes over the passages, one at a time (a library of 100,000 abstracts is never held as one text):
    // the words written capitalised after "Child"/"Baby", then those of them also written in lower case.
    Set<String> capitalised = new LinkedHashSet<>();
    for (Passage p : library.allPassages()) {
      Matcher m = CAPITALISED.matcher(p.text() + "\n" + p.section());
      while (m.find()) {
        capitalised.add(m.group(1).toLowerCase(Locale.ROOT));
      }
    }
    Set<String> names = new LinkedHashSet<>(capitalised);
    if (!names.isEmpty()) {
      Pattern lowerCase = Pattern.compile("\\b(" + String.join("|", names.stream().map(Pattern::quote).toList())
          + ")\\b");
      for (Passage p : library.allPassages()) {
        Matcher m = lowerCase.matcher(p.text() + "\n" + p.section());
        while (m.find() && !names.isEmpty()) {
          names.remove(m.group(1));
        }
      }
    }
    Pattern any = names.isEmpty() ? null
        : Pattern.compile("\\b(?:child|baby)\\s+(" + String.join("|", names.stream().map(Pattern::quote).toList())
            + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    known.set(new Known(library.hash(), any));
    return any;
  }
}
