package uk.safeguarding.guidance.index;

import java.io.IOException;
import java.io.StringReader;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * English analysis shared by indexing and querying. Index time: standard tokens, possessives
 * dropped, lowercased, accents folded, stop words removed, Porter-stemmed. Query time adds the
 * trainers' synonyms before stop words and stemming, so one rule covers every inflection and the
 * index never needs rebuilding for a synonym alone (it is rebuilt anyway, as the file is hashed).
 * Immutable and thread-safe; build once and share.
 */
public final class Analysis {

  private static final Logger LOG = LoggerFactory.getLogger(Analysis.class);

  /** Lucene's English stop words plus the question words practitioners type around a topic. */
  public static final CharArraySet STOP_WORDS;

  static {
    List<String> words = new ArrayList<>();
    EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.forEach(w -> words.add(new String((char[]) w)));
    words.addAll(List.of("what", "whats", "how", "do", "does", "did", "doing", "done", "i", "im", "we", "you",
        "me", "my", "our", "your", "us", "should", "can", "could", "would", "must", "when", "where", "which",
        "who", "whom", "why", "about", "has", "have", "had", "am", "been", "being", "so", "just", "tell",
        "know", "need", "want", "help", "please", "there", "here", "any", "some", "anything", "thing",
        "things", "someone", "something", "get", "got", "go", "happens", "happen", "ok", "okay", "mean", "means",
        "meaning", "stand", "stands", "from", "its", "it's", "i'm", "what's", "he", "she", "her", "his",
        "him", "them", "i've", "ive", "let", "lot", "also", "very", "really"));
    STOP_WORDS = CharArraySet.unmodifiableSet(new CharArraySet(words, true));
  }

  /** The stop words as strings (for the SolrCloud configset, which must drop the same words). */
  public static List<String> stopWords() {
    List<String> out = new ArrayList<>();
    STOP_WORDS.forEach(w -> out.add(new String((char[]) w)));
    return out;
  }

  private final Analyzer index;
  private final Analyzer query;
  private final Analyzer expansion;
  private final int synonymRules;
  private final String synonymsProblem;
  private final String synonymsSource;

  private Analysis(SynonymMap synonyms, int synonymRules, String synonymsProblem, String synonymsSource) {
    this.index = new GuidanceAnalyzer(null);
    this.query = new GuidanceAnalyzer(synonyms);
    this.expansion = new GuidanceAnalyzer(synonyms, Stage.SYNONYMS);
    this.synonymRules = synonymRules;
    this.synonymsProblem = synonymsProblem;
    this.synonymsSource = synonymsSource == null ? "" : synonymsSource;
  }

  /** The synonyms file as given (for the glossary and the trainers' editor). */
  public String synonymsSource() {
    return synonymsSource;
  }

  /**
   * Analysis with the given synonyms (Solr format). A file that does not parse leaves search
   * working without synonyms, and {@link #synonymsProblem()} says why.
   */
  public static Analysis withSynonyms(String solrSynonyms) {
    if (solrSynonyms == null || solrSynonyms.isBlank()) {
      return new Analysis(null, 0, "", solrSynonyms);
    }
    try (Analyzer parseAnalyzer = new GuidanceAnalyzer(null, Stage.LOWERCASE)) {
      SolrSynonymParser parser = new SolrSynonymParser(true, true, parseAnalyzer);
      parser.parse(new StringReader(solrSynonyms));
      int rules = (int) solrSynonyms.lines().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
      return new Analysis(parser.build(), rules, "", solrSynonyms);
    } catch (ParseException | IOException | IllegalArgumentException e) {
      String problem = "synonyms file not used: " + e.getMessage() + quoted(e.getMessage(), solrSynonyms);
      LOG.warn(problem);
      return new Analysis(null, 0, problem, solrSynonyms);
    }
  }

  /** The line Lucene's "… at line N" names, quoted (": 'a => '"), so a trainer sees which; else "". */
  private static String quoted(String message, String source) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("at line (\\d+)").matcher(String.valueOf(message));
    if (!m.find()) {
      return "";
    }
    List<String> lines = source.lines().toList();
    int n = Integer.parseInt(m.group(1));
    return n >= 1 && n <= lines.size() ? ": '" + lines.get(n - 1).strip() + "'" : "";
  }

  public Analyzer index() {
    return index;
  }

  public Analyzer query() {
    return query;
  }

  /**
   * The question's words and the trainers' synonyms for them, before stop words and stemming: a
   * graph whose every path (the question as typed among them) search analyses on its own, so a
   * multi-word synonym holding stop words ("was not brought") never breaks the query.
   */
  public Analyzer expansion() {
    return expansion;
  }

  public int synonymRules() {
    return synonymRules;
  }

  /** Empty when the synonyms file was used, else the reason it was not. */
  public String synonymsProblem() {
    return synonymsProblem;
  }

  /** Where the chain stops: after lowercasing (how synonym rules are read), after synonyms, or at the end. */
  enum Stage {
    LOWERCASE, SYNONYMS, FULL
  }

  /** The analysis chain; synonyms only at query time. */
  static final class GuidanceAnalyzer extends Analyzer {

    private final SynonymMap synonyms;
    private final Stage stage;

    GuidanceAnalyzer(SynonymMap synonyms) {
      this(synonyms, Stage.FULL);
    }

    GuidanceAnalyzer(SynonymMap synonyms, Stage stage) {
      this.synonyms = synonyms;
      this.stage = stage;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream stream = new EnglishPossessiveFilter(source);
      stream = new LowerCaseFilter(stream);
      stream = new ASCIIFoldingFilter(stream);
      if (stage == Stage.LOWERCASE) {
        return new TokenStreamComponents(source, stream);
      }
      if (synonyms != null) {
        stream = new SynonymGraphFilter(stream, synonyms, true);
      }
      if (stage == Stage.SYNONYMS) {
        return new TokenStreamComponents(source, stream);
      }
      stream = new StopFilter(stream, STOP_WORDS);
      stream = new PorterStemFilter(stream);
      return new TokenStreamComponents(source, stream);
    }
  }
}
