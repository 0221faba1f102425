package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

  private static List<String> texts(String passage) {
    return Sentences.units(passage).stream().map(Sentences.Unit::text).toList();
  }

  @Test
  void a_reports_paragraph_numbers_are_not_quoted_as_part_of_a_point() {
    assertEquals(List.of("The purpose of this report is to share learning.", "It covers 2016 to 2017."),
        texts("1.1 The purpose of this report is to share learning. It covers 2016 to 2017."));
    assertEquals(List.of("Practitioners should record who lives in the household."),
        texts("7.11.1 Practitioners should record who lives in the household."));
  }

  @Test
  void numbers_that_are_part_of_the_sentence_stay() {
    assertEquals(List.of("2.5 million children live in poverty."), texts("2.5 million children live in poverty."));
    assertEquals(List.of("79 LCSPRs were commissioned."), texts("79 LCSPRs were commissioned."));
  }

  @Test
  void list_items_and_labels_are_cut_from_their_marks() {
    assertEquals(List.of("Use the escalation policy.", "Share information early."),
        texts("What you should do: Use the escalation policy.\n- Share information early."));
  }

  @Test
  void a_quotable_lead_in_says_what_it_introduces_however_short_and_short_items_are_not_points_alone() {
    String passage = "7.7.1 Audits were set up from September 2016. The group is joined by partners from the following "
        + "areas:\n\n- Police\n- NUTH\n- Designated Nurse Safeguarding Children, CCG\n\n"
        + "7.7.2 The group review a sample of contacts that did not progress to referral.";
    List<Sentences.Unit> quotable = Sentences.quotable(passage);
    assertEquals(List.of("Audits were set up from September 2016.",
        "The group is joined by partners from the following areas:", "Designated Nurse Safeguarding Children, CCG",
        "The group review a sample of contacts that did not progress to referral."),
        quotable.stream().map(Sentences.Unit::text).toList());
    assertEquals(List.of("Police", "NUTH", "Designated Nurse Safeguarding Children, CCG"),
        quotable.get(1).introduces());
    assertEquals(List.of(), quotable.get(0).introduces(), "only a lead-in introduces");
    assertEquals(List.of("A sentence the lead-in introduces, quoted with it."),
        Sentences
            .quotable("Professor Jan Horwath, in her book, says:\nA sentence the lead-in introduces, quoted with it.")
            .get(0)
            .introduces());
  }
}
