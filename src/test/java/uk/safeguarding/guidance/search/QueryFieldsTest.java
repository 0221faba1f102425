package uk.safeguarding.guidance.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.eval.Question;
import uk.safeguarding.guidance.index.Fields;

/** A question's query copied to another field is the query analysing it for that field builds. */
class QueryFieldsTest {

  @Test
  void every_bank_question_copied_to_another_field_is_what_that_field_would_build() throws Exception {
    List<String> texts = new ArrayList<>(List.of("was not brought", "did not attend", "NAI", "s.47 strategy", "*"));
    try (var files = Files.list(Path.of("src/test/resources/eval"))) {
      for (Path file : files.sorted().toList()) {
        Question.read(file).forEach(q -> texts.add(q.text()));
      }
    }
    int compared = 0;
    for (String text : texts) {
      for (boolean phrase : new boolean[] {false, true}) {
        Query body = QueryFactory.inField(Fields.BODY, text, SolrQueriesTest.SHIPPED, phrase);
        for (String field : QueryFactory.SEARCHED) {
          Query own = QueryFactory.inField(field, text, SolrQueriesTest.SHIPPED, phrase);
          assertEquals(own, body == null ? null : QueryFields.inField(body, field).orElseThrow(), field + ": " + text);
          compared += own == null ? 0 : 1;
        }
      }
    }
    assertTrue(compared > 1000, "only " + compared + " queries compared");
  }

  @Test
  void a_kind_of_query_it_does_not_know_is_left_to_the_caller() {
    Query fuzzy = new BooleanQuery.Builder().add(new FuzzyQuery(new Term(Fields.BODY, "nglect")), Occur.SHOULD).build();
    assertEquals(Optional.empty(), QueryFields.inField(fuzzy, Fields.TITLE));
  }
}
