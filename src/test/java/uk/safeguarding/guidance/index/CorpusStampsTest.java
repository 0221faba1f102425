package uk.safeguarding.guidance.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusStampsTest {

  @TempDir
  Path corpus;

  @Test
  void an_untouched_folder_has_the_same_stamps_and_any_save_add_or_removal_changes_them() throws Exception {
    Files.writeString(corpus.resolve("a.md"), "# A\n\nText.");
    Files.createDirectories(corpus.resolve("sub"));
    Files.writeString(corpus.resolve("sub/b.md"), "# B\n\nText.");
    CorpusStamps first = CorpusStamps.of(corpus);
    assertEquals(first, CorpusStamps.of(corpus));
    assertEquals(Set.of("a.md", "sub/b.md"), first.files().keySet());

    Files.setLastModifiedTime(corpus.resolve("a.md"), FileTime.fromMillis(1_000_000));
    CorpusStamps touched = CorpusStamps.of(corpus);
    assertNotEquals(first, touched, "a save with the same size moves the time");
    Files.writeString(corpus.resolve("sub/b.md"), "# B\n\nLonger text.");
    assertNotEquals(touched, CorpusStamps.of(corpus));
    Files.delete(corpus.resolve("sub/b.md"));
    assertEquals(Set.of("a.md"), CorpusStamps.of(corpus).files().keySet());
  }

  @Test
  void editor_swap_files_and_hidden_folders_are_not_watched() throws Exception {
    Files.writeString(corpus.resolve("a.md"), "# A\n\nText.");
    CorpusStamps before = CorpusStamps.of(corpus);
    Files.writeString(corpus.resolve(".a.md.swp"), "swap");
    Files.createDirectories(corpus.resolve(".git"));
    Files.writeString(corpus.resolve(".git/HEAD"), "ref");
    assertEquals(before, CorpusStamps.of(corpus));
  }
}
