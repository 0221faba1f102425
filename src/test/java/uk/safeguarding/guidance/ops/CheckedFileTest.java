package uk.safeguarding.guidance.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckedFileTest {

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void a_value_comes_back_only_for_its_format_and_key(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("m.bin");
    assertEquals(Optional.empty(), CheckedFile.read(file, "f/1", "k", "the models", CheckedFile::string));
    CheckedFile.write(file, "f/1", "k", out -> CheckedFile.string(out, "weights"));
    assertEquals(Optional.of("weights"), CheckedFile.read(file, "f/1", "k", "the models", CheckedFile::string));
    assertEquals(Optional.empty(), CheckedFile.read(file, "f/1", "other key", "the models", CheckedFile::string));
    assertEquals(Optional.empty(), CheckedFile.read(file, "f/2", "k", "the models", CheckedFile::string));
  }

  @Test
  void a_write_removes_temp_files_an_interrupted_write_left_an_hour_ago_and_no_others(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("m.bin");
    Path old = Files.writeString(dir.resolve("m.bin123.tmp"), "half a file");
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(CheckedFile.STALE).minusSeconds(60)));
    Files.writeString(dir.resolve("m.bin456.tmp"), "being written now");
    Path otherOld = Files.writeString(dir.resolve("other.bin1.tmp"), "another file's");
    Files.setLastModifiedTime(otherOld, FileTime.from(Instant.now().minus(CheckedFile.STALE).minusSeconds(60)));
    CheckedFile.write(file, "f/1", "k", out -> CheckedFile.string(out, "weights"));
    assertEquals(List.of("m.bin", "m.bin456.tmp", "other.bin1.tmp"), names(dir));
  }
}
