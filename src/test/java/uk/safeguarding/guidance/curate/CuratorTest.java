package uk.safeguarding.guidance.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.corpus.CorpusReader;
import uk.safeguarding.guidance.store.Database;
import uk.safeguarding.guidance.learning.LearningStore;

class CuratorTest {

  @TempDir
  Path corpus;
  @TempDir
  Path data;
  Database db;
  LearningStore store;
  AtomicInteger reindexes = new AtomicInteger();

  @BeforeEach
  void open() throws Exception {
    Files.writeString(corpus.resolve("injuries.md"),
        "---\ntitle: Injuries\n---\n\nA bruise on a baby must be referred.\n");
    db = Database.open(data);
    store = new LearningStore(db, Clock.systemUTC(), Duration.ofDays(90));
  }

  @AfterEach
  void close() {
    db.close();
  }

  Curator curator() {
    return new Curator(corpus, data, CorpusReader.standard(), () -> {
      reindexes.incrementAndGet();
      return CompletableFuture.completedFuture(null);
    }, store, 1 << 20, Clock.systemUTC());
  }

  static Upload upload(String name, String text, MetadataForm form) {
    return new Upload(name, text.getBytes(StandardCharsets.UTF_8), form);
  }

  static MetadataForm title(String title) {
    return new MetadataForm(null, title, null, null, null, null, null, null);
  }

  @Test
  void temp_files_left_by_a_crash_mid_write_are_removed_at_start_and_documents_kept() throws Exception {
    Files.writeString(corpus.resolve(".curate-1234.tmp"), "---\ntitle: Half writ");
    Files.createDirectories(corpus.resolve("sub"));
    Files.writeString(corpus.resolve("sub/.curate-99.tmp"), "partial");
    curator();
    try (Stream<Path> files = Files.walk(corpus)) {
      assertEquals(List.of("injuries.md", "sub"), files.filter(p -> !p.equals(corpus))
          .map(p -> corpus.relativize(p).toString()).sorted().toList());
    }
    assertEquals("---\ntitle: Injuries\n---\n\nA bruise on a baby must be referred.\n",
        Files.readString(corpus.resolve("injuries.md")));
  }

  @Test
  void a_file_name_with_control_characters_is_refused() {
    Rejected r = assertThrows(Rejected.class,
        () -> curator().upload("alice", upload("bad\tname.md", "# T\n\nText.", title("T"))));
    assertEquals("file", r.parameter());
    assertEquals("The file name must not contain control characters.", r.getMessage());
    assertEquals(0, reindexes.get());
  }

  @Test
  void an_upload_is_written_whole_with_no_temp_file_left_and_triggers_one_reindex() throws Exception {
    Curator.Change c =
        curator().upload("alice", upload("x.md", "# Home Visits\n\nSee the child alone.", title("Home Visits")));
    assertEquals("home-visits.md", c.file());
    assertEquals(1, reindexes.get());
    try (Stream<Path> files = Files.list(corpus)) {
      assertEquals(List.of("home-visits.md", "injuries.md"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertEquals(c.version(), curator().document("home-visits").version());
  }

  @Test
  void a_preview_writes_nothing_and_warns_about_a_taken_id() throws Exception {
    Curator.Preview p = curator().preview(upload("x.md", "Some text about bruises.", title("Injuries")));
    assertEquals(List.of("A document with id 'injuries' already exists: “Injuries” (injuries.md). Publishing would "
        + "replace it: choose “Replace it”, or change the id."), p.warnings());
    assertEquals("injuries.md", p.existing().file(), "the preview names the document it would replace");
    assertEquals(new Curator.IdView("injuries", IdChoice.FROM_TITLE), p.id());
    assertEquals("Some text about bruises.", p.passages().get(0).text());
    try (Stream<Path> files = Files.list(corpus)) {
      assertEquals(1, files.count());
    }
    assertEquals(0, reindexes.get());
  }

  @Test
  void editing_a_pdf_in_the_corpus_turns_it_into_text_and_keeps_the_original() throws Exception {
    Files.write(corpus.resolve("policy.pdf"), TestPdfs.text(null, List.of(List.of("Escalation Policy", "",
        "Escalate disagreements to a manager within two days."))));
    Curator curator = curator();
    String version = curator.document("policy").version();
    Curator.Change c = curator.editMetadata("alice", "policy", version,
        new MetadataForm(null, "Escalation Policy 2024", null, "procedure", null, null, null, null));
    assertEquals("policy.txt", c.file());
    assertFalse(Files.exists(corpus.resolve("policy.pdf")));
    assertTrue(Files.exists(data.resolve("originals/policy.pdf")));
    assertTrue(Files.readString(corpus.resolve("policy.txt")).startsWith(
        "---\nid: \"policy\"\ntitle: \"Escalation Policy 2024\"\ntype: \"procedure\"\n---\n\nEscalation Policy\n"));
  }

  @Test
  void a_front_matter_value_with_quotes_colons_and_hashes_round_trips() {
    String title = "Learning: \"What we do\" # 2 \\ back";
    curator().upload("alice", upload("t.md", "Text about neglect.", new MetadataForm("tricky", title, null, null, null,
        null, List.of("neglect, abuse"), null)));
    Curator.DocumentEntry e = curator().document("tricky");
    assertEquals(title, e.title());
    assertEquals(List.of("neglect", "abuse"), e.themes());
  }

  @Test
  void every_change_is_audited_with_who_and_what() {
    Curator curator = curator();
    curator.upload("alice", upload("x.md", "# Home Visits\n\nSee the child alone.", title("Home Visits")));
    curator.editMetadata("carol", "home-visits", curator.document("home-visits").version(),
        new MetadataForm(null, "Home Visits", "Riverside", null, "2024", null, null, null));
    curator.editMetadata("carol", "home-visits", curator.document("home-visits").version(),
        new MetadataForm(null, "Home Visits", "Riverside", null, null, null, null, null));
    curator.delete("bob", "home-visits", curator.document("home-visits").version());
    List<LearningStore.AuditEntry> log = store.audit(10);
    assertEquals(List.of("bob", "carol", "carol", "alice"), log.stream().map(LearningStore.AuditEntry::actor).toList());
    assertEquals(List.of("document.delete", "document.edit", "document.edit", "document.upload"),
        log.stream().map(LearningStore.AuditEntry::action).toList());
    assertEquals(List.of("home-visits", "home-visits", "home-visits", "home-visits"),
        log.stream().map(LearningStore.AuditEntry::target).toList());
    assertEquals(List.of("home-visits.md: metadata: no change",
        "home-visits.md: metadata: organisation '' → 'Riverside', date '' → '2024'"),
        log.subList(1, 3).stream().map(LearningStore.AuditEntry::detail).toList(),
        "the audit names what changed, not the fields sent");
  }
}
