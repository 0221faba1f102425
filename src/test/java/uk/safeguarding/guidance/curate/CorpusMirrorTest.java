package uk.safeguarding.guidance.curate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.safeguarding.guidance.TestApp;
import uk.safeguarding.guidance.store.Database;
import uk.safeguarding.guidance.store.TestDatabase;

/** Two replicas' corpus folders kept level through one database, on H2 and on a real PostgreSQL. */
class CorpusMirrorTest {

  @TempDir
  Path data;
  @TempDir
  Path a;
  @TempDir
  Path b;
  @TempDir
  Path c;

  static List<String> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void changes_on_either_replica_reach_the_other_and_a_clash_keeps_the_first_written(TestDatabase product)
      throws IOException {
    TestApp.copyMiniCorpus(a);
    Files.createDirectories(a.resolve(".git"));
    Files.writeString(a.resolve(".git/HEAD"), "not the corpus");
    try (Database db = Database.open(product.fresh(data))) {
      CorpusMirror mirrorA = new CorpusMirror(db, a, Clock.systemUTC());
      CorpusMirror mirrorB = new CorpusMirror(db, b, Clock.systemUTC());
      assertEquals(new CorpusMirror.Moved(3, 0), mirrorA.sync(), "A seeds the shared corpus");
      assertEquals(new CorpusMirror.Moved(0, 3), mirrorB.sync(), "B, empty, takes it");
      assertEquals(List.of("enquiries.md", "injuries.md", "synonyms.txt"), files(b), "hidden files stay home");
      assertArrayEquals(Files.readAllBytes(a.resolve("injuries.md")), Files.readAllBytes(b.resolve("injuries.md")));
      assertEquals(new CorpusMirror.Moved(0, 0), mirrorB.sync(), "level: nothing moves");

      // A trainer on A adds, edits and deletes; B follows.
      Files.writeString(a.resolve("new.md"), "# New\n\nText.\n");
      Files.writeString(a.resolve("injuries.md"), "# Injuries\n\nEdited on A.\n");
      Files.delete(a.resolve("enquiries.md"));
      assertEquals(new CorpusMirror.Moved(3, 0), mirrorA.sync());
      assertEquals(new CorpusMirror.Moved(0, 3), mirrorB.sync());
      assertEquals(List.of("injuries.md", "new.md", "synonyms.txt"), files(b));
      assertEquals("# Injuries\n\nEdited on A.\n", Files.readString(b.resolve("injuries.md")));

      // Both change the synonyms at once: A writes first, so B's change gives way to A's.
      Files.writeString(a.resolve("synonyms.txt"), "nai, non-accidental injury\n");
      Files.writeString(b.resolve("synonyms.txt"), "dna, was not brought\n");
      assertEquals(new CorpusMirror.Moved(1, 0), mirrorA.sync());
      assertEquals(new CorpusMirror.Moved(0, 1), mirrorB.sync());
      assertEquals("nai, non-accidental injury\n", Files.readString(b.resolve("synonyms.txt")));

      // A third replica with a folder of its own: what only it has joins; where it differs, the record wins.
      Files.writeString(c.resolve("c-only.md"), "# Only on C\n\nText.\n");
      Files.writeString(c.resolve("new.md"), "# Stale copy\n");
      CorpusMirror mirrorC = new CorpusMirror(db, c, Clock.systemUTC());
      assertEquals(new CorpusMirror.Moved(1, 3), mirrorC.sync());
      assertEquals("# New\n\nText.\n", Files.readString(c.resolve("new.md")));
      assertEquals(new CorpusMirror.Moved(0, 1), mirrorA.sync(), "A takes C's document");
      assertEquals(List.of("c-only.md", "injuries.md", "new.md", "synonyms.txt"), files(a).stream()
          .filter(f -> !f.startsWith(".git")).toList());
      assertFalse(Files.exists(c.resolve("enquiries.md")));
    }
  }
}
