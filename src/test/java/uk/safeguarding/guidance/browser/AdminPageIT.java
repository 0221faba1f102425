package uk.safeguarding.guidance.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.safeguarding.guidance.AppConfig;
import uk.safeguarding.guidance.GuidanceApp;
import uk.safeguarding.guidance.TestApp;

/** A trainer signs in, previews and publishes a document, and practitioners' search finds it. */
class AdminPageIT {

  private static final String PASSWORD = "correct horse battery";

  @TempDir static Path tempDir;
  private static String skipReason;
  private static GuidanceApp app;
  private static ChromeDriver driver;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    skipReason = Chrome.skipReason();
    if (skipReason != null) {
      System.err.println(skipReason);
      return;
    }
    Path corpus = Files.createDirectories(tempDir.resolve("corpus"));
    TestApp.copyMiniCorpus(corpus);
    app = GuidanceApp.start(AppConfig.from(new String[] {"--port", "0", "--corpus", corpus.toString(),
        "--data", tempDir.resolve("data").toString(), "--rate-limit", "0", "--dense", "off"}, Map.of()))
        .awaitReady(Duration.ofMinutes(1));
    app.accounts().setPassword("alice", PASSWORD.toCharArray());
    base = "http://127.0.0.1:" + app.port();
    driver = Chrome.start(tempDir);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (app != null) {
      app.stop();
    }
  }

  private static <T> T until(java.util.function.Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
  }

  @Test
  void a_trainer_signs_in_previews_and_publishes_a_document_that_search_then_finds() throws Exception {
    Assumptions.assumeTrue(skipReason == null, skipReason);
    driver.get(base + "/admin");
    until(ExpectedConditions.urlContains("/admin/login"));
    driver.findElement(By.id("name")).sendKeys("alice");
    driver.findElement(By.id("password")).sendKeys(PASSWORD);
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#documents-body tr"), 2));

    Path file = tempDir.resolve("online-safety.md");
    Files.writeString(file, "# Online Safety Briefing\n\n## What you should do\n\n"
        + "When a child shares sexual images online, practitioners should not view or copy the image and "
        + "should tell the designated safeguarding lead the same day.\n");
    driver.findElement(By.id("up-file")).sendKeys(file.toAbsolutePath().toString());
    driver.findElement(By.id("up-type")).sendKeys("7-minute briefing");
    driver.findElement(By.id("preview-button")).click();
    until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), "1 passages:"));
    assertTrue(driver.findElement(By.id("preview")).getText().contains("Preview: Online Safety Briefing"));
    String previewText = driver.findElement(By.id("preview")).getText();
    assertTrue(previewText.contains("#what-you-should-do"), previewText);
    java.util.regex.Matcher stored = java.util.regex.Pattern.compile("Stored as (\\S+)").matcher(previewText);
    assertTrue(stored.find(), previewText);

    driver.findElement(By.id("publish-button")).click();
    until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#documents-body tr"), 3));
    Files.createDirectories(Path.of("target/screenshots"));
    Files.write(Path.of("target/screenshots/admin-desktop.png"), driver.getScreenshotAs(OutputType.BYTES));
    assertTrue(Files.readString(tempDir.resolve("corpus").resolve(stored.group(1))).contains("sexual images online"),
        "the upload is kept in the corpus folder as " + stored.group(1));

    HttpClient http = HttpClient.newHttpClient();
    String found = until(d -> {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/search?q=sexual+images")).build(),
            HttpResponse.BodyHandlers.ofString());
        return r.body().contains("#what-you-should-do\"") ? r.body() : null;
      } catch (Exception e) {
        return null;
      }
    });
    assertTrue(found.contains("\"total\":1"), found);

    com.deque.html.axecore.results.Results axe = new com.deque.html.axecore.selenium.AxeBuilder()
        .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
    assertEquals(List.of(), axe.getViolations().stream().map(v -> v.getId() + ": " + v.getHelp()).toList());
  }
}
