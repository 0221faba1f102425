package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.corpus.Passage;

class SuggestionsTest {

  private static Passage in(String... path) {
    return new Passage("doc", "a", List.of(path), "text", 0);
  }

  @Test
  void a_topical_heading_becomes_a_question_without_its_numbering() {
    assertEquals("What does the library say about professional curiosity?",
        Suggestions.question(in("Review", "Theme 6: Professional curiosity", "What you should do")));
    assertEquals("What does the library say about the voice of the child?",
        Suggestions.question(in("Review", "4.2 The voice of the child")));
    assertEquals("What does the library say about SUDI?", Suggestions.question(in("Review", "SUDI")));
    assertEquals("What does the library say about Non-Accidental Injury in Under 1s?",
        Suggestions.question(in("Review", "Non-Accidental Injury in Under 1s")));
    assertEquals("What does the library say about Child S - Serious Injury June 2016?",
        Suggestions.question(in("Review", "Child S - Serious Injury June 2016")));
  }

  @Test
  void a_numbered_part_of_a_numbered_topic_offers_the_topic() {
    assertEquals("What does the library say about chronologies – CSC Audit March 2017?",
        Suggestions
            .question(in("Report", "7. Audits", "7.9 Chronologies – CSC Audit March 2017", "7.9.6 Outcome/action")));
    assertEquals("What does the library say about chronologies – CSC Audit March 2017?",
        Suggestions.question(in("Report", "7. Audits", "7.9 Chronologies – CSC Audit March 2017")));
    assertEquals("What does the library say about outcome/action?",
        Suggestions.question(in("Report", "Chronologies audit", "7.9.6 Outcome/action")));
  }

  @Test
  void generic_or_overlong_headings_are_not_offered() {
    assertEquals("", Suggestions.question(in("Recommendations")));
    assertEquals("", Suggestions.question(in("Review", "x".repeat(Suggestions.MAX_TOPIC_CHARS + 1))));
  }
}
