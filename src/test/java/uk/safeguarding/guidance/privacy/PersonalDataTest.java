package uk.safeguarding.guidance.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
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
      "a child named Amy-Leigh O'Brien|a child named [name]",
      "kayden said his dad hit him|[name] said his dad hit him",
      "brynn said his dad hit him|[name] said his dad hit him",
      "tj said his dad hit him|[name] said his dad hit him",
      "đức said his dad hit him|[name] said his dad hit him",
      "a boy called محمد says his dad hit him|a boy called [name] says his dad hit him",
      "محمد said his dad hit him|[name] said his dad hit him",
      "李明 says he is scared of 王伟|[name] says he is scared of [name]",
      "my pupil Олег Петров has bruises|my pupil [name] has bruises",
      "the child's name is peter and he is 4|the child's name is [name] and he is 4",
      "his name's grant, he is 9|his name's [name], he is 9",
      "call +44 (0)7700 900123 after 6|call [phone] after 6",
      "dad drives a silver car, reg AB12 CDE|dad drives a silver car, reg [reference]",
      "my client tasha has a new baby|my client [name] has a new baby",
      "ayesha (14) and her brother|[name] (14) and her brother",
      "jayden smith told me his dad hits him|[name] told me his dad hits him",
      "ppl kept saying it, sw team said no|ppl kept saying it, sw team said no",
      "her snapchat is @kayla_xo_2010.|her snapchat is [name].",
      "email me @ the office or at jo@council.gov.uk|email me @ the office or at [email]",
      "strategy meeting @3pm, ask @_jay|strategy meeting @3pm, ask [name]",
      "cos mum's fella said he would|cos mum's fella said he would",
      "mum's bloke kicked off, mum's jayden said|mum's bloke kicked off, mum's [name] said",
      "brother jordan said his bf hit him|brother [name] said his bf hit him",
      "worried about olivia jones, she is 6|worried about [name], she is 6",
      "is kayla brown's mum still using|is [name]'s mum still using",
      "spoke to lily's mum and grace's mother, ruby's stepdad moved in|spoke to [name]'s mum and [name]'s mother, "
          + "[name]'s stepdad moved in",
      "the baby's dad, her sister's boyfriend, when mummy's cross', mum came|the baby's dad, her "
          + "sister's boyfriend, when mummy's cross', mum came",
      "the rose's mum, her grace's dad, the other man's partner, unknown male's brother, sisters' boyfriend|the "
          + "rose's mum, her grace's dad, the other man's partner, unknown male's brother, sisters' boyfriend",
      "the school says mohammed khan is often late|the school says [name] is often late",
      "his nan miles away, fraser guidelines, refer to chanel|his nan miles away, fraser guidelines, refer to chanel",
      "newborn in a moses basket, victoria climbie inquiry|newborn in a moses basket, victoria climbie inquiry",
      "nhs 943 476-5919 car engine|nhs [number] car engine",
      "nhs 9 4 3 4 7 6 5 9 1 9 and ring 0 7 7 0 0 9 0 0 1 2 3|nhs [number] and ring [number]",
      "lives at 14 ACACIA AVENUE now|lives at [address] now",
      "email tasha@example .com or me@home. Then|email [email] or me@home. Then",
      "my client TASHA SMITH, dob 1/2/2015, not the MASH or CAMHS|my client [name], dob [date of birth], not the MASH or CAMHS",
      "ages 1 2 3 and 4, counts 10 20 30 40 50|ages 1 2 3 and 4, counts 10 20 30 40 50",
      "her snap is kayla_xo2010 and she talks to older lads|her snap is [name] and she talks to older lads",
      "he messages her on snap as xxboi99 most nights|he messages her on snap as [name] most nights",
      "on insta hes jay.brown_07, tiktok username: lilmissy|on insta hes [name], tiktok username: [name]",
      "snapchat name is kaylaxo|snapchat name is [name]",
      "Discord mod - 13yo in our server, s47 on whatsapp, snap score 12000, year 10 on fb|"
          + "Discord mod - 13yo in our server, s47 on whatsapp, snap score 12000, year 10 on fb",
      "she has a snapchat account and uses it for school|she has a snapchat account and uses it for school",
      "born on the third of march 2019, ICPC on the second of May|born on [date of birth], ICPC on [date]",
      "dob twenty-first June 2018 or March the twenty first|dob [date of birth] or [date]",
      "postcode TF1-5HG, not y10-2nd|postcode [postcode], not y10-2nd",
      "snap: kayleigh_x99, username: kay_x, discord user kayleigh#1234|snap: [name], username: [name], discord user [name]",
      "nhs 943 4765 919 or 9434 765 919, the handle of the case|nhs [number] or [number], the handle of the case",
      "first of all, the first of many may be in the second half of march|"
          + "first of all, the first of many may be in the second half of march"})
  void identifiers_are_masked_and_ordinary_words_kept(String input, String expected) {
    assertEquals(expected, PersonalData.mask(input));
  }

  /** A partner or someone in the home named in a practitioner's own words; a dictionary word after the cue is kept. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "mums new fella kyle moved in|mums new fella [name] moved in",
      "her bf jaxon hit her|her bf [name] hit her",
      "the lodger tomasz is 19|the lodger [name] is 19",
      "her fella dean|her fella dean",
      "her ex said he would kill her|her ex said he would kill her",
      "mums fella said|mums fella said"})
  void a_name_after_the_words_practitioners_use_for_a_partner_or_lodger_is_masked(String input, String expected) {
    assertEquals(expected, PersonalData.mask(input));
  }

  /**
   * Runs of capitalised words: a question typed in Title Case keeps its words (a capital is no sign of a
   * name, and "At School" names no school), while a school named for two saints is masked whole.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "she goes to St Peter and St Paul Catholic Primary School|she goes to [school]",
      "Holy Family & St Michael's School rang|[school] rang",
      "mum and dad primary concern is housing|mum and dad primary concern is housing",
      "Mum Sarah Jones Has A New Partner|Mum [name] Has A New Partner",
      "Worried About Bruising Seen At School|Worried About Bruising Seen At School",
      "Teacher Noticed Bruises At School Today|Teacher Noticed Bruises At School Today",
      "Kid Keeps Missing School|Kid Keeps Missing School",
      "She Goes To Oakwood Academy|She Goes To [school]",
      "he is at Reading School|he is at [school]",
      "Rose Mulligan said she was scared|[name] said she was scared"})
  void a_question_in_title_case_keeps_its_words_and_a_school_is_masked_whole(String input, String expected) {
    assertEquals(expected, PersonalData.mask(input));
  }

  @Test
  void the_words_before_a_schools_name_stay_as_typed() {
    assertEquals("Seen At\nSchool today", PersonalData.mask("Seen At\nSchool today"));
    assertEquals("She Goes To  [school]", PersonalData.mask("She Goes To  Oakwood Academy"));
  }

  @Test
  void a_number_split_over_lines_is_masked_whole() {
    assertEquals("nhs [number]", PersonalData.mask("nhs 943\n476\n5919"));
    assertEquals("child\n[name]\n[name]\n[phone]", PersonalData.mask("child\nTasha\nSmith\n07700\n900123"));
  }

  /** The search's masking: a name run stays as typed only when every word of it is one the caller keeps. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "what happened to baby Alfie?|what happened to baby Alfie?",
      "baby Alfie Smith on 1st June 2021|baby [name] on [date]",
      "Chris Ring and Jayden Smith|Chris Ring and [name]",
      "mum Jade said so|mum [name] said so"})
  void the_search_keeps_names_made_only_of_words_it_is_told_to_keep(String input, String expected) {
    java.util.Set<String> library = java.util.Set.of("Alfie", "Chris", "Ring");
    assertEquals(expected, PersonalData.forSearch(input, library::contains).searched());
    assertEquals(PersonalData.mask(input), PersonalData.forSearch(input, library::contains).kept(),
        "kept: masked as ever");
    assertEquals(PersonalData.mask(input), PersonalData.forSearch(input, word -> false).searched(),
        "keeping nothing masks as ever");
  }

  /** The twelve kinds the issue found stored as typed, in sentences of our own. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Tyreece told his teacher about the bruise|[name] told his teacher about the bruise",
      "her NHS number is 401.023.2137|her NHS number is [number]",
      "Macy was born March 2018 and is in year 1|[name] was born [date of birth] and is in year 1",
      "they live at 5 Laburnum Crescent now|they live at [address] now",
      "staff at Brookfield Primary noticed|staff at [school] noticed",
      "dad's NI number AB 12 34 56 C|dad's NI number [number]",
      "case ref CS-2023-04411 was closed|case ref [reference] was closed",
      "call her on (01952) 380 112 today|call her on [phone] today",
      "write to sam dot jones at school dot org dot uk|write to [email]",
      "Mrs Oyelaran said the boy was hungry|Mrs [name] said the boy was hungry",
      "baby Ezra was seen by the GP|baby [name] was seen by the GP",
      "nana pauline will take them|nana [name] will take them"})
  void identifiers_the_issue_found_unmasked_are_masked(String input, String expected) {
    assertEquals(expected, PersonalData.mask(input));
  }

  /**
   * Given names that are English words ("Mark", "Rose") before surnames that are English words too
   * ("Cooper", "Baker"): the dictionary lists the surname as a proper noun, which is evidence enough.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "My client John Smith phoned from 07700 900123 about neglect of baby Lily Smith"
          + "|My client [name] phoned from [phone] about neglect of baby [name]",
      "Jack White came in with Rose Baker|[name] came in with [name]",
      "I spoke to Mark Cooper yesterday|I spoke to [name] yesterday",
      "we met Bill Turner at the school gate|we met [name] at the school gate",
      "worried about Sue Miller and her kids|worried about [name] and her kids",
      "a boy called Will Turner|a boy called [name]"})
  void full_names_whose_surname_is_an_english_word_are_masked_whole(String input, String expected) {
    assertEquals(expected, PersonalData.mask(input));
  }

  /** A month's name between the numbers is a date; a year, a month and a count with spaces only after a cue. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "dob 3-Mar-2015|dob [date of birth]",
      "seen on 03.mar.15 by hv|seen on [date] by hv",
      "born 2016 jan 1|born [date of birth]",
      "on 2016-Jan-01 she moved|on [date] she moved",
      "in 2016 Jan 10 children were seen|in 2016 Jan 10 children were seen"})
  void dates_with_the_month_named_between_numbers_are_masked(String input, String expected) {
    assertEquals(expected, PersonalData.mask(input));
  }

  /** A handle just before a service's name, or with a dot between words after one; ordinary words are kept. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "she talks to kayla_xo2010 on insta|she talks to [name] on insta",
      "lilmissy99 (snapchat) keeps messaging her|[name] (snapchat) keeps messaging her",
      "bigdaz.official on instagram sent him money|[name] on instagram sent him money",
      "xXshadowXx on discord asked for pics|[name] on discord asked for pics",
      "her tiktok is k.bloggs|her tiktok is [name]",
      "she was groomed on roblox and met him on snap|she was groomed on roblox and met him on snap"})
  void handles_before_a_service_or_with_a_dot_are_masked(String input, String expected) {
    assertEquals(expected, PersonalData.mask(input));
  }

  /** A space before "@" makes an email only with one after it: "is @kayla.xo" is a handle, and "is" stays. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "her insta is @kayla.xo|her insta is [name]",
      "email jane.doe @ gmail.com|email [email]",
      "jane@ gmail.com or tasha@example .com|[email] or [email]"})
  void a_handle_with_a_dot_is_not_an_email_with_the_word_before_it(String input, String expected) {
    assertEquals(expected, PersonalData.mask(input));
  }

  /**
   * A surname typed in lower case after a name is part of it when no dictionary has it, or a name list
   * does; a word one slip from English after a name is a typo and kept ("hled", "reveiw").
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "her name is Amira okafor and she is 7|her name is [name] and she is 7",
      "Aaliyah patel has been missing|[name] has been missing",
      "dad Imran ahmed came to the door|dad [name] came to the door",
      "when was the rapid reveiw meeting about baby Noah hled|when was the rapid reveiw meeting about baby [name] hled",
      "Kayleigh wnet to school|[name] wnet to school",
      "Tyler n his brother|[name] n his brother",
      "Referral for Mia dob 3/3/19|Referral for [name] dob [date of birth]"})
  void a_lower_case_surname_after_a_name_is_masked_and_a_typo_kept(String input, String expected) {
    assertEquals(expected, PersonalData.mask(input));
  }

  /**
   * A capitalised word the dictionary lists and no name list knows ("Amir", "Hunter", "Brook") is a
   * person when an age in brackets follows it; a year or a subsection in brackets is not an age.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Mrs Patel says Amir (6) is never spoken to|Mrs [name] says [name] (6) is never spoken to",
      "Hunter (aged 4) has bruises again|[name] (aged 4) has bruises again",
      "worried about Brook (14yo) going missing|worried about [name] (14yo) going missing",
      "the Review (2021) said Section 47 (2) enquiries were late|the Review (2021) said Section 47 (2) enquiries were late"})
  void a_word_followed_by_an_age_in_brackets_is_a_name(String input, String expected) {
    assertEquals(expected, PersonalData.mask(input));
  }

  /**
   * The other direction: a modal or month before a capitalised word the dictionary does not list
   * as a proper noun, titles of the library's models, and a sentence that opens with "Mark" as a verb.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Will Social Care take the referral?",
      "May Child Protection plans be stopped early?",
      "Please Mark Child Protection on the file",
      "Mark the file as closed and Will the DSL know?",
      "Our Signs of Safety lead said Early Help is enough",
      "Does the Graded Care Profile apply in Gateshead?",
      "Can we refer on Christmas Day or Boxing Day?",
      "The Home Office and the Crown Court agreed"})
  void modals_months_and_titles_before_a_capitalised_word_are_kept(String input) {
    assertEquals(input, PersonalData.mask(input));
  }

  /** Street abbreviations after a house number; a saint, a doctor or a weight in stones is not a street. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "lives at 22b Baker St neglect|lives at [address] neglect",
      "lives at 22b Baker St. Mum said|lives at [address]. Mum said",
      "moved to 4 Mill Rd, Telford|moved to [address], Telford",
      "at 9 Oak Ave last week|at [address] last week",
      "lives at 22 baker st with nan|lives at [address] with nan",
      "she weighs 5 st and is 9|she weighs 5 st and is 9",
      "year 5 at st marys|year 5 at st marys",
      "she is 15 St Helens based|she is 15 St Helens based"})
  void abbreviated_street_addresses_are_masked(String input, String expected) {
    assertEquals(expected, PersonalData.mask(input));
  }

  /** A two-digit year after a birth cue's month goes with the date; a count of weeks after it stays. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "born 1 Mar 15 neglect|born [date of birth] neglect",
      "DOB 3rd Sept 09, lives with nan|DOB [date of birth], lives with nan",
      "born 12 March 15 in Telford|born [date of birth] in Telford",
      "dob: 5 Dec 18|dob: [date of birth]",
      "born 1 Mar 15 weeks early|born [date of birth] 15 weeks early"})
  void dates_of_birth_with_a_two_digit_year_are_masked_whole(String input, String expected) {
    assertEquals(expected, PersonalData.mask(input));
  }

  /** Masked text is what gets searched: the library's places, acronyms and ordinary capitals stay. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Does the MASH in Gateshead take referrals from the DSL or the GP?",
      "Telford & Wrekin and Newcastle both use the LADO for that",
      "In March the Panel published a review; Ofsted visit in January",
      "Will the ICPC go ahead? Grace period for the pre-birth assessment",
      "Clare's Law and Sarah's Law disclosures with the Police on a Sunday",
      "A Polish speaking family moved here from Romania over Christmas",
      "a child aged 3 may be at risk 24/7 and the plan is 50/50",
      "ppl kept reportin neglect 4 ages but no1 escalated it",
      "mgr wants to close the case, sw disagrees"})
  void ordinary_words_places_and_acronyms_are_kept(String input) {
    assertEquals(input, PersonalData.mask(input));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a boy called Jayden Smith, DOB 03/04/2019, at 14 Acacia Avenue TF1 2AB",
      "email jo dot bloggs at council dot gov dot uk or ring +44 7700 900123",
      "Summer Hope Lawson (15) at St Mary's Primary, crime ref 12/34567/24"})
  void masking_masked_text_changes_nothing(String input) {
    String once = PersonalData.mask(input);
    assertEquals(once, PersonalData.mask(once));
  }
}
