package uk.safeguarding.guidance.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a sentence ends: the one rule passages and answers both cut at. */
class SentenceSplitterTest {

  @Test
  void a_stop_question_or_exclamation_before_a_capital_or_digit_ends_a_sentence() {
    assertEquals(List.of("Ask who lives at home.", "Record it!", "Was the GP told?", "999 if in danger now."),
        SentenceSplitter.split("Ask who lives at home. Record it! Was the GP told?  999 if in danger now."));
  }

  @Test
  void closing_quotes_and_brackets_stay_with_their_sentence_and_opening_ones_start_the_next() {
    assertEquals(List.of("She said \"stop.\"", "(Then she left.)", "“Why?” he asked."),
        SentenceSplitter.split("She said \"stop.\" (Then she left.) “Why?” he asked."));
  }

  @Test
  void a_stop_before_a_lower_case_word_or_inside_a_number_does_not_end_a_sentence() {
    assertEquals(List.of("Agencies, e.g. the school, share 2.5 times more often in section 3.1 reviews."),
        SentenceSplitter.split("Agencies, e.g. the school, share 2.5 times more often in section 3.1 reviews."));
  }
}
