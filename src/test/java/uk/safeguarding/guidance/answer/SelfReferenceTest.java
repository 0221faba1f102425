package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelfReferenceTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "what does the guidance say about neglect|neglect",
      "neglect guidance|neglect",
      "dads guidance?|dads",
      "What does the library say about fathers|fathers",
      "what is in the library about care leavers|care leavers",
      "anything in the library on fathers?|fathers?",
      "is there anything in the reviews about honour based violence|honour based violence",
      "what do the reviews say about professional curiosity|professional curiosity",
      "guidance on fathers and male carers|fathers and male carers",
      "does the guidance cover grandparents' rights|grandparents' rights",
      "whats the guidance on sexting|sexting",
      "can you tell me what the documents say about escalation|escalation",
      "who does the alfie review go to, what does the guidance say|who does the alfie review go to"})
  void the_words_naming_the_library_leave_the_topic(String asked, String topic) {
    assertEquals(topic, SelfReference.topicOf(asked));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "what does the Telford briefing say about escalation", // a named document is part of the topic
      "guidance", // nothing would be left
      "what does the guidance say about", "what now?", "mums new fella moved in",
      "Under this guidance, what must the partners consider?"})
  void a_question_naming_no_library_or_nothing_else_is_kept_as_asked(String asked) {
    assertEquals(asked, SelfReference.topicOf(asked));
  }
}
