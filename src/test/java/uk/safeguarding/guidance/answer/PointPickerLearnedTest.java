package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.corpus.Passage;
import uk.safeguarding.guidance.search.SearchHit;

class PointPickerLearnedTest {

  private static Scored passage(int rank) {
    Passage p = new Passage("doc" + rank, "p" + rank, List.of("Doc", "Section " + rank), "Text.", rank);
    return new Scored(new SearchHit(p, null, 10f - rank, "", 0.7f), rank, 0.5, Set.of());
  }

  private static SentenceFeatures.Row row(Scored source, int position, String text) {
    return row(source, position, text, false);
  }

  private static SentenceFeatures.Row row(Scored source, int position, String text, boolean listItem) {
    return row(source, position, text, listItem, PointKind.LEARNED);
  }

  /** A what-to-do sentence. */
  private static SentenceFeatures.Row doRow(Scored source, int position, String text) {
    return row(source, position, text, false, PointKind.DO);
  }

  private static SentenceFeatures.Row row(Scored source, int position, String text, boolean listItem, PointKind kind) {
    return new SentenceFeatures.Row(source, position, new Sentences.Unit(text, listItem),
        new java.util.HashSet<>(List.of(text.split(" "))), kind == PointKind.DO, kind,
        new double[SentenceFeatures.NAMES.size()]);
  }

  /** A bare lead-in introducing {@code items} (as {@link Sentences#quotable} finds them in its passage). */
  private static SentenceFeatures.Row leadIn(Scored source, int position, String text, String... items) {
    return new SentenceFeatures.Row(source, position,
        new Sentences.Unit(text, false, Sentences.Part.UNLABELLED, List.of(items)),
        new java.util.HashSet<>(List.of(text.split(" "))), false, PointKind.LEARNED,
        new double[SentenceFeatures.NAMES.size()]);
  }

  private static List<String> texts(List<List<PointPicker.Candidate>> picked) {
    return picked.stream().map(g -> g.get(0).text()).toList();
  }

  @Test
  void the_best_sentence_passage_leads_and_other_passages_give_only_sentences_close_to_the_best() {
    Scored top = passage(0);
    Scored second = passage(1);
    List<SentenceFeatures.Row> rows = List.of(row(top, 0, "alpha one two three four"),
        row(top, 1, "bravo five six seven eight"), row(top, 2, "echo seventeen eighteen nineteen twenty"),
        row(second, 0, "charlie nine ten eleven twelve"), row(second, 1, "delta thirteen fourteen fifteen sixteen"));
    // The second passage's best sentence leads; the top passage gives only its best sentence scoring
    // OTHER_SHARE of the best (one point at most); the lead passage's weak sentence stays above LEAD_SHARE.
    double best = 0.8;
    double[] scores = {best * PointPicker.OTHER_SHARE + 0.02, best * PointPicker.OTHER_SHARE + 0.01,
        best * PointPicker.OTHER_SHARE - 0.01, best, best * PointPicker.LEAD_SHARE + 0.01};
    List<List<PointPicker.Candidate>> picked = PointPicker.pickLearned(rows, scores);
    // The best sentence is read first; the rest follow in the order of the sources.
    assertEquals(List.of("charlie nine ten eleven twelve", "alpha one two three four",
        "delta thirteen fourteen fifteen sixteen"), texts(picked));
  }

  @Test
  void the_best_point_s_kind_leads_then_what_to_do_then_what_was_learned() {
    Scored top = passage(0);
    List<SentenceFeatures.Row> rows = List.of(doRow(top, 0, "Analyse the risk from both parents in every assessment"),
        row(top, 1, "Timely parenting assessments matter to decisions"),
        row(top, 2, "Babies under two are the most vulnerable of all"));
    assertEquals(List.of("Timely parenting assessments matter to decisions",
        "Babies under two are the most vulnerable of all", "Analyse the risk from both parents in every assessment"),
        texts(PointPicker.pickLearned(rows, new double[] {0.6, 0.9, 0.5})));
    assertEquals(List.of("Analyse the risk from both parents in every assessment",
        "Timely parenting assessments matter to decisions", "Babies under two are the most vulnerable of all"),
        texts(PointPicker.pickLearned(rows, new double[] {0.95, 0.9, 0.5})));
  }

  @Test
  void within_a_kind_the_best_scoring_point_leads_and_the_rest_keep_the_passage_order() {
    Scored top = passage(0);
    List<SentenceFeatures.Row> rows = List.of(row(top, 0, "We announced a third national review on babies"),
        row(top, 1, "Since then we received many rapid reviews about harmed babies"),
        row(top, 2, "It will look at men and their absence from assessments"),
        row(top, 3, "An institute was appointed to review the literature"));
    assertEquals(List.of("It will look at men and their absence from assessments",
        "We announced a third national review on babies", "An institute was appointed to review the literature"),
        texts(PointPicker.pickLearned(rows, new double[] {0.5, 0.01, 0.9, 0.4})));
  }

  @Test
  void at_most_the_learned_number_of_points_and_near_duplicates_merge() {
    Scored top = passage(0);
    List<SentenceFeatures.Row> rows = new ArrayList<>(); // the top passage leads; the other gives its duplicate
    rows.add(row(top, 0, "same words in this sentence here"));
    rows.add(row(passage(2), 0, "same words in this sentence here"));
    for (int i = 1; i <= 6; i++) {
      rows.add(row(top, i, "point number " + i + " says something else " + "x".repeat(i)));
    }
    double[] scores = rows.stream().mapToDouble(r -> 0.9 - 0.01 * rows.indexOf(r)).toArray();
    List<List<PointPicker.Candidate>> picked = PointPicker.pickLearned(rows, scores);
    assertEquals(Math.min(PointPicker.LEARNED_POINTS, PointPicker.MAX_PER_PASSAGE), picked.size(),
        "three from one passage");
    assertEquals(2, picked.get(0).size(), "the duplicate is one point citing both passages");
  }

  @Test
  void with_no_sentence_sharing_the_question_words_the_best_passage_leads_in_its_own_order() {
    Passage p = new Passage("webinar", "sudi", List.of("Webinar", "Sudden Unexpected Death in Infancy (SUDI) Review"),
        "- Families with background vulnerability and risk\n- Short one\n"
            + "- Situational risks and out-of-routine / critical incidents",
        0);
    Scored top = new Scored(new SearchHit(p, null, 3f, "", 0.6f), 0, 0.5, Set.of());
    assertEquals(List.of("Families with background vulnerability and risk",
        "Situational risks and out-of-routine / critical incidents"), texts(PointPicker.leading(List.of(top))));
    assertEquals(List.of(), PointPicker.leading(List.of()));
  }

  @Test
  void a_lead_in_the_question_matches_best_is_quoted_with_the_items_it_introduces() {
    Scored top = passage(0);
    List<SentenceFeatures.Row> rows = List.of(
        leadIn(top, 0, "Reviews should be proportionate, by which we mean:", "focussed on the core issues",
            "not lengthy chronological reporting"),
        row(top, 1, "focussed on the core issues", true), row(top, 2, "not lengthy chronological reporting", true),
        row(top, 3, "The reviews are then published in full.", false));
    double[] scores = {0.9, 0.3, 0.2, 0.1};
    assertEquals(List.of("Reviews should be proportionate, by which we mean: focussed on the core issues; "
        + "not lengthy chronological reporting", "The reviews are then published in full."),
        texts(PointPicker.pickLearned(rows, scores)));
  }

  @Test
  void an_item_of_a_long_list_that_matches_better_than_its_lead_in_stands_alone_and_the_bare_lead_in_is_dropped() {
    Scored top = passage(0);
    String first = "plans were not outcome focused, so nobody could tell whether the child's life was getting better "
        + "or worse from one review meeting to the next";
    String second = "contingency plans were missing, so when the mother's health declined again there was no agreed "
        + "next step and each agency waited for another to act on what it had seen";
    List<SentenceFeatures.Row> rows = List.of(leadIn(top, 0, "The review found:", first, second),
        row(top, 1, first, true), row(top, 2, second, true));
    assertEquals(List.of(first, second), texts(PointPicker.pickLearned(rows, new double[] {0.5, 0.9, 0.4})));
    assertEquals(Map.of(), LeadIns.merged(rows, new double[] {0.5, 0.9, 0.4}));
  }

  @Test
  void a_short_list_is_quoted_whole_even_when_one_of_its_items_matches_best() {
    Scored top = passage(0);
    List<SentenceFeatures.Row> rows = List.of(
        leadIn(top, 0, "The weekly audit group's membership includes:", "Dorothy Chambers Service Manager IRS",
            "Jayne Forsdike Principal Social Worker", "Sue Kirkley NSCB Co-ordinator"),
        row(top, 1, "Dorothy Chambers Service Manager IRS", true),
        row(top, 2, "Jayne Forsdike Principal Social Worker", true),
        row(top, 3, "Sue Kirkley NSCB Co-ordinator", true));
    List<List<PointPicker.Candidate>> picked = PointPicker.pickLearned(rows, new double[] {0.5, 0.9, 0.8, 0.4});
    assertEquals(List.of("The weekly audit group's membership includes: Dorothy Chambers Service Manager IRS; "
        + "Jayne Forsdike Principal Social Worker; Sue Kirkley NSCB Co-ordinator"), texts(picked));
    assertEquals(0.9, picked.get(0).get(0).score(), "the list scores as its best item");
  }

  @Test
  void a_lead_in_without_items_introduces_the_next_sentence_and_long_lists_are_cut_after_four_items() {
    Scored top = passage(0);
    String quoted = "The outline plan can become a 'to do list' for both parents and professionals.";
    List<SentenceFeatures.Row> quote =
        List.of(leadIn(top, 4, "Professor Horwath, writing about plans in her book, says:", quoted),
            row(top, 5, quoted), row(top, 6, "A further issue is the production of a list of actions."));
    assertEquals("Professor Horwath, writing about plans in her book, says: " + quoted,
        LeadIns.merged(quote, new double[] {0.9, 0.5, 0.4}).get(0).text());
    List<SentenceFeatures.Row> list = new ArrayList<>();
    List<String> items = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      items.add("item number " + i + " is a whole sentence of guidance, long enough to stand alone");
    }
    list.add(leadIn(top, 0, "Six things:", items.toArray(String[]::new)));
    items.forEach(item -> list.add(row(top, list.size(), item, true)));
    double[] scores = {0.9, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};
    assertEquals("Six things: " + String.join("; ", items.subList(0, LeadIns.MAX_ITEMS)) + "; …",
        LeadIns.merged(list, scores).get(0).text());
    assertEquals(List.of(1, 2, 3, 4, 5, 6), LeadIns.merged(list, scores).get(0).introduced());
  }

  @Test
  void a_short_list_is_quoted_whole_with_items_too_short_to_be_points_of_their_own() {
    Scored top = passage(0);
    // As in a report: the agencies joining a monthly audit, most of them too short to be quotable rows.
    List<SentenceFeatures.Row> rows = List.of(
        leadIn(top, 0, "On a monthly basis the group is joined by partners from the following areas:", "Police",
            "NUTH", "Education Service", "Designated Nurse Safeguarding Children, CCG", "Northumbria Police",
            "Other agencies depending on specific cases identified e.g. IDVA"),
        row(top, 1, "Designated Nurse Safeguarding Children, CCG", true),
        row(top, 2, "Other agencies depending on specific cases identified e.g. IDVA", true),
        row(top, 3, "The group review a sample of contacts that did not progress to referral.", false));
    LeadIns.Merged m = LeadIns.merged(rows, new double[] {0.9, 0.5, 0.4, 0.3}).get(0);
    assertEquals("On a monthly basis the group is joined by partners from the following areas: Police; NUTH; "
        + "Education Service; Designated Nurse Safeguarding Children, CCG; Northumbria Police; Other agencies "
        + "depending on specific cases identified e.g. IDVA", m.text());
    assertEquals(List.of(1, 2), m.introduced(), "the next paragraph is not part of the list");
  }

  @Test
  void a_lead_in_whose_items_are_all_too_short_to_quote_never_takes_the_next_paragraph_as_its_own() {
    Scored top = passage(0);
    List<SentenceFeatures.Row> rows = List.of(leadIn(top, 0, "The review identified the following themes:",
        "Neglect", "Domestic abuse", "Mental health"),
        row(top, 1, "The group review a sample of contacts that did not progress to referral.", false));
    LeadIns.Merged m = LeadIns.merged(rows, new double[] {0.9, 0.5}).get(0);
    assertEquals("The review identified the following themes: Neglect; Domestic abuse; Mental health", m.text());
    assertEquals(List.of(), m.introduced());
    assertEquals(List.of("The review identified the following themes: Neglect; Domestic abuse; Mental health",
        "The group review a sample of contacts that did not progress to referral."),
        texts(PointPicker.pickLearned(rows, new double[] {0.9, 0.8})));
  }
}
