package uk.safeguarding.guidance.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalDataTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a boy called Jayden Smith has bruises|a boy called [name] has bruises",
      "girl named Amy, DOB 03/04/2019, lives at TF1 2AB|girl named [name], DOB [date of birth], lives at [postcode]",
      "NHS number 943 476 5919 and mum on 07700 900123|NHS number [number] and mum on [phone]",
      "email worker.name@council.gov.uk about it|email [email] about it",
      "born on 12 March 2020 in Telford|born on [date of birth] in Telford",
      "seen on 1st June 2021|seen on [date]",
      "what to do when a family relocates|what to do when a family relocates",
      "s47 and section 47 enquiries in 2017|s47 and section 47 enquiries in 2017",
      "DOB 2019-03-04, seen March 4, 2021|DOB [date of birth], seen [date]",
      "mobile +44 7700 900123 or postcode b33 8th|mobile [phone] or postcode [postcode]",
      "a child named Amy-Leigh O'Brien|a child named [name]"})
  void identifiers_are_masked_and_ordinary_words_kept(String input, String expected) {
    assertEquals(expected, PersonalData.mask(input));
  }
}
