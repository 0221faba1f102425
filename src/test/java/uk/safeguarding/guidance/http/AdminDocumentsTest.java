package uk.safeguarding.guidance.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.TestApp;
import uk.safeguarding.guidance.corpus.PdfLoader;
import uk.safeguarding.guidance.curate.TestPdfs;

/** Curation through the API: uploads, previews, edits, replacements, deletes, and every kind of bad input. */
class AdminDocumentsTest {

  static final String BRIEFING = "# Home Visits\n\n## What you should do\n\n"
      + "See the child alone on every home visit, and record what the child says in their own words.\n\n"
      + "## Why it matters\n\nChildren rarely disclose harm in front of the adults who cause it, so practitioners must "
      + "create chances to talk privately and check the home conditions.\n";

  @TempDir
  Path corpus;
  @TempDir
  Path data;
  TestApp app;
  TestApp.Trainer alice;

  @BeforeEach
  void start() throws Exception {
    TestApp.copyMiniCorpus(corpus);
    app = new TestApp(TestApp.sparse(corpus, data).withMaxUploadMb(1));
    alice = app.signIn("alice", "correct horse battery");
  }

  @AfterEach
  void stop() {
    app.close();
  }

  TestApp.Response upload(Map<String, String> fields, String filename, byte[] content) throws Exception {
    return app.multipart(alice, "POST", "/api/admin/documents", TestApp.Multipart.of(fields, filename, content));
  }

  static Map<String, String> meta(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Waits until every asked-for build has finished; returns the status. */
  JsonObject awaitIndexed() throws Exception {
    for (int i = 0; i < 500; i++) {
      JsonObject s = app.as(alice, "GET", "/api/admin/reindex", null, null).json().getAsJsonObject();
      if (s.get("pending").getAsInt() == 0 && !s.get("state").getAsString().equals("indexing")) {
        return s;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the index did not settle");
  }

  void assertProblem(TestApp.Response r, int status, String parameter, String error) {
    assertEquals(status, r.status(), r.body());
    JsonObject o = r.json().getAsJsonObject();
    assertEquals(parameter, o.get("parameter").getAsString(), r.body());
    if (error != null) {
      assertEquals(error, o.get("error").getAsString());
    }
  }

  List<String> corpusFiles() throws Exception {
    try (Stream<Path> files = Files.list(corpus)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  // ---- uploads that work ----

  @Test
  void an_uploaded_markdown_document_is_stored_under_its_id_audited_and_searchable_after_reindex() throws Exception {
    TestApp.Response r = upload(meta("title", "Home Visits: Seeing the Child", "organisation", "Test Partnership",
        "type", "Practice Guidance", "date", "2024-05", "themes", "home visits, voice of the child",
        "source", "https://example.org/home-visits"), "visits.md", utf8(BRIEFING));
    assertEquals(201, r.status(), r.body());
    JsonObject change = r.json().getAsJsonObject();
    assertEquals("document.upload", change.get("action").getAsString());
    assertEquals("home-visits-seeing-the-child", change.get("target").getAsString());
    assertEquals("home-visits-seeing-the-child.md", change.get("file").getAsString());
    assertTrue(change.getAsJsonObject("reindex").has("pending"));

    String stored = Files.readString(corpus.resolve("home-visits-seeing-the-child.md"));
    assertTrue(stored.startsWith("---\nid: \"home-visits-seeing-the-child\"\ntitle: \"Home Visits: Seeing the Child\"\n"
        + "organisation: \"Test Partnership\"\ntype: \"Practice Guidance\"\ndate: \"2024-05\"\n"
        + "themes:\n  - \"home visits\"\n  - \"voice of the child\"\nsource: \"https://example.org/home-visits\"\n---\n\n"
        + "# Home Visits\n"), stored);

    awaitIndexed();
    JsonObject doc = app.get("/api/documents/home-visits-seeing-the-child").json().getAsJsonObject();
    assertEquals("Home Visits: Seeing the Child", doc.get("title").getAsString());
    assertEquals("practice guidance", doc.get("documentType").getAsString());
    assertEquals(2, doc.getAsJsonArray("passages").size());
    TestApp.Response search = app.get("/api/search?q=" + TestApp.enc("see the child alone"));
    assertEquals("home-visits-seeing-the-child",
        search.json().getAsJsonObject().getAsJsonArray("results").get(0).getAsJsonObject().get("docId").getAsString());

    JsonObject audit = app.as(alice, "GET", "/api/admin/audit", null, null).json().getAsJsonObject()
        .getAsJsonArray("entries").get(0).getAsJsonObject();
    assertEquals("alice", audit.get("actor").getAsString());
    assertEquals("document.upload", audit.get("action").getAsString());
    assertEquals("home-visits-seeing-the-child", audit.get("target").getAsString());
    assertEquals("home-visits-seeing-the-child.md: uploaded 'visits.md': 2 passages",
        audit.get("detail").getAsString());
  }

  @Test
  void a_preview_shows_metadata_and_passages_and_writes_nothing() throws Exception {
    List<String> before = corpusFiles();
    TestApp.Response r = app.multipart(alice, "POST", "/api/admin/preview",
        TestApp.Multipart.of(meta("title", "Home Visits", "date", "2024"), "visits.md", utf8(BRIEFING)));
    assertEquals(200, r.status(), r.body());
    JsonObject p = r.json().getAsJsonObject();
    assertEquals("home-visits", p.getAsJsonObject("document").get("id").getAsString());
    assertEquals("home-visits.md", p.getAsJsonObject("document").get("file").getAsString());
    assertEquals("2024", p.getAsJsonObject("document").get("date").getAsString());
    var passages = p.getAsJsonArray("passages");
    assertEquals(2, passages.size());
    JsonObject first = passages.get(0).getAsJsonObject();
    assertEquals("what-you-should-do", first.get("anchor").getAsString());
    assertEquals("Home Visits › What you should do", first.get("section").getAsString());
    assertEquals("See the child alone on every home visit, and record what the child says in their own words.",
        first.get("text").getAsString());
    assertEquals(before, corpusFiles());
    assertFalse(Files.exists(data.resolve("originals")));
  }

  @Test
  void a_preview_of_a_very_long_file_lists_its_first_passages_counts_them_all_and_warns() throws Exception {
    StringBuilder md = new StringBuilder("# Procedures Export\n\n");
    for (int i = 1; i <= 1600; i++) {
      md.append("## Step ").append(i).append("\n\nRecord what the child said at visit ").append(i).append(".\n\n");
    }
    TestApp.Response r = app.multipart(alice, "POST", "/api/admin/preview",
        TestApp.Multipart.of(meta(), "export.md", utf8(md.toString())));
    assertEquals(200, r.status());
    JsonObject p = r.json().getAsJsonObject();
    assertEquals(List.of(1600, 300, 3201, 2000), List.of(p.get("passageCount").getAsInt(),
        p.getAsJsonArray("passages").size(), p.get("blockCount").getAsInt(), p.getAsJsonArray("outline").size()));
    assertEquals("This file makes 1600 passages, more than 1500 (the whole library this server ships with makes 167): "
        + "publishing it takes minutes of indexing. Check it is one document of guidance, not several joined or a data "
        + "export. The preview lists the first 300.", p.getAsJsonArray("warnings").get(0).getAsString());
  }

  @Test
  void an_uploaded_pdf_becomes_a_text_file_with_front_matter_and_the_original_is_kept() throws Exception {
    byte[] pdf = TestPdfs.text("Ignored Info Title", List.of(List.of("Escalation Policy", "",
        "If you disagree with a decision about a child, speak to the worker first.",
        "If that does not resolve it, escalate to their manager within two working days.")));
    TestApp.Response r =
        upload(meta("title", "Resolving Professional Disagreements", "type", "procedure"), "escalation.pdf", pdf);
    assertEquals(201, r.status(), r.body());
    assertEquals("resolving-professional-disagreements.txt", r.json().getAsJsonObject().get("file").getAsString());
    String stored = Files.readString(corpus.resolve("resolving-professional-disagreements.txt"));
    assertTrue(stored.startsWith("---\nid: \"resolving-professional-disagreements\"\n"
        + "title: \"Resolving Professional Disagreements\"\ntype: \"procedure\"\n---\n\nEscalation Policy\n"), stored);
    assertTrue(stored.contains("escalate to their manager within two working days."), stored);
    assertTrue(Files.exists(data.resolve("originals/resolving-professional-disagreements.pdf")));
    awaitIndexed();
    assertEquals(200, app.get("/api/documents/resolving-professional-disagreements").status());
  }

  @Test
  void an_uploaded_html_document_keeps_its_markup_with_metadata_in_meta_tags() throws Exception {
    String html = "<html><head><title>Old</title><meta name=\"title\" content=\"Old title\"></head><body>"
        + "<nav>menu</nav><h1>Neglect Toolkit</h1><p>Use the graded care profile to assess neglect over time.</p></body></html>";
    TestApp.Response r = upload(meta("title", "Neglect Toolkit", "themes", "neglect"), "toolkit.html", utf8(html));
    assertEquals(201, r.status(), r.body());
    String stored = Files.readString(corpus.resolve("neglect-toolkit.html"));
    assertTrue(stored.contains("<meta name=\"title\" content=\"Neglect Toolkit\">"), stored);
    assertFalse(stored.contains("Old title"), stored);
    assertTrue(stored.contains("<p>Use the graded care profile to assess neglect over time.</p>"), stored);
  }

  @Test
  void a_cleared_organisation_stays_empty_though_the_pages_author_tag_names_one_and_a_title_cannot_be_cleared()
      throws Exception {
    String html = "<html><head><meta name=\"author\" content=\"Eastvale Council\"></head><body>"
        + "<h1>Bath Seats</h1><p>Never leave a baby alone in a bath seat.</p></body></html>";
    assertEquals(201, upload(meta("title", "Bath Seats"), "bath.html", utf8(html)).status());
    JsonObject doc = app.as(alice, "GET", "/api/admin/documents/bath-seats", null, null).json().getAsJsonObject();
    assertEquals("Eastvale Council", doc.get("organisation").getAsString());

    TestApp.Response cleared = app.asJson(alice, "PUT", "/api/admin/documents/bath-seats",
        "{\"version\": \"" + doc.get("version").getAsString() + "\", \"organisation\": \"\"}");
    assertEquals(200, cleared.status(), cleared.body());
    doc = app.as(alice, "GET", "/api/admin/documents/bath-seats", null, null).json().getAsJsonObject();
    assertEquals("", doc.get("organisation").getAsString());
    assertProblem(app.asJson(alice, "PUT", "/api/admin/documents/bath-seats",
        "{\"version\": \"" + doc.get("version").getAsString() + "\", \"title\": \" \"}"), 400, "title",
        "The parameter 'title' must not be empty: a document needs a title.");
    assertProblem(app.asJson(alice, "PUT", "/api/admin/documents/bath-seats",
        "{\"version\": \"" + doc.get("version").getAsString() + "\", \"title\": \"a\", \"title\": \"b\"}"), 400,
        "title", "The field 'title' is given more than once.");
  }

  // ---- bad input: a clear error, nothing written ----

  @Test
  void an_upload_with_a_field_it_does_not_take_is_refused_naming_it() throws Exception {
    assertProblem(upload(meta("title", "Colours", "colour", "red"), "colours.md", utf8("# Colours\n\nText.")), 400,
        "colour", "Unknown field 'colour'; known fields: date, file, fixes, id, organisation, period, source, themes, "
            + "title, type, version.");
    assertFalse(Files.exists(corpus.resolve("colours.md")));
  }

  @Test
  void an_unsupported_type_is_refused_naming_the_file() throws Exception {
    assertProblem(
        upload(meta("title", "Report"), "report.docx",
            Files.readAllBytes(Path.of("src/test/resources/fixtures/loaders/report.docx"))),
        400, "file",
        "Unsupported file type '.docx': upload Markdown (.md), HTML (.html), plain text (.txt) or PDF (.pdf).");
    assertProblem(upload(meta("title", "Run me"), "setup.exe", utf8("MZ")), 400, "file", null);
    assertProblem(upload(meta("title", "No extension"), "README", utf8("text")), 400, "file",
        "Unsupported file type 'README': upload Markdown (.md), HTML (.html), plain text (.txt) or PDF (.pdf).");
  }

  @Test
  void an_image_only_or_empty_pdf_is_refused_as_having_no_extractable_text() throws Exception {
    for (byte[] pdf : List.of(TestPdfs.imageOnly(), TestPdfs.empty())) {
      TestApp.Response r = upload(meta("title", "Scanned Report"), "scan.pdf", pdf);
      assertProblem(r, 400, "file", "The PDF 'scan.pdf' cannot be used: no extractable text: the PDF holds only images "
          + "or nothing (a scanned document needs OCR first).");
    }
    assertFalse(Files.exists(corpus.resolve("scanned-report.txt")));
  }

  @Test
  void a_file_named_pdf_that_is_not_a_pdf_is_refused() throws Exception {
    assertProblem(upload(meta("title", "Fake"), "fake.pdf", utf8("<html>not a pdf</html>")), 400, "file",
        "The PDF 'fake.pdf' cannot be used: not a PDF file (it does not start with %PDF-).");
  }

  @Test
  void fields_over_their_limit_beside_a_small_file_are_a_413_naming_field_not_the_file() throws Exception {
    byte[] small = utf8("# Small\n\nText here.\n");
    assertProblem(upload(meta("title", "x".repeat(199_000)), "small.md", small), 400, "title",
        "The parameter 'title' must be at most 500 characters.");
    assertProblem(upload(meta("title", "x".repeat(201_000)), "small.md", small), 413, "field",
        "The form's fields beside 'file' are over 200000 bytes together; a title is at most 500 characters.");
    assertProblem(upload(meta("title", "x".repeat(120_000), "source", "y".repeat(120_000)), "small.md", small), 413,
        "field", "The form's fields beside 'file' are over 200000 bytes together; a title is at most 500 characters.");
    assertFalse(Files.exists(corpus.resolve("small.md")));
  }

  @Test
  void a_file_over_the_upload_limit_is_refused_with_413() throws Exception {
    byte[] big = utf8("# Big\n\n" + "All work and no play. ".repeat(60_000)); // about 1.3 MB, the limit is 1 MB
    TestApp.Response r = upload(meta("title", "Big"), "big.md", big);
    assertProblem(r, 413, "file", null);
    assertTrue(r.json().getAsJsonObject().get("error").getAsString().contains("over the upload limit of 1 MB"),
        r.body());
    assertFalse(Files.exists(corpus.resolve("big.md")));
  }

  /** How many times the oversized upload is tried when the connection is reset before the answer is read. */
  private static final int RACE_ATTEMPTS = 5;

  @Test
  void a_much_larger_request_is_refused_before_it_is_read() throws Exception {
    byte[] huge = new byte[3 << 20];
    // The server answers after reading just over the limit and closes; a client still sending the rest can
    // see the connection reset before it reads the answer (a transport race, seen under load). Retried, bounded.
    TestApp.Response r = null;
    for (int attempt = 0; r == null && attempt < RACE_ATTEMPTS; attempt++) {
      try {
        r = upload(meta("title", "Huge"), "huge.md", huge);
      } catch (java.io.IOException reset) {
        if (attempt == RACE_ATTEMPTS - 1) {
          throw reset;
        }
      }
    }
    assertProblem(r, 413, "file", "The parameter 'file' is over the upload limit of 1 MB.");
  }

  @Test
  void a_duplicate_id_is_refused_with_409_unless_replacing() throws Exception {
    TestApp.Response r = upload(meta("id", "enquiries", "title", "Another"), "x.md",
        utf8("# Another\n\nSome words here for a passage."));
    assertProblem(r, 409, "id",
        "A document with id 'enquiries' already exists (enquiries.md): replace it, or choose another id.");
    String version = r.json().getAsJsonObject().get("currentVersion").getAsString();
    assertEquals(version, app.as(alice, "GET", "/api/admin/documents/enquiries", null, null).json().getAsJsonObject()
        .get("version").getAsString());
    Map<String, String> fields = meta("version", version, "title", "Enquiries, replaced");
    TestApp.Response replaced = app.multipart(alice, "PUT", "/api/admin/documents/enquiries/file",
        TestApp.Multipart.of(fields, "new.txt",
            utf8("Enquiries\n\nA replacement paragraph about section 47 enquiries.")));
    assertEquals(200, replaced.status(), replaced.body());
    assertEquals("enquiries.txt", replaced.json().getAsJsonObject().get("file").getAsString());
    assertFalse(Files.exists(corpus.resolve("enquiries.md")), "the old format's file went to the trash");
    try (Stream<Path> trash = Files.list(data.resolve("trash"))) {
      assertTrue(trash.anyMatch(p -> p.getFileName().toString().endsWith("-enquiries.md")));
    }
    awaitIndexed();
    assertEquals("Enquiries, replaced",
        app.get("/api/documents/enquiries").json().getAsJsonObject().get("title").getAsString());
  }

  @Test
  void a_missing_title_is_refused_naming_title() throws Exception {
    assertProblem(upload(meta(), "notes.txt", utf8("This paragraph has no title above it at all.")), 400, "title",
        "The parameter 'title' must not be empty: the file gives no title either.");
    assertProblem(upload(meta("title", "   "), "notes.md", utf8("Just a sentence.")), 400, "title", null);
  }

  @Test
  void a_title_from_the_file_itself_is_used_when_the_form_leaves_it_blank() throws Exception {
    TestApp.Response r =
        upload(meta("title", ""), "visits.md", utf8("---\ntitle: From Front Matter\n---\n\n" + BRIEFING));
    assertEquals(201, r.status(), r.body());
    assertEquals("from-front-matter", r.json().getAsJsonObject().get("target").getAsString());
  }

  @Test
  void malformed_html_is_accepted_when_it_yields_text_and_refused_when_it_yields_none() throws Exception {
    TestApp.Response ok = upload(meta("title", "Sloppy"), "sloppy.html",
        utf8("<h1>Sloppy</h1><p>Unclosed <b>tags and <i>nesting</b> still hold a sentence about neglect.<div>"));
    assertEquals(201, ok.status(), ok.body());
    assertProblem(
        upload(meta("title", "Broken"), "broken.html",
            utf8("<div><script>alert(1)</script><img src=x><table><tr><td></div")),
        400, "file", "The file 'broken.html' cannot be used: the file has no text (no paragraph or list).");
  }

  @Test
  void path_tricks_in_file_names_are_never_used_as_paths() throws Exception {
    for (String name : List.of("../../escape.md", "/etc/passwd.md", "C:\\Windows\\evil.md", "..\\..\\x.md")) {
      TestApp.Response r =
          upload(meta("title", "Trick " + Math.abs(name.hashCode())), name, utf8("# Trick\n\nA sentence of text."));
      assertEquals(201, r.status(), name + ": " + r.body());
      String file = r.json().getAsJsonObject().get("file").getAsString();
      assertTrue(file.matches("trick-\\d+\\.md"), file);
      assertTrue(Files.exists(corpus.resolve(file)));
    }
    assertFalse(Files.exists(corpus.getParent().resolve("escape.md")));
    assertFalse(Files.exists(corpus.getParent().getParent().resolve("escape.md")));
    assertProblem(upload(meta("id", "../evil", "title", "Evil"), "a.md", utf8("# Evil\n\nText.")), 400, "id",
        "The parameter 'id' must be a slug: lowercase letters, digits and single hyphens, at most 120 characters, got '../evil'.");
    assertProblem(upload(meta("id", "/etc/passwd", "title", "Evil"), "a.md", utf8("# Evil\n\nText.")), 400, "id", null);
    assertProblem(upload(meta("id", "readme", "title", "Read me"), "a.md", utf8("# Read me\n\nText.")), 400, "id",
        "The id 'readme' is reserved for the corpus folder's own files (answer-examples.txt, glossary.txt, "
            + "readme.md, synonyms.txt, urgency-examples.txt); choose another.");
    assertProblem(upload(meta("title", "Synonyms"), "synonyms.txt", utf8("Synonyms\n\nText here.")), 400, "id", null);
    // Jetty refuses a part header with other control characters before the curator sees it.
    assertProblem(upload(meta("title", "Control"), "bad\u0001name.md", utf8("# C\n\nText.")), 400, "body", null);
  }

  @Test
  void compressed_bombs_are_refused() throws Exception {
    byte[] pdfBomb = TestPdfs.bomb(PdfLoader.MAX_DECODED_BYTES + (1 << 20));
    assertTrue(pdfBomb.length < 1 << 20);
    assertProblem(upload(meta("title", "Bomb"), "bomb.pdf", pdfBomb), 400, "file",
        "The PDF 'bomb.pdf' cannot be used: the PDF expands to more than 64 MB when decompressed (a compression bomb?).");

    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(zip)) {
      z.putNextEntry(new ZipEntry("word/document.xml"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 100; i++) {
        z.write(zeros); // 100 MB of zeros in about 100 KB
      }
      z.closeEntry();
    }
    assertTrue(zip.size() < 1 << 20);
    assertProblem(upload(meta("title", "Zip bomb"), "bomb.docx", zip.toByteArray()), 400, "file", null);
    assertProblem(upload(meta("title", "Zip bomb"), "bomb.md", zip.toByteArray()), 400, "file",
        "The file 'bomb.md' is not text: it contains NUL bytes.");
  }

  @Test
  void text_that_is_not_utf8_is_refused() throws Exception {
    assertProblem(
        upload(meta("title", "Latin"), "latin.txt", "Caf\u00e9 cr\u00e8me".getBytes(StandardCharsets.ISO_8859_1)),
        400, "file", "The file 'latin.txt' is not UTF-8 text; save it as UTF-8 and try again.");
  }

  @Test
  void bad_metadata_fields_are_refused_naming_them() throws Exception {
    assertProblem(upload(meta("title", "Dated", "date", "May 2024"), "d.md", utf8(BRIEFING)), 400, "date",
        "The parameter 'date' must be YYYY, YYYY-MM or YYYY-MM-DD, got 'May 2024'.");
    assertProblem(upload(meta("title", "Linked", "source", "javascript:alert(1)"), "l.md", utf8(BRIEFING)), 400,
        "source",
        "The parameter 'source' must be a web address starting http:// or https://.");
    assertProblem(
        app.multipart(alice, "POST", "/api/admin/documents",
            TestApp.Multipart.of(meta("title", "No file"), null, null)),
        400, "file", "The parameter 'file' must be a file; none was sent.");
    assertProblem(upload(meta("title", "Empty"), "empty.md", new byte[0]), 400, "file",
        "The file 'empty.md' is empty.");
  }

  // ---- edits, versions, deletes ----

  @Test
  void editing_metadata_keeps_the_text_and_needs_the_current_version() throws Exception {
    JsonObject doc = app.as(alice, "GET", "/api/admin/documents/injuries", null, null).json().getAsJsonObject();
    String version = doc.get("version").getAsString();
    String before = Files.readString(corpus.resolve("injuries.md"));
    String body = before.substring(before.indexOf("\n---", 3) + 4).strip();

    assertProblem(app.asJson(alice, "PUT", "/api/admin/documents/injuries", "{\"title\": \"New\"}"), 400, "version",
        null);
    TestApp.Response ok = app.asJson(alice, "PUT", "/api/admin/documents/injuries",
        "{\"version\": \"" + version
            + "\", \"title\": \"Injuries in Babies\", \"themes\": [\"physical abuse\", \"babies\"], \"date\": \"2023\"}");
    assertEquals(200, ok.status(), ok.body());
    String after = Files.readString(corpus.resolve("injuries.md"));
    assertTrue(after.contains("title: \"Injuries in Babies\""), after);
    assertTrue(after.contains("themes:\n  - \"physical abuse\"\n  - \"babies\"\n"), after);
    assertTrue(after.endsWith(body + "\n"), "the text is unchanged");

    TestApp.Response stale = app.asJson(alice, "PUT", "/api/admin/documents/injuries",
        "{\"version\": \"" + version + "\", \"title\": \"Lost update\"}");
    assertProblem(stale, 409, "version",
        "Someone else changed this since you loaded it: reload, check their change, and save again.");
    assertEquals(ok.json().getAsJsonObject().get("version").getAsString(),
        stale.json().getAsJsonObject().get("currentVersion").getAsString());
    assertProblem(app.asJson(alice, "PUT", "/api/admin/documents/injuries",
        "{\"version\": \"" + ok.json().getAsJsonObject().get("version").getAsString() + "\", \"id\": \"renamed\"}"),
        400, "id", null);
    assertProblem(app.asJson(alice, "PUT", "/api/admin/documents/nope", "{\"version\": \"x\"}"), 404, "id",
        "No document with id 'nope'.");
  }

  @Test
  void an_edit_or_preview_with_an_impossible_date_is_refused_naming_the_date() throws Exception {
    String version = app.as(alice, "GET", "/api/admin/documents/injuries", null, null).json().getAsJsonObject()
        .get("version").getAsString();
    String before = Files.readString(corpus.resolve("injuries.md"));
    for (String date : List.of("2024-13-45", "2024-02-30")) {
      TestApp.Response r = app.asJson(alice, "PUT", "/api/admin/documents/injuries",
          "{\"version\": \"" + version + "\", \"date\": \"" + date + "\"}");
      assertProblem(r, 400, "date", null);
      assertTrue(r.json().getAsJsonObject().get("error").getAsString().startsWith("The parameter 'date' must be a "
          + "real date ("), r.body());
    }
    assertEquals(before, Files.readString(corpus.resolve("injuries.md")), "nothing was written");
    assertProblem(app.multipart(alice, "POST", "/api/admin/preview",
        TestApp.Multipart.of(meta("title", "Dated", "date", "2024-99-99"), "d.md", utf8(BRIEFING))), 400, "date",
        "The parameter 'date' must be a real date (2024 has no month 99; months are 01 to 12), got '2024-99-99'.");
  }

  @Test
  void an_edit_with_twenty_thousand_themes_or_an_overlong_one_is_refused_naming_themes() throws Exception {
    String version = app.as(alice, "GET", "/api/admin/documents/injuries", null, null).json().getAsJsonObject()
        .get("version").getAsString();
    StringBuilder themes = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      themes.append(i == 0 ? "" : ", ").append("\"theme ").append(i).append('"');
    }
    assertProblem(app.asJson(alice, "PUT", "/api/admin/documents/injuries",
        "{\"version\": \"" + version + "\", \"themes\": [" + themes + "]}"), 400, "themes",
        "The parameter 'themes' must be at most 30 labels of at most 80 characters each: the themes are 20000, over "
            + "the limit of 30.");
    assertProblem(app.asJson(alice, "PUT", "/api/admin/documents/injuries",
        "{\"version\": \"" + version + "\", \"themes\": \"neglect, " + "w".repeat(81) + "\"}"), 400, "themes", null);
    TestApp.Response ok = app.asJson(alice, "PUT", "/api/admin/documents/injuries",
        "{\"version\": \"" + version + "\", \"themes\": \"neglect, babies\"}");
    assertEquals(200, ok.status(), ok.body());
  }

  @Test
  void unknown_or_mistyped_fields_and_repeated_parts_are_refused_naming_them() throws Exception {
    String version = app.as(alice, "GET", "/api/admin/documents/injuries", null, null).json().getAsJsonObject()
        .get("version").getAsString();
    assertProblem(app.asJson(alice, "PUT", "/api/admin/documents/injuries",
        "{\"version\": \"" + version + "\", \"colour\": \"red\"}"), 400, "colour",
        "Unknown parameter 'colour'; known parameters: date, id, organisation, period, source, themes, title, type, "
            + "version.");
    assertProblem(app.asJson(alice, "PUT", "/api/admin/synonyms", "{\"version\": \"x\", \"txt\": \"a, b\"}"), 400,
        "txt", "Unknown parameter 'txt'; known parameters: text, version.");
    assertProblem(upload(meta("title", "Fixed", "fixes", "[{\"op\": \"drop\", \"block\": \"1\"}]"), "f.md",
        utf8(BRIEFING)), 400, "block", "The parameter 'block' must be a whole number.");
    assertProblem(upload(meta("title", "Fixed", "fixes", "[{\"op\": \"drop\", \"block\": 1, \"blok\": 2}]"), "f.md",
        utf8(BRIEFING)), 400, "fixes", "Unknown field 'blok' in a fix; a fix has block, heading, level, op.");

    String boundary = "----twofiles";
    String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\n"
        + "Content-Type: text/markdown\r\n\r\n" + BRIEFING + "\r\n";
    byte[] twoFiles = utf8(String.format(part, "a.md") + String.format(part, "b.md") + "--" + boundary + "--\r\n");
    assertProblem(app.multipart(alice, "POST", "/api/admin/documents", new TestApp.Multipart(
        "multipart/form-data; boundary=" + boundary, java.net.http.HttpRequest.BodyPublishers.ofByteArray(twoFiles))),
        400, "file", "The parameter 'file' must be one file; 2 were sent.");
    String title = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n%s\r\n";
    byte[] twoTitles = utf8(String.format(title, "One") + String.format(title, "Two") + String.format(part, "a.md")
        + "--" + boundary + "--\r\n");
    assertProblem(app.multipart(alice, "POST", "/api/admin/documents", new TestApp.Multipart(
        "multipart/form-data; boundary=" + boundary, java.net.http.HttpRequest.BodyPublishers.ofByteArray(twoTitles))),
        400, "title", "The parameter 'title' must be sent once; 2 were sent.");
    assertEquals(List.of("enquiries.md", "injuries.md"), corpusFiles().stream().filter(f -> f.endsWith(".md")).toList(),
        "nothing was written");
  }

  @Test
  void two_trainers_saving_the_same_version_at_once_get_one_success_and_one_conflict() throws Exception {
    TestApp.Trainer bob = app.signIn("bob", "another long password");
    String version = app.as(alice, "GET", "/api/admin/documents/enquiries", null, null).json().getAsJsonObject()
        .get("version").getAsString();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<TestApp.Response>> saves = new ArrayList<>();
      for (TestApp.Trainer t : List.of(alice, bob)) {
        Callable<TestApp.Response> save = () -> {
          go.await();
          return app.asJson(t, "PUT", "/api/admin/documents/enquiries",
              "{\"version\": \"" + version + "\", \"organisation\": \"Saved by " + (t == alice ? "alice" : "bob")
                  + "\"}");
        };
        saves.add(pool.submit(save));
      }
      go.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<TestApp.Response> f : saves) {
        statuses.add(f.get().status());
      }
      statuses.sort(null);
      assertEquals(List.of(200, 409), statuses);
    } finally {
      pool.shutdownNow();
    }
    String stored = Files.readString(corpus.resolve("enquiries.md"));
    assertTrue(stored.contains("organisation: \"Saved by alice\"") ^ stored.contains("organisation: \"Saved by bob\""),
        stored);
  }

  @Test
  void deleting_moves_the_file_to_the_trash_and_the_document_leaves_the_library() throws Exception {
    String version = app.as(alice, "GET", "/api/admin/documents/injuries", null, null).json().getAsJsonObject()
        .get("version").getAsString();
    byte[] original = Files.readAllBytes(corpus.resolve("injuries.md"));
    assertProblem(app.as(alice, "DELETE", "/api/admin/documents/injuries?version=stale", null, null), 409, "version",
        null);
    TestApp.Response r = app.as(alice, "DELETE", "/api/admin/documents/injuries?version=" + version, null, null);
    assertEquals(200, r.status(), r.body());
    assertFalse(Files.exists(corpus.resolve("injuries.md")));
    Path trashed = data.resolve(r.json().getAsJsonObject().get("file").getAsString());
    assertTrue(trashed.getFileName().toString().endsWith("-injuries.md"), trashed.toString());
    assertEquals(new String(original, StandardCharsets.UTF_8), Files.readString(trashed));
    awaitIndexed();
    assertEquals(404, app.get("/api/documents/injuries").status());
    JsonObject audit = app.as(alice, "GET", "/api/admin/audit?limit=1", null, null).json().getAsJsonObject()
        .getAsJsonArray("entries").get(0).getAsJsonObject();
    assertEquals("document.delete", audit.get("action").getAsString());
    assertEquals("injuries", audit.get("target").getAsString());
  }

  @Test
  void synonyms_are_saved_with_a_version_check_and_refused_when_they_do_not_parse() throws Exception {
    JsonObject syn = app.as(alice, "GET", "/api/admin/synonyms", null, null).json().getAsJsonObject();
    String version = syn.get("version").getAsString();
    String text = syn.get("text").getAsString() + "\nhome visit, house call\n";
    JsonObject body = new JsonObject();
    body.addProperty("version", version);
    body.addProperty("text", "a => \n");
    assertProblem(app.asJson(alice, "PUT", "/api/admin/synonyms", body.toString()), 400, "text", null);
    for (String slip : new String[] {"=> dog", "x", "a, ,"}) {
      body.addProperty("text", "nai, non accidental injury\n" + slip + "\n");
      assertProblem(app.asJson(alice, "PUT", "/api/admin/synonyms", body.toString()), 400, "text",
          "Line 2 of the synonyms does not make a rule: '" + slip + "'. Write 'a, b' for words with the same "
              + "meaning, or 'a => b' for a word to search as another.");
    }
    String huge = "okapi, " + java.util.stream.IntStream.range(0, 2000).mapToObj(i -> "zq" + i + " alpha" + i)
        .collect(java.util.stream.Collectors.joining(", "));
    body.addProperty("text", "nai, non accidental injury\n" + huge + "\n");
    assertProblem(app.asJson(alice, "PUT", "/api/admin/synonyms", body.toString()), 400, "text",
        "Line 2 of the synonyms has 2001 words or phrases; a rule may have at most 32. Split it into rules of words "
            + "that truly mean the same.");
    body.addProperty("text", "nai, non accidental injury\na => b => c\n");
    TestApp.Response twice = app.asJson(alice, "PUT", "/api/admin/synonyms", body.toString());
    assertEquals(400, twice.status(), twice.body());
    assertTrue(twice.json().getAsJsonObject().get("error").getAsString().endsWith(" at line 2: 'a => b => c'"),
        twice.body());
    body.addProperty("text", text);
    TestApp.Response ok = app.asJson(alice, "PUT", "/api/admin/synonyms", body.toString());
    assertEquals(200, ok.status(), ok.body());
    assertEquals(text, Files.readString(corpus.resolve("synonyms.txt")));
    assertProblem(app.asJson(alice, "PUT", "/api/admin/synonyms", body.toString()), 409, "version", null);
    awaitIndexed();
    assertEquals(6, app.get("/health").json().getAsJsonObject().get("synonymRules").getAsInt());
  }

  @Test
  void the_glossary_is_created_when_missing_and_each_line_is_checked() throws Exception {
    JsonObject g = app.as(alice, "GET", "/api/admin/glossary", null, null).json().getAsJsonObject();
    assertEquals("", g.get("text").getAsString());
    JsonObject body = new JsonObject();
    body.addProperty("version", g.get("version").getAsString());
    body.addProperty("text", "LADO: Local Authority Designated Officer\nnonsense line\n");
    assertProblem(app.asJson(alice, "PUT", "/api/admin/glossary", body.toString()), 400, "text",
        "Line 2 of the glossary must read 'TERM: what it stands for'.");
    body.addProperty("text", "CSE: Child Sexual Exploitation\n# a comment\ncse: Something else entirely\n");
    assertProblem(app.asJson(alice, "PUT", "/api/admin/glossary", body.toString()), 400, "text",
        "Line 3 of the glossary defines 'cse' again (first on line 1); keep one definition.");
    body.addProperty("text", "LADO: Local Authority Designated Officer\n");
    assertEquals(200, app.asJson(alice, "PUT", "/api/admin/glossary", body.toString()).status());
    assertEquals("LADO: Local Authority Designated Officer\n", Files.readString(corpus.resolve("glossary.txt")));
  }

  @Test
  void the_teaching_examples_are_edited_like_the_glossary_and_each_line_is_checked() throws Exception {
    JsonObject a = app.as(alice, "GET", "/api/admin/answer-examples", null, null).json().getAsJsonObject();
    assertEquals("", a.get("text").getAsString());
    assertEquals("answer-examples.txt", a.get("file").getAsString());
    JsonObject body = new JsonObject();
    body.addProperty("version", a.get("version").getAsString());
    body.addProperty("text", "# wrong answers\ndecline: what does the Mental Capacity Act say?\nmaybe: this\n");
    assertProblem(app.asJson(alice, "PUT", "/api/admin/answer-examples", body.toString()), 400, "text",
        "The examples do not parse: answer-examples.txt line 3: start with \"answer:\" or \"decline:\".");
    body.addProperty("text", "answer: dad not in the assessment => Fathers were not included.\n");
    assertEquals(200, app.asJson(alice, "PUT", "/api/admin/answer-examples", body.toString()).status());
    assertEquals("answer: dad not in the assessment => Fathers were not included.\n",
        Files.readString(corpus.resolve("answer-examples.txt")));
    JsonObject u = app.as(alice, "GET", "/api/admin/urgency-examples", null, null).json().getAsJsonObject();
    body.addProperty("version", u.get("version").getAsString());
    body.addProperty("text", "urgent: the 4yo is alone by the canal => now\n");
    assertProblem(app.asJson(alice, "PUT", "/api/admin/urgency-examples", body.toString()), 400, "text",
        "The examples do not parse: urgency-examples.txt line 1: a \"urgent:\" line takes no sentence; remove "
            + "\"=> …\".");
    body.addProperty("text", "urgent: the 4yo is alone by the canal\ncalm: what did the review say about canals?\n");
    assertEquals(200, app.asJson(alice, "PUT", "/api/admin/urgency-examples", body.toString()).status());
    assertEquals(2, Files.readString(corpus.resolve("urgency-examples.txt")).lines().count());
    assertEquals(401, app.get("/api/admin/answer-examples").status(), "trainers only");
  }

  @Test
  void search_keeps_answering_while_the_index_rebuilds() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertEquals(202, app.as(alice, "POST", "/api/admin/reindex", null, null).status());
    }
    int searched = 0;
    JsonObject status;
    do {
      TestApp.Response r = app.get("/api/search?q=" + TestApp.enc("bruise"));
      assertEquals(200, r.status(), r.body());
      searched++;
      status = app.as(alice, "GET", "/api/admin/reindex", null, null).json().getAsJsonObject();
    } while (status.get("pending").getAsInt() > 0);
    assertTrue(searched >= 1);
    assertEquals("ready", awaitIndexed().get("state").getAsString());
  }

  @Test
  void documents_list_shows_versions_and_files_not_in_the_library() throws Exception {
    Files.writeString(corpus.resolve("broken.md"), "---\ntitle: Broken\ndate: someday\n---\n\nText.\n");
    JsonObject list = app.as(alice, "GET", "/api/admin/documents", null, null).json().getAsJsonObject();
    assertEquals(2, list.get("total").getAsInt());
    for (JsonElement d : list.getAsJsonArray("documents")) {
      assertTrue(d.getAsJsonObject().get("version").getAsString().matches("[0-9a-f]{64}"));
    }
    assertEquals("broken.md", list.getAsJsonArray("skipped").get(0).getAsJsonObject().get("file").getAsString());
  }
}
