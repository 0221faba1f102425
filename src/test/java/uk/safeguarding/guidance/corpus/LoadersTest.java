package uk.safeguarding.guidance.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadersTest {

  private static final Path DIR = Path.of("src/test/resources/fixtures/loaders");
  private final CorpusReader reader = CorpusReader.standard();

  @Test
  void markdown_front_matter_becomes_metadata() throws Exception {
    SourceDocument doc = reader.load(DIR.resolve("briefing.md"));
    DocumentMetadata m = doc.metadata();
    assertEquals("sample-briefing", m.id());
    assertEquals("Sample Thematic Briefing", m.title());
    assertEquals("Example Safeguarding Partnership", m.organisation());
    assertEquals("thematic briefing", m.documentType());
    assertEquals("2021-03", m.date());
    assertEquals("2021", m.year());
    assertEquals("2020", m.period());
    assertEquals(List.of("neglect", "information sharing"), m.themes());
    assertEquals("https://example.org/briefing.pdf", m.source());
  }

  @Test
  void markdown_keeps_headings_paragraphs_and_lists_in_order() throws Exception {
    List<Block> blocks = reader.load(DIR.resolve("briefing.md")).blocks();
    assertEquals(Block.heading(1, "Learning from Sample Reviews"), blocks.get(0));
    assertEquals(Block.heading(2, "Background"), blocks.get(1));
    assertEquals(Block.paragraph("Professional curiosity means you should:"), blocks.get(7));
    assertEquals(Block.list("- Gather, share and record information\n- Think the unthinkable"), blocks.get(8));
    assertEquals(Block.list("1. Review the escalation procedure.\n2. Train staff in the Graded Care Profile."),
        blocks.get(10));
    assertEquals(11, blocks.size());
  }

  @Test
  void html_drops_navigation_scripts_and_furniture_but_keeps_structure() throws Exception {
    SourceDocument doc = reader.load(DIR.resolve("page.html"));
    assertEquals("html-page", doc.id());
    assertEquals("Missing from Home and Care", doc.metadata().title());
    assertEquals("7-minute briefing", doc.metadata().documentType());
    assertEquals(List.of("missing children", "exploitation"), doc.metadata().themes());
    assertEquals(List.of(
        Block.heading(1, "Missing from Home and Care"),
        Block.paragraph("Children who go missing are at risk of exploitation."),
        Block.heading(2, "What to do"),
        Block.paragraph("When a child goes missing you should:"),
        Block.list("- Report it to the police\n- Hold a return interview"),
        Block.table("Level: Response")), doc.blocks());
    String all = doc.blocks().stream().map(Block::text).collect(Collectors.joining(" "));
    assertFalse(
        all.contains("tracking") || all.contains("About us") || all.contains("footer") || all.contains("header"));
  }

  @Test
  void plain_text_reads_front_matter_headings_and_bullets() throws Exception {
    SourceDocument doc = reader.load(DIR.resolve("notes.txt"));
    assertEquals("plain-notes", doc.id());
    assertEquals("Plain Text Notes", doc.metadata().title());
    assertEquals(List.of(
        Block.heading(1, "Learning Review Notes"),
        Block.heading(2, "Background"),
        Block.paragraph("The family moved between three areas in a year and services lost track of them."),
        Block.heading(2, "What did we learn"),
        Block.list("- Records did not follow the family\n- Health visitors were not told")), doc.blocks());
  }

  @Test
  void bad_files_are_skipped_with_reasons_and_counted_without_stopping_the_rest() {
    Corpus corpus = reader.read(DIR);
    assertEquals(List.of("sample-briefing", "plain-notes", "html-page"),
        corpus.documents().stream().map(SourceDocument::id).toList());
    Map<String, String> skipped = corpus.skipped().stream()
        .collect(Collectors.toMap(Corpus.Skipped::file, Corpus.Skipped::reason));
    assertEquals(6, skipped.size());
    assertEquals("the date 'March 2021' of document 'bad-date' must be YYYY, YYYY-MM or YYYY-MM-DD.".substring(4),
        skipped.get("bad-date.md").substring(4));
    assertEquals("duplicate id 'sample-briefing': already used by briefing.md", skipped.get("duplicate.md"));
    assertEquals("the file is empty", skipped.get("empty.md"));
    assertEquals("the file has no text (no paragraph or list)", skipped.get("headings-only.md"));
    assertEquals("unsupported file type '.docx': supported are htm, html, markdown, md, pdf, text, txt",
        skipped.get("report.docx"));
    assertEquals("missing title: give a 'title:' in the front matter or a '# ' heading", skipped.get("untitled.md"));
  }

  @Test
  void an_unreadable_file_raises_a_skip_with_the_reason() {
    SkippedDocumentException e =
        assertThrows(SkippedDocumentException.class, () -> reader.load(DIR.resolve("empty.md")));
    assertEquals("the file is empty", e.getMessage());
    assertTrue(e.path().endsWith("empty.md"));
  }

  @TempDir
  Path tmp;

  SkippedDocumentException refusal(String name, String content) throws Exception {
    Path file = tmp.resolve(name);
    Files.writeString(file, content);
    return assertThrows(SkippedDocumentException.class, () -> reader.load(file));
  }

  @Test
  void a_dropped_file_with_an_impossible_date_is_skipped_with_the_reason() throws Exception {
    SkippedDocumentException e = refusal("leap.md", "---\ntitle: Leap\ndate: 2023-02-29\n---\n# Leap\n\nText.\n");
    assertEquals("The date '2023-02-29' of document 'leap' must be a real date: February 2023 has 28 days, not 29.",
        e.getMessage());
    assertEquals(
        "The date '2024-13-45' of document 'month' must be a real date: 2024 has no month 13; months are 01 to "
            + "12.",
        refusal("month.md", "---\ntitle: Month\ndate: 2024-13-45\n---\n\nText.\n").getMessage());
    Files.writeString(tmp.resolve("typo.md"), "# Typo\n\nPublished: 30 February 2024\n\nText.\n");
    assertEquals("2024-02", reader.load(tmp.resolve("typo.md")).metadata().date(), "a day that does not exist is "
        + "a typo in the text: the month is kept and the document is not skipped");
    assertEquals("The date '0000' of document 'ancient' must be a real date: the year 0000 is outside 1900 to "
        + (java.time.Year.now(java.time.ZoneOffset.UTC).getValue() + 1) + ".",
        refusal("ancient.md", "---\ntitle: Ancient\ndate: 0000\n---\n\nText.\n").getMessage());
    Files.writeString(tmp.resolve("plan.md"), "# Plan\n\nPublished: September 2099\n\nText.\n");
    assertEquals("", reader.load(tmp.resolve("plan.md")).metadata().date(), "a year far ahead in the text is "
        + "not the document's date, and the document is not skipped");
  }

  @Test
  void a_dropped_file_with_themes_over_the_limits_is_skipped_but_found_keywords_are_cut_to_them() throws Exception {
    String many = IntStream.range(0, DocumentMetadata.MAX_THEMES + 1).mapToObj(i -> "  - theme " + i + "\n")
        .collect(Collectors.joining());
    assertEquals("The themes of document 'many' are 31, over the limit of 30.",
        refusal("many.md", "---\ntitle: Many\nthemes:\n" + many + "---\n\nText.\n").getMessage());
    assertEquals(
        "The themes of document 'long' include '" + "x".repeat(40) + "…', 81 characters, over the limit of 80.",
        refusal("long.md", "---\ntitle: Long\nthemes: " + "x".repeat(81) + "\n---\n\nText.\n").getMessage());
    String keywords = IntStream.range(0, 40).mapToObj(i -> "keyword " + i).collect(Collectors.joining(", "));
    Files.writeString(tmp.resolve("keywords.html"),
        "<html><head><title>Keywords</title><meta name=\"keywords\" content=\""
            + "y".repeat(81) + ", " + keywords + "\"></head><body><h1>Keywords</h1><p>Text.</p></body></html>");
    List<String> themes = reader.load(tmp.resolve("keywords.html")).metadata().themes();
    assertEquals(DocumentMetadata.MAX_THEMES, themes.size());
    assertEquals("keyword 0", themes.get(0), "a keyword over the length limit is left out");
  }

  @Test
  void html_nested_100000_deep_is_refused_naming_the_depth_limit_not_overflowing_the_stack() throws Exception {
    SkippedDocumentException e =
        refusal("deep.html", "<title>Deep</title><h1>Deep</h1>" + "<div>".repeat(100_000) + "text");
    assertEquals("the HTML nests elements 100,003 deep, over the limit of 512", e.getMessage());
  }

  @Test
  void html_with_more_tags_than_the_limit_is_refused_before_parsing() throws Exception {
    SkippedDocumentException e = refusal("many.html", "<h1>Many</h1>" + "<p>x".repeat(BoundedHtml.MAX_TAGS - 1));
    assertEquals("the HTML has 200,001 tags, over the limit of 200,000", e.getMessage());
  }

  @Test
  void html_nested_as_deep_as_the_limit_still_loads_in_order() throws Exception {
    Path file = tmp.resolve("nested.html");
    Files.writeString(file, "<h1>Nested</h1><p>First.</p>" + "<div>".repeat(500) + "<p>Deep.</p>" + "</div>".repeat(500)
        + "<p>Last.</p>");
    assertEquals(List.of(Block.heading(1, "Nested"), Block.paragraph("First."), Block.paragraph("Deep."),
        Block.paragraph("Last.")), reader.load(file).blocks());
  }

  static String nestedList(int levels) {
    return "# Nested\n\n"
        + IntStream.range(0, levels).mapToObj(i -> "  ".repeat(i) + "- a\n").collect(Collectors.joining());
  }

  @Test
  void markdown_lists_or_quotes_nested_past_the_limit_are_refused_by_the_limit_every_time() throws Exception {
    String reason = "the Markdown nests lists or quotes more than 50 levels deep";
    for (int run = 0; run < 3; run++) {
      assertEquals(reason, refusal("deep2.md", nestedList(2000)).getMessage(), "the same on every run");
    }
    assertEquals(reason, refusal("list.md", nestedList(MarkdownNesting.MAX_DEPTH + 1)).getMessage());
    assertEquals(reason, refusal("quotes.md", "# Q\n\n" + ">".repeat(51) + " a\n").getMessage());
    assertEquals(reason, refusal("markers.md", "# M\n\n" + "- ".repeat(51) + "a\n").getMessage());
    assertEquals(reason, refusal("mixed.md", "# M\n\n" + "> 1. ".repeat(26) + "a\n").getMessage());
  }

  @Test
  void markdown_nested_as_deep_as_the_limit_still_loads() throws Exception {
    assertEquals(MarkdownNesting.MAX_DEPTH, MarkdownNesting.depth(nestedList(MarkdownNesting.MAX_DEPTH)));
    Files.writeString(tmp.resolve("fifty.md"), nestedList(MarkdownNesting.MAX_DEPTH));
    assertEquals("Nested", reader.load(tmp.resolve("fifty.md")).metadata().title());
    assertEquals(4, MarkdownNesting.depth("- a\n  - b\n    > - c\n- d\n\n1. e\n   1. f\n"), "nested lists and a quote");
    assertEquals(1, MarkdownNesting.depth("- a\n- b\n\n- c\n"), "items side by side are one level");
    assertEquals(0, MarkdownNesting.depth("```\n" + "> ".repeat(60) + "\n```\n"), "code nests nothing");
  }

  @Test
  void markdown_nested_too_deeply_for_the_parser_is_refused_not_a_stack_overflow() throws Exception {
    SkippedDocumentException e = refusal("deep.md", "# Deep\n\n" + "*".repeat(100_000) + "text" + "*".repeat(100_000));
    assertEquals("the Markdown nests quotes, lists or emphasis too deeply to read", e.getMessage());
  }
  @Test
  void front_matter_nested_ten_thousand_deep_is_read_leniently_not_a_stack_overflow() throws Exception {
    String indented = IntStream.range(0, 300).mapToObj(i -> " ".repeat(i) + "k" + i + ":")
        .collect(Collectors.joining("\n"));
    for (String nested : List.of("x: " + "[".repeat(10_000) + "]".repeat(10_000), "x: " + "{a: ".repeat(10_000)
        + "1" + "}".repeat(10_000), indented)) {
      Files.writeString(tmp.resolve("yd.md"), "---\ntitle: YD\n" + nested + "\n---\n# YD\n\nRefer the same day.\n");
      assertEquals("YD", reader.load(tmp.resolve("yd.md")).metadata().title(), nested.substring(0, 12));
    }
    assertEquals("the Markdown nests lists or quotes more than 50 levels deep",
        refusal("dashes.md", "---\ntitle: YD\nx:\n" + "- ".repeat(10_000) + "a\n---\n# YD\n\nText.\n").getMessage());
    assertEquals(true, YamlFrontMatter.tooDeep("x:\n" + "- ".repeat(40) + "a"));
    assertEquals(false, YamlFrontMatter.tooDeep("title: T\nthemes:\n  - a\n  - \"b [c\"\nx: [[1, 2], {a: [3]}]\n"));
  }
  @Test
  void a_file_of_more_lines_than_the_limit_is_refused_before_parsing_and_one_at_the_limit_loads() throws Exception {
    assertEquals("the file has 5,000,002 lines, over the limit of 100,000: split it into several documents",
        refusal("many.txt", "Title line\n\n" + "a\n\n".repeat(2_500_000)).getMessage());
    assertEquals("the file has 100,001 lines, over the limit of 100,000: split it into several documents",
        refusal("list.md", "# List\n" + "- a\n".repeat(99_999) + "- b").getMessage());
    Files.writeString(tmp.resolve("limit.md"), "# List\n" + "- a\r\n".repeat(99_998) + "- b");
    assertEquals("List", reader.load(tmp.resolve("limit.md")).metadata().title());
  }

  @Test
  void markdown_with_more_angle_brackets_than_the_parser_reads_quickly_is_refused() throws Exception {
    assertEquals("the Markdown has 200,000 '<' characters, over the limit of 10,000: upload a page of HTML as .html",
        refusal("ltgt.md", "---\ntitle: LT\n---\n# LT\n\nokapi " + "<a".repeat(200_000) + "\n").getMessage());
    Files.writeString(tmp.resolve("some.md"), "# Some\n\nText " + "<a".repeat(10_000) + "\n");
    assertEquals("Some", reader.load(tmp.resolve("some.md")).metadata().title());
  }
}
