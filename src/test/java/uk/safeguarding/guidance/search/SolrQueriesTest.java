package uk.safeguarding.guidance.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.eval.Question;
import uk.safeguarding.guidance.index.Analysis;

/** The query the embedded index runs, written clause for clause for Solr. */
class SolrQueriesTest {

  static final Analysis SHIPPED = shipped();

  static Analysis shipped() {
    try {
      return Analysis.withSynonyms(Files.readString(Path.of("corpus/synonyms.txt")));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void a_phrase_keeps_the_gap_a_stop_word_left_and_terms_go_unanalysed() {
    PhraseQuery gap =
        new PhraseQuery.Builder().add(new Term("body", "did"), 0).add(new Term("body", "attend"), 2).build();
    assertEquals("{\"lucene\":{\"query\":\"body:\\\"did _gap_ attend\\\"\"}}", SolrQueries.toJson(gap).toString());
    assertEquals("{\"term\":{\"query\":\"neglect\",\"f\":\"body\"}}",
        SolrQueries.toJson(new org.apache.lucene.search.TermQuery(new Term("body", "neglect"))).toString());
  }

  @Test
  void a_question_becomes_boosted_fields_a_constant_lift_for_what_to_do_and_filters() {
    Query q = QueryFactory.build("bruising baby", SHIPPED,
        new Filters(Set.of("procedure"), Set.of(), Set.of(), Set.of("2024")));
    String json = SolrQueries.toJson(q).toString();
    assertTrue(json.startsWith("{\"bool\":{\"must\":[{\"bool\":{\"should\":[{\"boost\":{\"query\":"), json);
    assertTrue(json.contains("\"b\":\"1.6\""), "section weight: " + json);
    assertTrue(json.contains("\"b\":\"1.2\""), "title weight: " + json);
    assertTrue(json.contains("{\"boost\":{\"query\":{\"lucene\":{\"query\":\"kind:action^=1\"}},\"b\":\"0.6\"}}"),
        json);
    assertTrue(
        json.contains("\"filter\":[{\"bool\":{\"should\":[{\"term\":{\"query\":\"procedure\",\"f\":\"type\"}}]}},"
            + "{\"bool\":{\"should\":[{\"term\":{\"query\":\"2024\",\"f\":\"year\"}}]}}]"),
        json);
  }

  @Test
  void every_bank_question_and_a_quoted_phrase_with_synonyms_can_be_written_for_solr() throws Exception {
    int written = 0;
    for (String file : new String[] {"practitioner.jsonl", "bank-inscope-train.jsonl", "bank-oos-train.jsonl"}) {
      for (Question question : Question.read(Path.of("src/test/resources/eval", file))) {
        Query q = QueryFactory.build(question.text(), SHIPPED, Filters.NONE);
        if (q != null) {
          SolrQueries.toJson(q);
          written++;
        }
      }
    }
    assertTrue(written > 400, "questions written: " + written);
    String quoted = SolrQueries.toJson(QueryFactory.build("\"was not brought\" dna", SHIPPED, Filters.NONE)).toString();
    assertTrue(quoted.contains("body:\\\"brought\\\"") || quoted.contains("\"query\":\"brought\""), quoted);
  }

  @Test
  void a_query_shape_the_factory_never_builds_is_refused_by_name() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SolrQueries.toJson(new FuzzyQuery(new Term("body", "negect"))));
    assertTrue(e.getMessage().startsWith("Cannot write FuzzyQuery for Solr: "), e.getMessage());
  }
}
