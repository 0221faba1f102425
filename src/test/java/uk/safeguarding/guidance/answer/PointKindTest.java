package uk.safeguarding.guidance.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.corpus.Passage;

class PointKindTest {

  private static Passage in(String... path) {
    return new Passage("doc", "a", List.of(path), "text", 0);
  }

  @Test
  void guidance_learning_and_case_background_are_told_apart() {
    assertEquals(PointKind.DO, PointKind.of(in("Review", "What you should do"),
        "Practitioners should record the views of the child.", true, true));
    assertEquals(PointKind.LEARNED, PointKind.of(in("Review", "Theme 2: Professional curiosity"),
        "Professional curiosity was not always evident in assessments.", false, false));
    assertEquals(PointKind.BACKGROUND, PointKind.of(in("Review", "Case background"),
        "The family moved to the area in 2019.", false, false));
    assertEquals(PointKind.BACKGROUND, PointKind.of(in("Review", "Theme 1: Injuries"),
        "Child B suffered significant injuries whilst in the care of his mother and her partner.", false, false));
    assertEquals(PointKind.BACKGROUND, PointKind.of(in("Review", "Findings"),
        "Her mother's partner was arrested and the parents were charged with cruelty.", false, false));
  }

  @Test
  void a_heading_that_mentions_a_case_or_a_child_is_not_a_background_section() {
    // The Newcastle report's "5.3 Learning from the case" and Telford's "Theme 3: Voice and experience of the child".
    assertEquals(PointKind.LEARNED, PointKind.of(in("Report", "5. Child S", "5.3 Learning from the case"),
        "The heightened vulnerability of babies aged between 0-2 years", false, false));
    assertEquals(PointKind.LEARNED, PointKind.of(in("Briefing", "Theme 3: Voice and experience of the child"),
        "Records do not always show the views of the child.", false, false));
    assertEquals(PointKind.LEARNED, PointKind.of(in("Report", "4. Serious Incident Notifications to DfE"),
        "Four notifications were made in the year.", false, false));
    // Sections that tell a case's story, numbered or not.
    for (String heading : List.of("Background", "5.2 The incident", "Case summary", "Family history",
        "What happened", "Summary of events", "Chronology of key events")) {
      assertEquals(PointKind.BACKGROUND, PointKind.of(in("Review", heading), "The family moved in 2019.", false, false),
          heading);
    }
  }

  @Test
  void a_modal_in_a_narrative_sentence_does_not_make_it_guidance() {
    assertEquals(PointKind.BACKGROUND, PointKind.of(in("Review", "Findings"),
        "Child C's mother said she would never leave him alone, but she was arrested that night.", true, false));
  }

  /** The action flag as the point picker sets it: "never", "always", "do not" count as telling. */
  @Test
  void never_or_always_after_an_auxiliary_states_a_finding_not_an_instruction() {
    String learned = "What we have learned";
    for (String finding : List.of("Private fostering is often not recognised, so the local authority is never told.",
        "Records do not always show the views of the child.",
        "The response to referrals was not always proportionate and outcomes focused.")) {
      assertEquals(PointKind.LEARNED, PointKind.of(in("Briefing", learned), finding, PointPicker.isAction(finding),
          false), finding);
    }
    for (String instruction : List.of("You must never leave a baby alone with him.",
        "Practitioners should always ask who the child lives with.",
        "Records do not always show the child's views, so you should ask the child.")) {
      assertEquals(PointKind.DO, PointKind.of(in("Briefing", learned), instruction, PointPicker.isAction(instruction),
          false), instruction);
    }
  }

  /** Telford's Theme 3 merges its two sub-sections into one passage, which says what to do. */
  @Test
  void in_a_passage_that_merged_what_was_learned_with_what_to_do_each_sentence_takes_its_own_sub_section() {
    Passage theme = new Passage("telford", "theme-3", List.of("Briefing", "Theme 3: Voice and experience of the child"),
        "What we have learned: Records do not always show the views of the child.\n\n"
            + "What you should do: Ensure that records include the views of the child.\n\n"
            + "Where there is domestic abuse, the voice of the child is heard and recorded.",
        0);
    List<Sentences.Unit> units = Sentences.units(theme.text());
    assertEquals(List.of(Sentences.Part.LEARNED, Sentences.Part.TO_DO, Sentences.Part.TO_DO),
        units.stream().map(Sentences.Unit::part).toList());
    List<PointKind> kinds = units.stream()
        .map(u -> PointKind.of(theme, u, PointPicker.isAction(u.text()), true)).toList();
    assertEquals(List.of(PointKind.LEARNED, PointKind.DO, PointKind.DO), kinds);
    // Without labels, the passage decides, as before.
    Sentences.Unit plain = new Sentences.Unit("Records do not always show the views of the child.", false);
    assertEquals(PointKind.DO, PointKind.of(theme, plain, PointPicker.isAction(plain.text()), true));
  }
}
