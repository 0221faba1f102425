package uk.safeguarding.guidance.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChromeTest {

  @TempDir
  Path dir;

  private Path executable(String name) throws Exception {
    return Files.createFile(dir.resolve(name), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwxr-xr-x")));
  }

  @Test
  void a_missing_browser_is_a_skip_outside_ci() throws Exception {
    Path driver = executable("chromedriver");
    assertEquals("Skipping browser tests: no Chromium at " + dir.resolve("chromium")
        + " (set CHROME_BIN to point at one).", Chrome.skipReason(dir.resolve("chromium"), driver, null));
  }

  @Test
  void a_missing_driver_fails_under_ci() throws Exception {
    Path chrome = executable("chromium");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Chrome.skipReason(chrome, dir.resolve("chromedriver"), "true"));
    assertEquals("The browser tests cannot run: no chromedriver at " + dir.resolve("chromedriver")
        + " (set CHROMEDRIVER to point at one). CI=true, so they fail instead of skipping; install chromium and"
        + " chromium-driver.", e.getMessage());
  }

  @Test
  void both_present_is_no_reason_even_under_ci() throws Exception {
    assertNull(Chrome.skipReason(executable("chromium"), executable("chromedriver"), "true"));
  }
}
