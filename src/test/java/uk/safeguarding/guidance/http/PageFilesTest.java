package uk.safeguarding.guidance.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page's files read from a jar (as the README runs it) and from a folder (as the build runs it). */
class PageFilesTest {

  @TempDir
  Path dir;

  @Test
  void a_jar_gives_every_file_under_web_and_nothing_else() throws Exception {
    Path jar = dir.resolve("app.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String name : List.of("web/", "web/index.html", "web/app.js", "web/admin/", "web/admin/login.html",
          "other/secret.txt", "webby.txt")) {
        out.putNextEntry(new JarEntry(name));
        if (!name.endsWith("/")) {
          out.write(("<p>" + name + "</p>").getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
      }
    }
    PageFiles files = PageFiles.from(new URL("jar:" + jar.toUri() + "!/web/index.html"));
    assertEquals(Set.of("index.html", "app.js", "admin/login.html"), files.paths());
    assertEquals("<p>web/admin/login.html</p>", files.text("admin/login.html"));
    // The jar was read through a handle of its own, closed: the file can go at once.
    Files.delete(jar);
  }

  @Test
  void a_folder_gives_every_file_in_it_and_its_subfolders() throws Exception {
    Path web = Files.createDirectories(dir.resolve("web/admin"));
    Files.writeString(dir.resolve("web/index.html"), "<h1>Ask</h1>");
    Files.writeString(web.resolve("admin.css"), "p{}");
    PageFiles files = PageFiles.from(dir.resolve("web/index.html").toUri().toURL());
    assertEquals(Set.of("index.html", "admin/admin.css"), files.paths());
    assertEquals("<h1>Ask</h1>", files.text("index.html"));
    IllegalStateException missing = assertThrows(IllegalStateException.class, () -> files.text("nope.html"));
    assertEquals("The page web/nope.html is missing from the jar", missing.getMessage());
  }

  @Test
  void the_shipped_page_is_on_the_class_path() {
    PageFiles files = PageFiles.fromClassPath();
    assertTrue(files.paths().containsAll(Set.of("index.html", "app.js", "styles.css", "document.html",
        "admin/index.html", "admin/login.html", "openapi.json")), files.paths().toString());
  }

  @Test
  void if_none_match_compares_weakly_and_takes_a_list_or_a_star() {
    String etag = "\"0123456789abcdef\"";
    assertTrue(PageFiles.unchanged(etag, etag));
    assertTrue(PageFiles.unchanged("W/" + etag, etag));
    assertTrue(PageFiles.unchanged("\"old\", " + etag, etag));
    assertTrue(PageFiles.unchanged("*", etag));
    assertFalse(PageFiles.unchanged(null, etag));
    assertFalse(PageFiles.unchanged("\"old\"", etag));
    assertFalse(PageFiles.unchanged("0123456789abcdef", etag));
  }
}
