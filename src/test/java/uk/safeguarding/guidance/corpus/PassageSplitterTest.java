package uk.safeguarding.guidance.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PassageSplitterTest {

  private final PassageSplitter splitter = new PassageSplitter();

  private static SourceDocument doc(Block... blocks) {
    return new SourceDocument(new DocumentMetadata("doc", "Doc", "", "", "", "", List.of(), ""), List.of(blocks),
        Path.of("doc.md"));
  }

  @Test
  void inline_labels_become_sub_sections_with_heading_paths_and_anchors() throws Exception {
    SourceDocument d = CorpusReader.standard().load(Path.of("src/test/resources/fixtures/loaders/briefing.md"));
    List<Passage> passages = splitter.split(d);
    assertEquals(
        List.of("background", "theme-1-recognition-of-neglect", "theme-2-professional-curiosity", "recommendations"),
        passages.stream().map(Passage::anchor).toList());
    // The two short sub-sections of Theme 1 merge, each keeping its label.
    assertEquals("What we have learned: Neglect can present in a combination of ways.\n\n"
        + "What you should do: Share information with partners so the wider picture is understood.",
        passages.get(1).text());
    assertEquals("Learning from Sample Reviews › Theme 1: Recognition of neglect", passages.get(1).section());
    // A list stays with its lead-in sentence.
    assertEquals(
        "Professional curiosity means you should:\n- Gather, share and record information\n- Think the unthinkable",
        passages.get(2).text());
    assertEquals("sample-briefing#theme-2-professional-curiosity", passages.get(2).id());
  }

  @Test
  void sub_sections_long_enough_stand_alone_under_their_full_heading_path() {
    String learned = "Families who move to the area may have relocated as a result of safeguarding risks such as "
        + "child exploitation in the previous area, and their needs may not be recognised.";
    String todo = "When another local authority supports a family to relocate due to the risk of child exploitation, "
        + "ensure there is a multi-agency hand over involving key agencies from both areas.";
    List<Passage> passages = splitter.split(doc(Block.heading(1, "Learning from Local Reviews 2021"),
        Block.heading(2, "Theme 4: Families moving"), Block.heading(3, "What we have learned"),
        Block.paragraph(learned),
        Block.heading(3, "What should you do"), Block.paragraph(todo),
        Block.heading(2, "Theme 5: Recording"), Block.heading(3, "What should you do"),
        Block.paragraph(todo + " Again.")));
    assertEquals(List.of("Learning from Local Reviews 2021", "Theme 4: Families moving", "What should you do"),
        passages.get(1).headingPath());
    assertEquals("Learning from Local Reviews 2021 › Theme 4: Families moving › What should you do",
        passages.get(1).section());
    // A heading repeated across the document is prefixed by its parent so anchors stay unique and readable.
    assertEquals(List.of("what-we-have-learned", "theme-4-families-moving--what-should-you-do",
        "theme-5-recording--what-should-you-do"), passages.stream().map(Passage::anchor).toList());
  }

  @Test
  void numbered_headings_at_one_level_nest_by_their_numbers() {
    String para = "The audit looked at forty cases and found that the views of fathers were not always sought or "
        + "recorded, and that agencies did not always share what they knew.";
    List<Passage> passages = splitter.split(doc(Block.heading(1, "Annual Report"),
        Block.heading(2, "7. Audits"), Block.heading(3, "7.3 Section 47s audit April 16"), Block.paragraph(para),
        Block.heading(3, "7.3.5 Areas to strengthen include"), Block.paragraph(para + " Strengthen."),
        Block.heading(3, "7.3.6 Outcome/action"), Block.paragraph(para + " Act."),
        Block.heading(3, "7.4 CSE audit July 2016"), Block.paragraph(para + " CSE."),
        Block.heading(3, "Strengths"), Block.paragraph(para + " Strengths.")));
    assertEquals(List.of(
        "Annual Report › 7. Audits › 7.3 Section 47s audit April 16",
        "Annual Report › 7. Audits › 7.3 Section 47s audit April 16 › 7.3.5 Areas to strengthen include",
        "Annual Report › 7. Audits › 7.3 Section 47s audit April 16 › 7.3.6 Outcome/action",
        "Annual Report › 7. Audits › 7.4 CSE audit July 2016",
        "Annual Report › 7. Audits › Strengths"), passages.stream().map(Passage::section).toList());
    assertEquals("7.3.5", PassageSplitter.number("7.3.5 Areas to strengthen include"));
    assertEquals("7", PassageSplitter.number("7. Audits"));
    assertEquals(null, PassageSplitter.number("2020 in review"));
    assertFalse(PassageSplitter.within("7.30", "7.3"));
  }

  @Test
  void long_sections_split_at_paragraphs_then_sentences_and_nothing_is_lost_or_duplicated() {
    List<Block> blocks = new ArrayList<>();
    blocks.add(Block.heading(1, "Report"));
    blocks.add(Block.heading(2, "Findings"));
    StringBuilder longParagraph = new StringBuilder();
    for (int i = 1; i <= 40; i++) {
      longParagraph.append("Finding number ").append(i).append(" concerns how agencies shared information. ");
    }
    blocks.add(Block.paragraph(longParagraph.toString().strip()));
    for (int i = 1; i <= 6; i++) {
      blocks.add(
          Block.paragraph("Paragraph " + i + " explains a separate point about multi-agency practice in some detail, "
              + "so that it is long enough to matter when passages are packed together into excerpts."));
    }
    blocks.add(Block.heading(2, "Tiny"));
    blocks.add(Block.paragraph("Short."));
    List<Passage> passages = splitter.split(doc(blocks.toArray(Block[]::new)));
    assertTrue(passages.size() >= 4, "long section was split: " + passages.size());
    for (Passage p : passages) {
      assertTrue(p.text().length() <= PassageSplitter.MAX_CHARS + PassageSplitter.MIN_CHARS, p.anchor() + " too long");
    }
    assertEquals(List.of("findings", "findings-2", "findings-3", "findings-4"),
        passages.stream().map(Passage::anchor).limit(4).toList());
    // Every sentence of the source appears exactly once across the passages.
    String all = String.join(" ", passages.stream().map(Passage::text).toList());
    Matcher m = Pattern.compile("Finding number \\d+ concerns|Paragraph \\d+ explains").matcher(all);
    List<String> seen = new ArrayList<>();
    while (m.find()) {
      seen.add(m.group());
    }
    assertEquals(46, seen.size());
    assertEquals(46, new HashSet<>(seen).size());
    assertTrue(all.contains("Short."));
  }

  @Test
  void the_shipped_corpus_splits_without_losing_or_duplicating_text_and_anchors_are_unique() {
    Corpus corpus = CorpusReader.standard().read(Path.of("corpus"));
    assertEquals(5, corpus.documents().size());
    for (SourceDocument d : corpus.documents()) {
      List<Passage> passages = splitter.split(d);
      String joined = normalise(String.join(" ", passages.stream().map(Passage::text).toList()));
      Set<String> anchors = new HashSet<>();
      for (Passage p : passages) {
        assertTrue(anchors.add(p.anchor()), "duplicate anchor " + p.id());
        assertTrue(p.anchor().matches("[a-z0-9-]+"), p.anchor());
      }
      for (Block b : d.blocks()) {
        if (b.kind() == Block.Kind.HEADING) {
          continue;
        }
        for (String line : b.text().split("\n")) {
          String sentence = normalise(line);
          int count = occurrences(joined, sentence);
          int expected = occurrences(normalise(String.join(" ", d.blocks().stream()
              .filter(x -> x.kind() != Block.Kind.HEADING).map(Block::text).toList())), sentence);
          assertEquals(expected, count, d.id() + ": " + sentence);
        }
      }
    }
  }

  @Test
  void text_with_no_sentence_ends_is_cut_at_spaces_into_passages_of_at_most_the_passage_length() {
    String words = "word ".repeat(10_000).strip(); // 49,999 characters, one "sentence"
    List<Passage> passages = splitter.split(doc(Block.heading(1, "Export"), Block.paragraph(words)));
    assertEquals(List.of(50, 999, 999), List.of(passages.size(), passages.stream().mapToInt(p -> p.text().length())
        .max().orElse(0), passages.get(passages.size() - 1).text().length()));
    assertEquals(10_000, passages.stream().mapToInt(p -> p.text().split(" ").length).sum(), "no word lost or cut");
    String line = "- " + "item ".repeat(2_000).strip();
    List<Passage> list = splitter.split(doc(Block.heading(1, "List"), Block.list(line + "\n- short item")));
    assertEquals(List.of(996, 999, 999, 999, 999, 999, 999, 999, 999, 1019),
        list.stream().map(p -> p.text().length()).toList(),
        "a list item too (a short last piece joins the one before)");
  }

  private static String normalise(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  private static int occurrences(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
