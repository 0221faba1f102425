package uk.safeguarding.guidance.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import uk.safeguarding.guidance.index.Analysis;
import uk.safeguarding.guidance.index.Fields;

/**
 * Builds a Lucene query from a practitioner's words without any query syntax: text in closed
 * double quotes must match as a phrase, everything else is analysed into terms (with synonyms).
 * Characters such as {@code AND ( * ~ \} are just text here, so no query can fail to parse.
 */
final class QueryFactory {

  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

  /** The text fields a question is searched in, in the order their clauses are added. */
  static final List<String> SEARCHED = List.of(Fields.BODY, Fields.SECTION, Fields.TITLE);
  /**
   * Field weights: a word in the heading path or the document title says more than one in the
   * body. The title is one per document, so on the practitioner questions its weight hardly moves
   * the ranking (0.15 to 2.0 change MRR@10 by under 0.03; BENCHMARKS.md).
   */
  static final Map<String, Float> FIELD_BOOSTS = Map.of(Fields.BODY, 1.0f, Fields.SECTION, 1.6f, Fields.TITLE, 1.2f);
  /** A small lift for passages that say what to do, over background of the same relevance. */
  static final float ACTION_BOOST = 0.6f;

  private QueryFactory() {}

  /** The query, or null when the words analyse to nothing (only stop words or punctuation). */
  static Query build(String text, Analysis analysis, Filters filters) {
    String normalised = text.replace('“', '"').replace('”', '"').replace('„', '"');
    List<String> phrases = new ArrayList<>();
    Matcher m = QUOTED.matcher(normalised);
    StringBuilder free = new StringBuilder();
    while (m.find()) {
      phrases.add(m.group(1));
      m.appendReplacement(free, " ");
    }
    m.appendTail(free);
    String freeText = free.toString().replace('"', ' ');

    BooleanQuery.Builder main = new BooleanQuery.Builder();
    boolean any = false;
    for (String phrase : phrases) {
      Query q = acrossFields(analysis, phrase, true);
      if (q != null) {
        main.add(q, Occur.MUST);
        any = true;
      }
    }
    Query words = acrossFields(analysis, freeText, false);
    if (words != null) {
      main.add(words, any ? Occur.SHOULD : Occur.MUST);
      any = true;
    }
    if (!any) {
      return null;
    }
    main.add(
        new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(Fields.KIND, Fields.KIND_ACTION))), ACTION_BOOST),
        Occur.SHOULD);
    addFilters(main, filters);
    return main.build();
  }

  /** Just the filters, for restricting dense retrieval; null when there are none. */
  static Query filterOnly(Filters filters) {
    if (filters.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    addFilters(b, filters);
    return b.build();
  }

  /** One FILTER clause per restricted dimension: the lexical query and the dense one share these. */
  private static void addFilters(BooleanQuery.Builder builder, Filters filters) {
    addFilter(builder, Fields.TYPE, filters.types());
    addFilter(builder, Fields.ORGANISATION, filters.organisations());
    addFilter(builder, Fields.THEME, filters.themes());
    addFilter(builder, Fields.YEAR, filters.years());
  }

  private static Query acrossFields(Analysis analysis, String text, boolean phrase) {
    if (text.isBlank()) {
      return null;
    }
    // The fields share one analysis chain: the question is analysed once, its query copied to the others.
    Query body = inField(Fields.BODY, text, analysis, phrase);
    if (body == null) {
      return null;
    }
    BooleanQuery.Builder fields = new BooleanQuery.Builder();
    for (String field : SEARCHED) {
      Query q = field.equals(Fields.BODY) ? body
          : QueryFields.inField(body, field).orElseGet(() -> inField(field, text, analysis, phrase));
      fields.add(new BoostQuery(q, FIELD_BOOSTS.get(field)), Occur.SHOULD);
    }
    return fields.build();
  }

  /** The words in one field, as a phrase or as any of them; null when nothing is left to find. */
  static Query inField(String field, String text, Analysis analysis, boolean phrase) {
    return phrase ? SynonymQueries.phrase(field, text, analysis) : SynonymQueries.anyWords(field, text, analysis);
  }

  private static void addFilter(BooleanQuery.Builder main, String field, Set<String> values) {
    if (values.isEmpty()) {
      return;
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    values.stream().sorted().forEach(v -> any.add(new TermQuery(new Term(field, v)), Occur.SHOULD));
    main.add(any.build(), Occur.FILTER);
  }
}
