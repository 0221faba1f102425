package uk.safeguarding.guidance.curate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import uk.safeguarding.guidance.corpus.CorpusReader;
import uk.safeguarding.guidance.corpus.DocumentMetadata;

/** Upload preparation is pure: these tests give it a corpus folder that does not exist. */
class UploadPreparerTest {

  private static final Path NOWHERE = Path.of("target", "no-such-corpus-folder");
  private final UploadPreparer preparer = new UploadPreparer(CorpusReader.standard(), NOWHERE, 1 << 20);

  private static Upload upload(String name, String text, MetadataForm form) {
    return new Upload(name, text.getBytes(StandardCharsets.UTF_8), form);
  }

  private static MetadataForm form(String id, String title, String date) {
    return new MetadataForm(id, title, null, null, date, null, null, null);
  }

  @Test
  void markdown_keeps_its_body_under_front_matter_from_the_form_and_its_own_keys() {
    PreparedUpload p =
        preparer.prepare(upload("notes.md", "---\ntitle: Old\nreviewed: yes\n---\n\n# Old\n\nBody text.\n",
            form(null, "New title", "2024-03")), null, true);
    assertEquals("---\nid: \"new-title\"\ntitle: \"New title\"\ndate: \"2024-03\"\nreviewed: \"yes\"\n---\n\n"
        + "# Old\n\nBody text.\n", new String(p.bytes(), StandardCharsets.UTF_8));
    assertEquals(new IdChoice("new-title", IdChoice.FROM_TITLE), p.id());
    assertEquals("new-title.md", p.fileName());
    assertEquals(NOWHERE.resolve("new-title.md"), p.document().path());
    assertEquals("New title", p.document().metadata().title());
    assertNull(p.original(), "Markdown is stored as sent");
  }

  @Test
  void the_id_is_typed_then_the_files_own_then_from_the_title_then_from_the_file_name() {
    assertEquals(new IdChoice("mine", IdChoice.TYPED),
        preparer.prepare(upload("a.md", "---\nid: theirs\n---\n# T\n\nText.", form("mine", null, null)), null, true)
            .id());
    assertEquals(new IdChoice("theirs", IdChoice.FROM_FILE),
        preparer.prepare(upload("a.md", "---\nid: theirs\n---\n# T\n\nText.", MetadataForm.EMPTY), null, true).id());
    assertEquals(new IdChoice("t", IdChoice.FROM_TITLE),
        preparer.prepare(upload("a.md", "# T\n\nText.", form(null, "T", null)), null, true).id());
    assertEquals(new IdChoice("heading-title", IdChoice.FROM_TITLE),
        preparer
            .prepare(upload("Briefing Notes (final).md", "# Heading title\n\nText.", MetadataForm.EMPTY), null, true)
            .id(),
        "a title read from the document's first heading is a better id than the file's name");
  }

  @Test
  void a_replaced_document_keeps_its_id_and_lends_its_metadata_to_fields_the_upload_lacks() {
    DocumentMetadata current = new DocumentMetadata("injuries", "Injuries", "Riverside", "procedure", "2020", "",
        List.of("bruising"), "");
    PreparedUpload p = preparer.prepare(upload("new.md", "---\nid: other\n---\n\nNew text about bruises.",
        form("ignored", null, null)), current, true);
    assertEquals(new IdChoice("injuries", IdChoice.KEPT), p.id());
    DocumentMetadata m = p.document().metadata();
    assertEquals(List.of("Injuries", "Riverside", "procedure", "2020", List.of("bruising")),
        List.of(m.title(), m.organisation(), m.documentType(), m.date(), m.themes()));
  }

  @Test
  void a_replacing_file_does_not_overwrite_the_documents_curated_metadata_unless_the_form_says_so() {
    DocumentMetadata current = new DocumentMetadata("bath-seats", "Bath seats", "Riverside Partnership", "briefing",
        "2021", "", List.of("drowning"), "");
    String html = "<html><head><title>Bath seats</title><meta name=\"author\" content=\"Eastvale Council\">"
        + "<meta name=\"keywords\" content=\"water safety\"></head><body><h1>Bath seats</h1>"
        + "<p>Never leave a baby in a bath seat.</p></body></html>";
    DocumentMetadata kept = preparer.prepare(upload("v2.html", html, form(null, "Bath seats", null)), current, true)
        .document().metadata();
    assertEquals(List.of("Riverside Partnership", "briefing", "2021", List.of("drowning")),
        List.of(kept.organisation(), kept.documentType(), kept.date(), kept.themes()));
    MetadataForm typed = new MetadataForm(null, null, "Eastvale Council", null, null, null, null, null);
    assertEquals("Eastvale Council",
        preparer.prepare(upload("v2.html", html, typed), current, true).document().metadata().organisation());
  }

  @Test
  void a_cleared_field_stays_empty_where_the_file_itself_would_fill_it() {
    String html = "<html><head><title>Bath seats</title><meta name=\"author\" content=\"Eastvale Council\">"
        + "<meta name=\"keywords\" content=\"water safety\"></head><body><h1>Bath seats</h1>"
        + "<p>Never leave a baby in a bath seat.</p></body></html>";
    PreparedUpload first = preparer.prepare(upload("bath.html", html, MetadataForm.EMPTY), null, true);
    assertEquals(List.of("Eastvale Council", List.of("water safety")),
        List.of(first.document().metadata().organisation(), first.document().metadata().themes()));
    MetadataForm clear = new MetadataForm(null, null, "", null, null, null, MetadataForm.themes(""), null);
    PreparedUpload cleared = preparer.prepare(upload("bath.html", text(first), clear),
        first.document().metadata(), false);
    assertEquals(List.of("", List.of()),
        List.of(cleared.document().metadata().organisation(), cleared.document().metadata().themes()));
    assertEquals(true, text(cleared).contains("<meta name=\"organisation\" content=\"\">"), text(cleared));
    PreparedUpload retitled = preparer.prepare(upload("bath.html", text(cleared), form(null, "Bath seats 2", null)),
        cleared.document().metadata(), false);
    assertEquals(List.of("Bath seats 2", "", List.of()), List.of(retitled.document().metadata().title(),
        retitled.document().metadata().organisation(), retitled.document().metadata().themes()),
        "a later edit of another field keeps the cleared ones empty");

    PreparedUpload dated = preparer.prepare(upload("note.md", "# Note\n\nPublished March 2021.\n\nRefer the same day.",
        MetadataForm.EMPTY), null, true);
    assertEquals("2021-03", dated.document().metadata().date());
    PreparedUpload undated = preparer.prepare(upload("note.md", text(dated), form(null, null, "")),
        dated.document().metadata(), false);
    assertEquals("", undated.document().metadata().date());
    assertEquals(true, text(undated).contains("date: \"\"\n"), text(undated));
    PreparedUpload redated = preparer.prepare(upload("note.md", text(undated), form(null, null, "2022")),
        undated.document().metadata(), false);
    assertEquals("2022", redated.document().metadata().date());
    assertEquals(false, text(redated).contains("date: \"\""), "a value given again is no longer cleared");
  }

  @Test
  void a_title_cannot_be_cleared() {
    Rejected r = assertThrows(Rejected.class,
        () -> preparer.prepare(upload("a.md", "# T\n\nText.", form(null, "  ", null)), null, true));
    assertEquals("title", r.parameter());
    assertEquals("The parameter 'title' must not be empty: a document needs a title.", r.getMessage());
  }

  private static String text(PreparedUpload p) {
    return new String(p.bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void html_keeps_its_markup_with_the_metadata_in_meta_tags_and_its_original() {
    String html = "<html><head><title>Page</title><meta name=\"organization\" content=\"Board\"></head>"
        + "<body><h1>Page</h1><p>Refer the same day.</p></body></html>";
    PreparedUpload p = preparer.prepare(upload("page.html", html, form(null, "Page", null)), null, true);
    String stored = new String(p.bytes(), StandardCharsets.UTF_8);
    assertEquals(true, stored.contains("<meta name=\"organisation\" content=\"Board\">"), stored);
    assertEquals("Board", p.document().metadata().organisation());
    assertArrayEquals(html.getBytes(StandardCharsets.UTF_8), p.original());
  }

  @Test
  void a_file_without_any_title_is_refused_naming_the_title() {
    Rejected r = assertThrows(Rejected.class,
        () -> preparer.prepare(upload("untitled.txt", "just some words without a title line.", MetadataForm.EMPTY),
            null, true));
    assertEquals("title", r.parameter());
    assertEquals("The parameter 'title' must not be empty: the file gives no title either.", r.getMessage());
  }

  @Test
  void form_values_are_checked_naming_the_field() {
    Rejected date = assertThrows(Rejected.class,
        () -> preparer.prepare(upload("a.md", "# T\n\nText.", form(null, null, "March 2024")), null, true));
    assertEquals("The parameter 'date' must be YYYY, YYYY-MM or YYYY-MM-DD, got 'March 2024'.", date.getMessage());
    Rejected reserved = assertThrows(Rejected.class,
        () -> preparer.prepare(upload("a.md", "# T\n\nText.", form("glossary", null, null)), null, true));
    assertEquals("id", reserved.parameter());
    Rejected big = assertThrows(Rejected.class, () -> new UploadPreparer(CorpusReader.standard(), NOWHERE, 10)
        .prepare(upload("a.md", "# T\n\nText over ten bytes.", MetadataForm.EMPTY), null, true));
    assertEquals(Rejected.Kind.TOO_LARGE, big.kind());
  }

  @Test
  void a_file_exactly_at_the_upload_limit_is_accepted_and_its_stored_form_loads_again() throws Exception {
    int limit = 1 << 20;
    String head = "# At the limit\n\n";
    String text = head + "w".repeat(limit - head.length());
    UploadPreparer preparer = new UploadPreparer(CorpusReader.forUploadsUpTo(limit), NOWHERE, limit);
    PreparedUpload p = preparer.prepare(upload("at-limit.txt", text, form(null, "At the limit", "2024")), null, true);
    assertEquals(true, p.bytes().length > limit, "the front matter makes the stored file larger than the upload");
    assertEquals("At the limit", CorpusReader.forUploadsUpTo(limit).parse(NOWHERE.resolve(p.fileName()), p.bytes())
        .metadata().title(), "a reindex reads the stored file back");
    Rejected over = assertThrows(Rejected.class,
        () -> preparer.prepare(upload("over.txt", text + "w", MetadataForm.EMPTY), null, true));
    assertEquals("The file 'over.txt' is 1048577 bytes, over the upload limit of 1 MB.", over.getMessage(),
        "the size named is the file's own");
  }

  @Test
  void a_text_over_five_million_characters_is_refused_before_it_is_read_whatever_the_upload_limit() {
    UploadPreparer roomy = new UploadPreparer(CorpusReader.forUploadsUpTo(64 << 20), NOWHERE, 64 << 20);
    String words = "neglect referral threshold ".repeat(CorpusReader.MAX_TEXT_CHARS / 27 + 1);
    for (String name : List.of("big.txt", "big.md", "big.html")) {
      Rejected r = assertThrows(Rejected.class, () -> roomy.prepare(upload(name, words, form(null, "Big", null)),
          null, true));
      assertEquals(Rejected.Kind.TOO_LARGE, r.kind());
      assertEquals("file", r.parameter());
      assertEquals("The file '" + name + "' has 5,000,022 characters, over the limit of 5,000,000 for one document: "
          + "split it into several documents.", r.getMessage());
    }
    String accented = "é".repeat(CorpusReader.MAX_TEXT_CHARS / 2);
    assertEquals(2_500_000, CorpusReader.utf8Chars(accented.getBytes(StandardCharsets.UTF_8)),
        "characters, not bytes, are counted");
  }

  @Test
  void a_windows_device_name_is_refused_as_an_id_however_it_is_given() {
    for (String id : List.of("con", "nul", "aux", "com1", "lpt9")) {
      Rejected r = assertThrows(Rejected.class,
          () -> preparer.prepare(upload("a.md", "# T\n\nText.", form(id, null, null)), null, true));
      assertEquals("id", r.parameter());
      assertEquals("The id '" + id + "' is a device name on Windows (con, prn, aux, nul, com0-9, lpt0-9), where no "
          + "file can have it; choose another.", r.getMessage());
    }
    Rejected fromTitle = assertThrows(Rejected.class,
        () -> preparer.prepare(upload("notes.md", "# Aux\n\nText.", form(null, "AUX", null)), null, true));
    assertEquals("aux", fromTitle.value());
    assertEquals("console-notes", preparer.prepare(upload("a.md", "# T\n\nText.", form("console-notes", null, null)),
        null, true).id().id());
  }

  @Test
  void a_form_value_with_an_invisible_or_half_character_is_refused_naming_the_field() {
    for (String title : List.of("Neglect \u202Eweiver", "Neglect\u2028review", "Neglect\u200Breview",
        "Neglect \uD800")) {
      Rejected r = assertThrows(Rejected.class,
          () -> preparer.prepare(upload("a.md", "# T\n\nText.", form(null, title, null)), null, true));
      assertEquals("title", r.parameter());
      assertEquals("The parameter 'title' must not contain control characters, line breaks, invisible formatting "
          + "characters or half a character.", r.getMessage());
    }
    assertEquals("Négligence — revue 😊", preparer.prepare(upload("a.md", "# T\n\nText.",
        form(null, "Négligence — revue 😊", null)), null, true).document().metadata().title());
  }

  @Test
  void a_year_before_1900_or_more_than_a_year_ahead_is_refused_naming_the_date() {
    int latest = java.time.Year.now(java.time.ZoneOffset.UTC).getValue() + 1;
    for (String date : List.of("0000", "1899-12-31", "2999", String.valueOf(latest + 1) + "-01")) {
      Rejected e = assertThrows(Rejected.class,
          () -> preparer.prepare(upload("a.md", "# T\n\nText.", form(null, null, date)), null, true));
      assertEquals("date", e.parameter());
      assertEquals("The parameter 'date' must be a real date (the year " + date.substring(0, 4) + " is outside 1900 to "
          + latest + "), got '" + date + "'.", e.getMessage());
    }
    assertEquals(latest + "-03", preparer.prepare(upload("a.md", "# T\n\nText.", form(null, null, latest + "-03")),
        null, true).document().metadata().date(), "next year's programme");
  }

  @Test
  void impossible_dates_are_refused_naming_the_date_whether_the_form_or_the_file_gives_them() {
    Map<String, String> refused = Map.of(
        "2024-13-45", "The parameter 'date' must be a real date (2024 has no month 13; months are 01 to 12), got "
            + "'2024-13-45'.",
        "2023-02-29", "The parameter 'date' must be a real date (February 2023 has 28 days, not 29), got '2023-02-29'.",
        "2024-99-99", "The parameter 'date' must be a real date (2024 has no month 99; months are 01 to 12), got "
            + "'2024-99-99'.",
        "2024-00", "The parameter 'date' must be a real date (2024 has no month 00; months are 01 to 12), got "
            + "'2024-00'.",
        "2024-04-31", "The parameter 'date' must be a real date (April 2024 has 30 days, not 31), got '2024-04-31'.");
    refused.forEach((date, message) -> {
      Rejected byForm = assertThrows(Rejected.class,
          () -> preparer.prepare(upload("a.md", "# T\n\nText.", form(null, null, date)), null, true));
      assertEquals("date", byForm.parameter());
      assertEquals(message, byForm.getMessage());
      Rejected byFile = assertThrows(Rejected.class, () -> preparer
          .prepare(upload("a.md", "---\ndate: " + date + "\n---\n# T\n\nText.", MetadataForm.EMPTY), null, true));
      assertEquals("date", byFile.parameter());
      assertEquals(message, byFile.getMessage());
    });
    for (String real : List.of("2024", "2024-02", "2024-02-29", "2023-12-31")) {
      assertEquals(real, preparer.prepare(upload("a.md", "# T\n\nText.", form(null, null, real)), null, true)
          .document().metadata().date());
    }
  }

  @Test
  void themes_over_the_limits_are_refused_naming_themes_whether_the_form_or_the_file_gives_them() {
    List<String> many = IntStream.range(0, DocumentMetadata.MAX_THEMES + 1).mapToObj(i -> "theme " + i).toList();
    Rejected byForm = assertThrows(Rejected.class, () -> preparer.prepare(upload("a.md", "# T\n\nText.",
        new MetadataForm(null, null, null, null, null, null, many, null)), null, true));
    assertEquals("themes", byForm.parameter());
    assertEquals("The parameter 'themes' must be at most 30 labels of at most 80 characters each: the themes are 31, "
        + "over the limit of 30.", byForm.getMessage());
    Rejected byFile = assertThrows(Rejected.class, () -> preparer.prepare(upload("a.md", "---\nthemes: "
        + String.join(", ", many) + "\n---\n# T\n\nText.", MetadataForm.EMPTY), null, true));
    assertEquals(byForm.getMessage(), byFile.getMessage());
    Rejected tooLong = assertThrows(Rejected.class, () -> preparer.prepare(upload("a.md", "# T\n\nText.",
        new MetadataForm(null, null, null, null, null, null, List.of("neglect", "z".repeat(81)), null)), null, true));
    assertEquals("themes", tooLong.parameter());
    List<String> most = many.subList(0, DocumentMetadata.MAX_THEMES);
    assertEquals(most, preparer.prepare(upload("a.md", "# T\n\nText.",
        new MetadataForm(null, null, null, null, null, null, most, null)), null, true).document().metadata().themes());
  }
}
