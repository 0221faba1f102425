package uk.safeguarding.guidance.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InitialismsTest {

  private static final Initialisms LIBRARY = Initialisms.of(List.of(
      "The Dispute Resolution Process had not been used.", "A Dispute Resolution Process was requested once.",
      "Consider Police Powers of Protection when the family is away.",
      "Work under the Mental Capacity Act and Court of Protection.", "Parents under Pressure is offered.",
      "Signs of Safety is used by the Initial Response Service."));

  @Test
  void an_acronym_reads_as_the_name_in_the_library_whose_initials_it_spells() {
    assertEquals(Optional.of("Dispute Resolution Process"), LIBRARY.name("DRP"));
    assertEquals(Optional.of("Mental Capacity Act"), LIBRARY.name("MCA"));
    assertEquals(Optional.of("Parents under Pressure"), LIBRARY.name("PuP"), "typed in mixed case");
    assertEquals(Optional.of("Police Powers of Protection"), LIBRARY.name("PPP"), "skipping 'of'");
    assertEquals(Optional.of("Police Powers of Protection"), LIBRARY.name("PPOP"), "or keeping it");
    assertEquals(Optional.of("Signs of Safety"), LIBRARY.name("SoS"));
  }

  @Test
  void words_that_are_not_acronyms_and_acronyms_the_library_never_writes_out_are_left_alone() {
    assertEquals(Optional.empty(), LIBRARY.name("PLO"), "no Public Law Outline in this library");
    assertEquals(Optional.empty(), LIBRARY.name("drp"), "lower case is a word, not an acronym");
    assertEquals(Optional.empty(), LIBRARY.name("Drp"), "one capital is a name or a sentence's first word");
    assertEquals(Optional.empty(), LIBRARY.name("CP"), "two letters are too ambiguous");
  }
}
