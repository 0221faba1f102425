package uk.safeguarding.guidance.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import uk.safeguarding.guidance.TestApp;
import uk.safeguarding.guidance.curate.TestPdfs;

/**
 * Files built to exhaust a parser, sent through preview and upload of a real server whose JVM has a
 * 512 MB heap (the surefire execution "bombs-in-512mb-heap" runs this class alone with -Xmx512m):
 * each is a 400 naming the limit, and the server still answers afterwards.
 */
class ParsingBombsTest {

  static final long HEAP_LIMIT = 512L << 20;

  @TempDir
  static Path corpus;
  @TempDir
  static Path data;
  static TestApp app;
  static TestApp.Trainer alice;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Runtime.getRuntime().maxMemory() <= HEAP_LIMIT,
        "runs in the 512 MB execution only; this JVM has " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
    TestApp.copyMiniCorpus(corpus);
    app = new TestApp(TestApp.sparse(corpus, data));
    alice = app.signIn("alice", "correct horse battery");
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @AfterEach
  void theServerStillAnswers(TestInfo test) throws Exception {
    assertEquals(200, app.get("/health").status());
    assertEquals(200, app.as(alice, "GET", "/api/admin/documents", null, null).status());
    System.out.println("after " + test.getDisplayName() + ": summed heap pool peaks " + (peakHeap() >> 20) + " MB");
  }

  TestApp.Response send(String path, String filename, byte[] content) throws Exception {
    return app.multipart(alice, "POST", path, TestApp.Multipart.of(Map.of("title", "Bomb"), filename, content));
  }

  void assertRefusedByPreviewAndUpload(String filename, byte[] content, String error) throws Exception {
    assertRefusedByPreviewAndUpload(filename, content, 400, error);
  }

  void assertRefusedByPreviewAndUpload(String filename, byte[] content, int status, String error) throws Exception {
    for (String path : List.of("/api/admin/preview", "/api/admin/documents")) {
      TestApp.Response r = send(path, filename, content);
      assertEquals(status, r.status(), path + ": " + r.body());
      JsonObject o = r.json().getAsJsonObject();
      assertEquals(error, o.get("error").getAsString());
      assertEquals("file", o.get("parameter").getAsString());
      assertEquals(filename, o.get("value").getAsString());
    }
  }

  @Test
  void a_small_pdf_whose_page_decodes_to_40_mb_of_text_operators_is_refused_naming_the_page_cap() throws Exception {
    byte[] bomb = TestPdfs.textBomb(40L << 20);
    assertTrue(bomb.length < 200_000, "small on disk: " + bomb.length);
    assertRefusedByPreviewAndUpload("bomb.pdf", bomb, "The PDF 'bomb.pdf' cannot be used: the PDF's page 1 has over "
        + "100,000 characters of text, the most one page may hold (a text bomb?).");
  }

  @Test
  void a_pdf_whose_page_is_one_40_mb_array_is_refused_naming_the_operand_limit() throws Exception {
    assertRefusedByPreviewAndUpload("array.pdf", TestPdfs.operandBomb(40L << 20), "The PDF 'array.pdf' cannot be "
        + "used: the content of page 1 has over 1,024 KB of operands before an operator, the most allowed (a parser bomb?).");
  }

  @Test
  void four_text_bombs_at_once_are_all_refused() throws Exception {
    byte[] bomb = TestPdfs.textBomb(40L << 20);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<TestApp.Response>> answers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        answers.add(pool.submit(() -> send("/api/admin/preview", "bomb.pdf", bomb)));
      }
      for (Future<TestApp.Response> answer : answers) {
        assertEquals(400, answer.get().status(), answer.get().body());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void a_text_of_20_million_characters_within_the_upload_limit_is_refused_naming_the_text_limit() throws Exception {
    // An outsider's probe ran a 256 MB heap out with this file: one line of words, 20,000,000 bytes.
    byte[] words = "neglect referral threshold ".repeat(20_000_000 / 27).getBytes(StandardCharsets.UTF_8);
    assertRefusedByPreviewAndUpload("big.txt", words, 413, "The file 'big.txt' has 19,999,980 characters, over the "
        + "limit of 5,000,000 for one document: split it into several documents.");
  }

  @Test
  void html_nested_100000_deep_is_refused_naming_the_depth_limit() throws Exception {
    byte[] deep = ("<h1>Deep</h1>" + "<div>".repeat(100_000) + "text").getBytes(StandardCharsets.UTF_8);
    assertRefusedByPreviewAndUpload("deep.html", deep,
        "The file 'deep.html' cannot be used: the HTML nests elements 100,003 deep, over the limit of 512.");
  }

  @Test
  void html_with_a_million_tags_is_refused_naming_the_tag_limit() throws Exception {
    byte[] many = ("<h1>Many</h1>" + "<p>x".repeat(1_000_000)).getBytes(StandardCharsets.UTF_8);
    assertRefusedByPreviewAndUpload("many.html", many,
        "The file 'many.html' cannot be used: the HTML has 1,000,002 tags, over the limit of 200,000.");
  }

  @Test
  void markdown_lists_nested_2000_deep_are_refused_naming_the_depth_limit() throws Exception {
    StringBuilder deep = new StringBuilder("# T\n\n"); // 4 million characters, under the text limit
    for (int i = 0; i < 2000; i++) {
      deep.append("  ".repeat(i)).append("- a\n");
    }
    assertRefusedByPreviewAndUpload("deep2.md", deep.toString().getBytes(StandardCharsets.UTF_8),
        "The file 'deep2.md' cannot be used: the Markdown nests lists or quotes more than 50 levels deep.");
  }

  @Test
  void markdown_with_100000_nested_emphasis_markers_is_refused() throws Exception {
    byte[] deep = ("# Deep\n\n" + "*".repeat(100_000) + "text" + "*".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
    assertRefusedByPreviewAndUpload("deep.md", deep,
        "The file 'deep.md' cannot be used: the Markdown nests quotes, lists or emphasis too deeply to read.");
  }

  static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
