package uk.safeguarding.guidance.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import uk.safeguarding.guidance.index.Fields;
import uk.safeguarding.guidance.index.Library;
import uk.safeguarding.guidance.index.LibraryHolder;

/**
 * What the current library's words say about a text: its slips of the keyboard put right, its words'
 * analysed terms and weights, the words to mark in an excerpt. Each call leases the library it reads.
 * Thread-safe.
 */
final class LibraryWords {

  /** What separates a question's words for {@link #queryTerms}: anything but letters, digits, apostrophes, dots and hyphens. */
  private static final Pattern WORD_BREAKS = Pattern.compile("[^\\p{L}\\p{N}'’.-]+");
  /** Dots, apostrophes and hyphens at either end of a word, which are not part of it. */
  private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[.'’-]+|[.'’-]+$");

  private final LibraryHolder holder;
  /** The spelling of the library last asked about, rebuilt when the library changes. */
  private final AtomicReference<Spelling> spelling = new AtomicReference<>();

  LibraryWords(LibraryHolder holder) {
    this.holder = holder;
  }

  /**
   * {@code text} with slips of the keyboard put right against the current library's words (see
   * {@link Spelling}); the answer step searches this, the search API the words as given.
   */
  String correctSpelling(String text) {
    return spelling().correct(text);
  }

  /**
   * Whether the current library itself uses {@code word}, or a lower-case slip of one of its words:
   * a word the answer step may search as typed where masking took it for a name ({@link Spelling#knows}).
   */
  boolean libraryUses(String word) {
    return spelling().knows(word);
  }

  private Spelling spelling() {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      Library library = lease.library();
      Spelling current = spelling.get();
      if (current == null || !current.hash().equals(library.hash())) {
        current = Spelling.of(library);
        spelling.set(current);
      }
      return current;
    }
  }

  /** The question's content words with their analysed terms and IDF weights in the current library. */
  QueryTerms queryTerms(String question) {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      Library library = lease.library();
      IndexReader reader = library.searcher().getIndexReader();
      int n = Math.max(1, reader.numDocs());
      double unknownWeight = Math.log(1 + (n + 0.5) / 0.5);
      List<QueryTerms.Word> words = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (String word : WORD_BREAKS.split(question)) {
        String w = EDGE_PUNCTUATION.matcher(word).replaceAll("");
        if (w.isEmpty() || !seen.add(w.toLowerCase(Locale.ROOT))) {
          continue;
        }
        Set<String> terms = analyse(library.analysis().query(), w);
        if (terms.isEmpty()) {
          continue; // a stop word
        }
        double weight = 0;
        boolean known = false;
        for (String t : terms) {
          int df = reader.docFreq(new Term(Fields.BODY, t));
          if (df > 0) {
            known = true;
            weight = Math.max(weight, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
          }
        }
        words.add(new QueryTerms.Word(w, terms, known ? weight : unknownWeight, known));
      }
      return new QueryTerms(words);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot weigh the words of '" + question + "'", e);
    }
  }

  /** The whole text, HTML-escaped, with words whose analysed form is in {@code terms} marked. */
  String highlight(String text, Set<String> terms) {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      return Snippets.snippet(text, Snippets.matches(text, terms, lease.library().analysis().index()),
          Integer.MAX_VALUE);
    }
  }

  /** The analysed terms of a text as the index sees them (stemmed, no synonyms). */
  Set<String> termsOf(String text) {
    try (LibraryHolder.Lease lease = holder.acquire()) {
      return analyse(lease.library().analysis().index(), text);
    }
  }

  private static Set<String> analyse(Analyzer analyzer, String text) {
    Set<String> out = new HashSet<>();
    try (TokenStream ts = analyzer.tokenStream(Fields.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot analyse '" + text + "'", e);
    }
    return out;
  }
}
