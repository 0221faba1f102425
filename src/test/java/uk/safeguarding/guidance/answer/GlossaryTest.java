package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.safeguarding.guidance.corpus.Passage;

class GlossaryTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "What does LADO mean?|LADO", "what is an LCSPR|LCSPR", "what's SUDI|SUDI", "define NAI|NAI",
      "what does CSE stand for|CSE", "EDT meaning|EDT", "What is professional curiosity?|professional curiosity"})
  void definition_questions_name_their_term(String question, String term) {
    assertEquals(Optional.of(term), Glossary.askedTerm(question));
  }

  @Test
  void other_questions_are_not_definition_questions() {
    assertEquals(Optional.empty(), Glossary.askedTerm("what should I do when a family relocates to the area"));
    assertEquals(Optional.empty(), Glossary.askedTerm("baby seen with a bruise"));
  }

  @Test
  void terms_come_from_document_definitions_the_glossary_file_and_synonyms() {
    Passage p = new Passage("doc", "sudi", List.of("Doc", "Out of Routine"),
        "The Sudden Unexpected Death in Infancy (SUDI) Review looked at families. The MSET hub met monthly.", 0);
    Glossary g =
        Glossary.build(List.of(p), "mset, missing sexually exploited and trafficked\ndad, father, male carer\n",
            "# comment\nCSE: Child Sexual Exploitation\n");
    Glossary.Entry sudi = g.lookup("sudi").orElseThrow();
    assertEquals("Sudden Unexpected Death in Infancy", sudi.expansion());
    assertEquals(p, sudi.passage());
    assertEquals("The Sudden Unexpected Death in Infancy (SUDI) Review looked at families.", sudi.sentence());
    assertEquals("Child Sexual Exploitation", g.lookup("CSE").orElseThrow().expansion());
    assertNull(g.lookup("CSE").orElseThrow().passage());
    assertEquals("Missing Sexually Exploited and Trafficked", g.lookup("MSETs").orElseThrow().expansion());
    assertTrue(g.lookup("dad").isEmpty(), "ordinary words in the synonyms file are not glossary terms");
    assertTrue(g.lookup("LADO").isEmpty());
  }

  @Test
  void a_trainers_line_is_cited_from_a_document_only_where_the_document_says_the_same() {
    Passage p = new Passage("doc", "cse", List.of("Doc", "Exploitation"),
        "Child Sexual Exploitation (CSE) was a factor in ten cases.", 0);
    Glossary.Entry same =
        Glossary.build(List.of(p), "", "CSE: child sexual-exploitation\n").lookup("CSE").orElseThrow();
    assertEquals(p, same.passage());
    Glossary.Entry other = Glossary.build(List.of(p), "", "CSE: Something else entirely\n").lookup("CSE").orElseThrow();
    assertEquals("Something else entirely", other.expansion());
    assertNull(other.passage(), "never credited to a passage that spells out another expansion");
  }
}
