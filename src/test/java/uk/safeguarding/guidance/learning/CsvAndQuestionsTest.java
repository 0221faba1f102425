package uk.safeguarding.guidance.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The store's text handling, which needs no database: CSV cells and the grouping key. */
class CsvAndQuestionsTest {

  @Test
  void csv_cells_are_quoted_and_formulas_defused() {
    assertEquals("plain", Csv.cell("plain"));
    assertEquals("'=1+1", Csv.cell("=1+1"));
    for (String lookalike : List.of("\u00a0=1+1", "\u200b=HYPERLINK(1)", "\ufeff@SUM(1)", "\uff1d1+1", "\uff0b1",
        "\uff20A1", "\u22121+1", "  =1", "\t=1")) {
      assertEquals("'" + lookalike, Csv.cell(lookalike).replaceAll("^\"|\"$", ""), lookalike);
    }
    assertEquals("a = b", Csv.cell("a = b"));
    assertEquals("'+44 7700", Csv.cell("+44 7700"));
    assertEquals("'-2", Csv.cell("-2"));
    assertEquals("'@SUM(A1)", Csv.cell("@SUM(A1)"));
    assertEquals("\"a, b\"", Csv.cell("a, b"));
    assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
    assertEquals("\"'=A1,B1\"", Csv.cell("=A1,B1"));
    assertEquals("\"two\nlines\"", Csv.cell("two\nlines"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "What to do when a family relocates?|family relocate",
      "BABIES with bruises!!|baby bruise",
      "the class is in session|class session",
      "s47 enquiries|enquiry s47",
      "a boy called [name] has a bruise|boy bruise called"})
  void the_grouping_key_ignores_case_punctuation_stop_words_order_and_plurals(String question, String key) {
    assertEquals(key, Questions.key(question));
  }
}
