package uk.safeguarding.guidance.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.safeguarding.guidance.AppConfig;
import uk.safeguarding.guidance.TestApp;
import uk.safeguarding.guidance.GuidanceApp;

/**
 * Drives the real page in headless Chromium against the real server (real corpus, real index).
 * Expected answers come from the same server's API, so the page is checked against the exact
 * texts and counts it was given.
 */
class ChatPageIT {

  private static final String GROUNDED_QUESTION = "What is professional curiosity?";
  private static final String OUT_OF_SCOPE_QUESTION = "how do I renew my passport";
  private static final String URGENT_QUESTION =
      "a child has just told me her stepdad hurts her and she is scared to go home tonight";
  /** A child in danger described with no danger word the library uses, about something it has no guidance on. */
  private static final String UNCOVERED_URGENT_QUESTION =
      "2yo got into nans handbag and ate some of her tablets about 10 mins ago, mum says hes fine and wont ring anyone";
  private static final String HOSTILE_QUESTION = "<img src=x onerror=alert(1)>";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /**
   * Records every fetch the page makes (URL, request body, status, response text). Runs through
   * WebDriver, which the page's Content-Security-Policy does not restrict.
   */
  private static final String RECORD_FETCHES = String.join("\n",
      "if (!window.__fetchLog) {",
      "  window.__fetchLog = [];",
      "  const original = window.fetch;",
      "  window.fetch = function (url, options) {",
      "    const entry = { url: String(url), body: options && options.body ? String(options.body) : null };",
      "    window.__fetchLog.push(entry);",
      "    return original.apply(this, arguments).then(function (response) {",
      "      entry.status = response.status;",
      "      response.clone().text().then(function (text) { entry.response = text; });",
      "      return response;",
      "    });",
      "  };",
      "}");

  @TempDir
  static Path tempDir;

  private static String skipReason;
  private static GuidanceApp app;
  private static WebDriver driver;
  private static String base;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void startServerAndBrowser() throws Exception {
    skipReason = Chrome.skipReason();
    if (skipReason != null) {
      System.err.println(skipReason);
      return; // each test then reports itself skipped with this reason
    }

    // The production settings, as the command line would give them (the flags name only what a
    // test must change), so the page is tested against the app as practitioners get it.
    // The data folder starts with the embedding cache and the models the embedded tests left (the same
    // vectors and models; computing them again is two minutes of the build, and AskApiTest covers a cold
    // start): the server reads them back as after a restart.
    TestApp.seedData(tempDir.resolve("data"));
    AppConfig config = AppConfig.from(new String[] {
        "--host", "127.0.0.1", "--port", "0", "--corpus", "corpus",
        "--data", tempDir.resolve("data").toString(), "--rate-limit", "0"}, Map.of());
    app = GuidanceApp.start(config).awaitReady(Duration.ofMinutes(3));
    base = "http://127.0.0.1:" + app.port();

    driver = Chrome.start(tempDir);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stopBrowserAndServer() {
    if (driver != null) {
      driver.quit();
    }
    if (app != null) {
      app.stop();
    }
  }

  @BeforeEach
  void openChatAtDesktopWidth() {
    Assumptions.assumeTrue(skipReason == null, skipReason);
    desktopViewport();
    openChat();
  }

  // ------------------------------------------------------------------------------- tests

  /** WCAG 2.0/2.1 A and AA rules of axe-core: contrast, labels, landmarks, ARIA, names. */
  private static List<String> accessibilityViolations() {
    com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder()
        .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
    return results.getViolations().stream()
        .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
            + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList())
        .toList();
  }

  @Test
  void theChatPageWithAnAnswerAndTheDocumentViewPassAutomatedWcagAaChecks() {
    ask(GROUNDED_QUESTION);
    assertEquals(List.of(), accessibilityViolations(), "chat page at desktop width");
    phoneViewport(390);
    assertEquals(List.of(), accessibilityViolations(), "chat page at phone width");
    desktopViewport();
    WebElement link = driver.findElement(By.cssSelector("#thread .source-card a[href^='/documents/']"));
    String anchor = link.getDomAttribute("href").split("#")[1];
    link.click();
    waitForCitedPassage(anchor);
    assertEquals(List.of(), accessibilityViolations(), "document view");
  }

  @Test
  void askingAQuestionShowsAGroundedAnswerWithNumberedCitationsAndSourceCards() throws Exception {
    JsonObject expected = askApi(GROUNDED_QUESTION);
    assertTrue(expected.get("grounded").getAsBoolean(), "the fixture question should be grounded");
    JsonArray points = expected.getAsJsonArray("points");
    JsonArray citations = expected.getAsJsonArray("citations");

    WebElement turn = ask(GROUNDED_QUESTION);

    assertEquals(expected.get("answer").getAsString(), turn.findElement(By.cssSelector(".answer-lead")).getText());
    List<WebElement> shownPoints = turn.findElements(By.cssSelector(".points > li"));
    assertEquals(points.size(), shownPoints.size());
    int markers = 0;
    for (int i = 0; i < points.size(); i++) {
      JsonObject point = points.get(i).getAsJsonObject();
      assertTrue(shownPoints.get(i).getText().startsWith(point.get("text").getAsString()),
          "point " + (i + 1) + " should start with its quoted text");
      List<WebElement> cites = shownPoints.get(i).findElements(By.cssSelector("a.cite"));
      JsonArray numbers = point.getAsJsonArray("citations");
      assertEquals(numbers.size(), cites.size());
      for (int j = 0; j < numbers.size(); j++) {
        int n = numbers.get(j).getAsInt();
        assertEquals("[source " + n + "]", cites.get(j).getDomProperty("textContent"));
        assertTrue(cites.get(j).getDomAttribute("href").endsWith("-source-" + n));
      }
      markers += numbers.size();
    }
    assertTrue(markers > 0, "a grounded answer carries citation markers");

    List<WebElement> cards = turn.findElements(By.cssSelector(".source-card"));
    assertEquals(citations.size(), cards.size());
    for (int i = 0; i < citations.size(); i++) {
      JsonObject c = citations.get(i).getAsJsonObject();
      WebElement card = cards.get(i);
      assertEquals(String.valueOf(c.get("n").getAsInt()), card.findElement(By.cssSelector(".source-number")).getText());
      assertEquals("Source " + c.get("n").getAsInt() + ": " + c.get("title").getAsString(),
          card.findElement(By.cssSelector(".source-title")).getDomProperty("textContent"));
      assertEquals("Section: " + c.get("section").getAsString(),
          card.findElement(By.cssSelector(".source-section")).getDomProperty("textContent"));
      assertTrue(
          card.findElement(By.cssSelector(".source-meta")).getText().startsWith(c.get("organisation").getAsString()));
      WebElement link = card.findElement(By.cssSelector("a.source-link"));
      assertEquals(c.get("url").getAsString(), link.getDomAttribute("href"));
      assertTrue(link.getText().startsWith("Open in document"));
      String highlighted = c.get("highlighted").getAsString();
      int expectedMarks = highlighted.split("<mark>", -1).length - 1;
      assertEquals(expectedMarks, card.findElements(By.cssSelector(".source-excerpt mark")).size());
      assertEquals(plain(highlighted),
          card.findElement(By.cssSelector(".source-excerpt")).getDomProperty("textContent"));
    }

    // The first citation marker moves focus to its source card.
    turn.findElement(By.cssSelector(".points a.cite")).click();
    String firstCardId = cards.get(0).getDomAttribute("id");
    wait(ExpectedConditions.attributeToBe(By.cssSelector(":focus"), "id", firstCardId));

    // Copying gives a visible confirmation.
    turn.findElement(By.xpath(".//button[normalize-space()='Copy answer']")).click();
    wait(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("#" + turn.getDomAttribute("id") + " .copy .action-status"),
        "Answer copied, with its sources."));

    List<String> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
        .map(LogEntry::getMessage).toList();
    assertEquals(List.of(), problems, "no console errors or Content-Security-Policy violations");

    ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
    screenshot("chat-desktop.png");
    phoneViewport(375);
    assertNoHorizontalScroll();
    phoneViewport(390);
    assertNoHorizontalScroll();
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", turn);
    screenshot("chat-phone.png");
  }

  @Test
  void followingACitationLinkOpensTheDocumentWithTheCitedPassageHighlighted() throws Exception {
    JsonObject expected = askApi(GROUNDED_QUESTION);
    JsonObject first = expected.getAsJsonArray("citations").get(0).getAsJsonObject();
    String url = first.get("url").getAsString();
    String anchor = url.substring(url.indexOf('#') + 1);
    String docId = url.substring("/documents/".length(), url.indexOf('#'));
    JsonObject document = getJson("/api/documents/" + docId);

    WebElement turn = ask(GROUNDED_QUESTION);
    turn.findElement(By.cssSelector(".source-card a.source-link")).click();

    wait(ExpectedConditions.urlToBe(base + url));
    WebElement passage = waitForCitedPassage(anchor);
    assertEquals(document.get("title").getAsString(), driver.findElement(By.id("doc-title")).getText());
    assertEquals(document.getAsJsonArray("passages").size(),
        driver.findElements(By.cssSelector("#doc-body .passage")).size());
    assertEquals(1, driver.findElements(By.cssSelector(".passage.is-cited")).size());
    assertEquals(anchor, driver.switchTo().activeElement().getDomAttribute("id"), "focus lands on the cited passage");
    assertEquals("Cited passage", passage.findElement(By.cssSelector(".cited-badge")).getDomProperty("textContent"));
    assertEquals("Back to the assistant", driver.findElement(By.id("back-link")).getText());
    screenshot("document-desktop.png");

    // A new fragment moves the highlight without reloading.
    String other = document.getAsJsonArray("passages").get(0).getAsJsonObject().get("anchor").getAsString();
    ((JavascriptExecutor) driver).executeScript("location.hash = arguments[0]", other);
    waitForCitedPassage(other);
    assertEquals(1, driver.findElements(By.cssSelector(".passage.is-cited")).size());
    assertFalse(driver.findElement(By.id(anchor)).getDomAttribute("class").contains("is-cited"));

    phoneViewport(390);
    assertNoHorizontalScroll();

    // Coming back to the chat keeps the conversation.
    desktopViewport();
    driver.navigate().back(); // undoes the fragment change
    driver.navigate().back(); // returns to the chat
    wait(ExpectedConditions.urlToBe(base + "/"));
    WebElement restored =
        wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#thread > li.turn .answer")));
    assertEquals(1, driver.findElements(By.cssSelector("#thread > li.turn")).size());
    assertEquals(expected.getAsJsonArray("citations").size(),
        restored.findElements(By.cssSelector(".source-card")).size());
    assertFalse(driver.findElement(By.id("starters")).isDisplayed());
  }

  @Test
  void anUnknownDocumentShowsANotFoundMessageWithALinkBack() {
    driver.get(base + "/documents/no-such-document");
    WebElement heading = wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".doc-message-title")));
    assertEquals("Document not found", heading.getText());
    WebElement back = driver.findElement(By.linkText("Go back to the assistant"));
    assertEquals("/", back.getDomAttribute("href"));
  }

  @Test
  void anOutOfScopeQuestionShowsTheDeclineMessageAndSuggestionButtons() throws Exception {
    JsonObject expected = askApi(OUT_OF_SCOPE_QUESTION);
    assertFalse(expected.get("grounded").getAsBoolean());
    List<String> suggestions = strings(expected.getAsJsonArray("suggestions"));
    assertFalse(suggestions.isEmpty());

    WebElement turn = ask(OUT_OF_SCOPE_QUESTION);
    assertEquals(expected.get("answer").getAsString(), turn.findElement(By.cssSelector(".answer-lead")).getText());
    assertEquals("Topics the library does cover", turn.findElement(By.cssSelector(".suggestions-heading")).getText());
    List<WebElement> buttons = turn.findElements(By.cssSelector(".suggestions button"));
    assertEquals(suggestions, buttons.stream().map(WebElement::getText).toList());
    assertEquals(0, turn.findElements(By.cssSelector(".source-card")).size());
    assertEquals(0, turn.findElements(By.cssSelector("a.cite")).size());

    // A suggestion asks itself.
    buttons.get(0).click();
    WebElement second = waitForAnswers(2).get(0);
    assertEquals("You asked: " + suggestions.get(0),
        second.findElement(By.cssSelector(".turn-question")).getDomProperty("textContent"));
    assertEquals("question", driver.switchTo().activeElement().getDomAttribute("id"));
  }

  @Test
  void aDeclinedQuestionListsTheClosestPassageAsLinksNotAsSources() throws Exception {
    JsonObject expected = askApi("three houses tool");
    assertFalse(expected.get("grounded").getAsBoolean());
    assertEquals(1, expected.getAsJsonArray("closest").size());

    WebElement turn = ask("three houses tool");
    assertEquals(expected.get("answer").getAsString(), turn.findElement(By.cssSelector(".answer-lead")).getText());
    assertEquals("Closest passages in the library (not an answer)",
        turn.findElement(By.cssSelector(".closest-heading")).getText());
    List<WebElement> items = turn.findElements(By.cssSelector(".closest-item"));
    assertEquals(1, items.size());
    WebElement link = items.get(0).findElement(By.cssSelector("a.closest-link"));
    assertEquals("7.6.4 Examples of good practice included", link.getText());
    assertEquals("/documents/newcastle-learning-from-practice-annual-report-2016-17#7-6-4-examples-of-good-practice-"
        + "included", link.getDomAttribute("href"));
    assertEquals("· Learning from practice Annual Report 2016-17",
        items.get(0).findElement(By.cssSelector(".closest-document")).getText());
    WebElement sentence = items.get(0).findElement(By.cssSelector(".closest-excerpt"));
    assertEquals("Childrens views being gathered and used to inform decision making in the majority of cases "
        + "(including the use of three houses in some cases)", sentence.getText());
    assertEquals(List.of("three", "houses"),
        sentence.findElements(By.tagName("mark")).stream().map(WebElement::getText).toList());
    assertEquals(0, turn.findElements(By.cssSelector(".source-card")).size(), "pointers, not sources");
    assertEquals(0, turn.findElements(By.cssSelector(".points li")).size());
    // A question the library answers, close to this one, is offered in place of the topics.
    assertEquals("Questions the library does answer",
        turn.findElement(By.cssSelector(".suggestions-heading")).getText());
    assertEquals(strings(expected.getAsJsonArray("suggestions")),
        turn.findElements(By.cssSelector(".suggestions button")).stream().map(WebElement::getText).toList());

    phoneViewport(375);
    assertNoHorizontalScroll();
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", turn);
    screenshot("chat-closest-phone.png");
  }

  @Test
  void aFollowUpQuestionInTheSameConversationGetsAnAnswer() {
    ask(GROUNDED_QUESTION);
    ask("What should I do to show it in my practice?");

    List<WebElement> turns = driver.findElements(By.cssSelector("#thread > li.turn"));
    assertEquals(2, turns.size());
    assertEquals(2, driver.findElements(By.cssSelector("#thread .answer .answer-lead")).size());
    assertEquals("You asked: What should I do to show it in my practice?",
        turns.get(0).findElement(By.cssSelector(".turn-question")).getDomProperty("textContent"), "newest first");

    List<Map<String, Object>> asks = fetches("/api/ask");
    assertEquals(2, asks.size());
    JsonObject firstRequest = JsonParser.parseString((String) asks.get(0).get("body")).getAsJsonObject();
    JsonObject firstResponse = JsonParser.parseString((String) asks.get(0).get("response")).getAsJsonObject();
    JsonObject secondRequest = JsonParser.parseString((String) asks.get(1).get("body")).getAsJsonObject();
    assertFalse(firstRequest.has("conversationId"), "a fresh page starts a fresh conversation");
    assertEquals(firstResponse.get("conversationId").getAsString(), secondRequest.get("conversationId").getAsString());

    // "New conversation" clears the thread and forgets the conversation.
    driver.findElement(By.id("new-conversation")).click();
    assertEquals(0, driver.findElements(By.cssSelector("#thread > li")).size());
    assertTrue(driver.findElement(By.id("starters")).isDisplayed());
    ask(GROUNDED_QUESTION);
    JsonObject third = JsonParser.parseString((String) fetches("/api/ask").get(2).get("body")).getAsJsonObject();
    assertFalse(third.has("conversationId"));
  }

  @Test
  void aQuestionWithANameShowsTheQuestionAsKeptAndTheTabKeepsNoName() {
    WebElement turn = ask("My client Tasha Wilkins says the kids never get asked, should records show their views?");
    assertEquals("You asked: My client [name] says the kids never get asked, should records show their views?",
        turn.findElement(By.cssSelector(".turn-question")).getDomProperty("textContent"));
    assertEquals("Names and other details that could identify someone were taken out before your question was "
        + "searched or kept.", turn.findElement(By.cssSelector(".turn-masked")).getText());
    String kept = (String) ((JavascriptExecutor) driver)
        .executeScript("return window.sessionStorage.getItem('guidance-assistant.conversation.v1')");
    assertTrue(kept.contains("My client [name] says"), kept);
    assertFalse(kept.contains("Tasha") || kept.contains("Wilkins"), kept);

    // A question without identifiers is shown as typed, with no note.
    WebElement plain = ask(GROUNDED_QUESTION);
    assertEquals(0, plain.findElements(By.cssSelector(".turn-masked")).size());
  }

  @Test
  void theFiltersAreFilledFromTheLibraryAndSentWithTheQuestion() throws Exception {
    JsonArray documents = getJson("/api/documents").getAsJsonArray("documents");
    long types = documents.asList().stream()
        .map(d -> d.getAsJsonObject().get("documentType").getAsString().toLowerCase()).distinct().count();
    driver.findElement(By.cssSelector("#filters > summary")).click();
    Select type = new Select(driver.findElement(By.id("filter-type")));
    wait(d -> type.getOptions().size() > 1);
    assertEquals(types + 1, type.getOptions().size());
    assertEquals("All document types", type.getOptions().get(0).getText());

    type.selectByValue("thematic briefing");
    new Select(driver.findElement(By.id("filter-theme"))).selectByValue("neglect");
    assertEquals("(2 filters on)", driver.findElement(By.id("filter-count")).getText());
    WebElement turn = ask("When should I escalate a neglect concern?");
    assertEquals("Searched only document type: thematic briefing; theme: neglect",
        turn.findElement(By.cssSelector(".turn-filters")).getText());
    JsonObject body = JsonParser.parseString((String) fetches("/api/ask").get(0).get("body")).getAsJsonObject();
    assertEquals("thematic briefing", body.getAsJsonObject("filters").getAsJsonArray("type").get(0).getAsString());
    assertEquals("neglect", body.getAsJsonObject("filters").getAsJsonArray("theme").get(0).getAsString());
  }

  @Test
  void theWholeFlowWorksByKeyboardOnly() {
    Actions keys = new Actions(driver);
    keys.sendKeys(Keys.TAB).perform();
    assertEquals("question", driver.switchTo().activeElement().getDomAttribute("id"),
        "the first Tab reaches the ask box");

    keys.sendKeys(GROUNDED_QUESTION).perform();
    keys.keyDown(Keys.SHIFT).sendKeys(Keys.ENTER).keyUp(Keys.SHIFT).perform();
    assertEquals(GROUNDED_QUESTION + "\n", driver.findElement(By.id("question")).getDomProperty("value"),
        "Shift+Enter adds a new line instead of asking");
    keys.sendKeys(Keys.ENTER).perform();
    WebElement turn = waitForAnswers(1).get(0);
    assertEquals("question", driver.switchTo().activeElement().getDomAttribute("id"), "focus stays in the ask box");
    assertEquals("", driver.findElement(By.id("question")).getDomProperty("value"));

    WebElement firstCite = turn.findElement(By.cssSelector(".points a.cite"));
    WebElement active = null;
    for (int i = 0; i < 10; i++) {
      keys.sendKeys(Keys.TAB).perform();
      active = driver.switchTo().activeElement();
      if (active.equals(firstCite)) {
        break;
      }
    }
    assertEquals(firstCite, active, "Tab reaches the first citation marker");

    keys.sendKeys(Keys.ENTER).perform();
    String cardId = turn.getDomAttribute("id") + "-source-1";
    wait(ExpectedConditions.attributeToBe(By.cssSelector(":focus"), "id", cardId));

    keys.sendKeys(Keys.TAB).perform();
    WebElement link = driver.switchTo().activeElement();
    assertEquals("a", link.getTagName());
    assertTrue(link.getText().startsWith("Open in document"));
    String href = link.getDomAttribute("href");

    keys.sendKeys(Keys.ENTER).perform();
    wait(ExpectedConditions.urlToBe(base + href));
    String anchor = href.substring(href.indexOf('#') + 1);
    waitForCitedPassage(anchor);
    assertEquals(anchor, driver.switchTo().activeElement().getDomAttribute("id"));
  }

  @Test
  void anUrgentQuestionTheLibraryCannotAnswerLeadsWithWhoToContactAtPhoneWidth() throws Exception {
    JsonObject expected = askApi(UNCOVERED_URGENT_QUESTION);
    assertTrue(expected.get("urgent").getAsBoolean(), "the fixture question should be urgent");
    phoneViewport(390);
    try {
      WebElement turn = ask(UNCOVERED_URGENT_QUESTION);
      List<WebElement> children = turn.findElements(By.xpath("./*"));
      WebElement alert = children.get(0);
      assertEquals("alert", alert.getDomAttribute("role"), "who to contact leads the turn, above the question");
      assertEquals(expected.get("urgentMessage").getAsString(),
          alert.findElement(By.cssSelector(".alert-urgent-text")).getText());
      assertTrue(alert.getRect().getY() < turn.findElement(By.cssSelector(".turn-question")).getRect().getY());
      assertTrue(alert.getRect().getY() < turn.findElement(By.cssSelector(".answer")).getRect().getY());
      // Not grounded, yet what the library says to do in an emergency is shown, quoted and cited.
      assertEquals(expected.getAsJsonArray("points").size(), turn.findElements(By.cssSelector(".points > li")).size());
      // Announced to screen readers first: the live region starts with the emergency advice itself.
      String announced = wait(d -> {
        String t = d.findElement(By.id("announcer")).getDomProperty("textContent");
        return t == null || t.isEmpty() ? null : t;
      });
      assertTrue(announced.startsWith("Urgent. " + expected.get("urgentMessage").getAsString()), announced);
      assertNoHorizontalScroll();
      ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", turn);
      screenshot("chat-urgent-phone.png");
      assertTrue((Boolean) ((JavascriptExecutor) driver).executeScript(
          "const r = arguments[0].getBoundingClientRect(); return r.top > -1 && r.bottom <= window.innerHeight;",
          alert),
          "the whole prompt fits on a phone screen: " + ((JavascriptExecutor) driver).executeScript(
              "const r = arguments[0].getBoundingClientRect(); return [r.top, r.bottom, window.innerHeight];", alert));
    } finally {
      desktopViewport();
    }
  }

  @Test
  void anUrgentQuestionShowsTheAlertBannerAboveTheAnswer() throws Exception {
    JsonObject expected = askApi(URGENT_QUESTION);
    assertTrue(expected.get("urgent").getAsBoolean(), "the fixture question should be urgent");

    WebElement turn = ask(URGENT_QUESTION);
    List<WebElement> alerts = turn.findElements(By.cssSelector("[role=alert]"));
    assertEquals(1, alerts.size());
    WebElement alert = alerts.get(0);
    assertTrue(alert.isDisplayed());
    assertEquals(expected.get("urgentMessage").getAsString(),
        alert.findElement(By.cssSelector(".alert-urgent-text")).getText());
    assertTrue(alert.getText().contains("999"));
    WebElement answer = turn.findElement(By.cssSelector(".answer"));
    Boolean before = (Boolean) ((JavascriptExecutor) driver).executeScript(
        "return (arguments[0].compareDocumentPosition(arguments[1]) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0", alert,
        answer);
    assertTrue(before, "the alert comes before the answer in reading order");
    assertTrue(alert.getRect().getY() < answer.getRect().getY(), "the alert is drawn above the answer");
    assertEquals("rgba(255, 255, 255, 1)", alert.getCssValue("color"));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", turn);
    screenshot("chat-urgent.png");
  }

  @Test
  void aBusyServerIsReportedPolitelyAndTryAgainAsksAgain() {
    // The next /api/ask answers 503, as the server does while it rebuilds its index.
    ((JavascriptExecutor) driver).executeScript(String.join("\n",
        "const real = window.fetch; let failed = false;",
        "window.fetch = function (url, options) {",
        "  if (!failed && String(url) === '/api/ask') {",
        "    failed = true;",
        "    return Promise.resolve(new Response(JSON.stringify({ error: 'The library is being rebuilt.' }),",
        "      { status: 503, headers: { 'Content-Type': 'application/json' } }));",
        "  }",
        "  return real.apply(this, arguments);",
        "};"));
    WebElement box = driver.findElement(By.id("question"));
    box.sendKeys(GROUNDED_QUESTION, Keys.ENTER);
    WebElement notice = wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#thread .notice-error")));
    assertEquals("The library is still being prepared. Please try again in a few seconds.",
        notice.findElement(By.tagName("p")).getText());

    notice.findElement(By.xpath(".//button[normalize-space()='Try again']")).click();
    WebElement turn = waitForAnswers(1).get(0);
    assertEquals(1, driver.findElements(By.cssSelector("#thread > li.turn")).size(), "the failed turn is replaced");
    assertEquals("You asked: " + GROUNDED_QUESTION,
        turn.findElement(By.cssSelector(".turn-question")).getDomProperty("textContent"));
    assertTrue(turn.findElements(By.cssSelector(".source-card")).size() > 0);
  }

  @Test
  void anEmptyQuestionIsNotSentAndTheBoxSaysWhy() {
    WebElement box = driver.findElement(By.id("question"));
    box.sendKeys("   ", Keys.ENTER);
    WebElement error = driver.findElement(By.id("question-error"));
    assertEquals("Type a question first.", error.getText());
    assertEquals("true", box.getDomAttribute("aria-invalid"));
    assertEquals("question-hint question-error", box.getDomAttribute("aria-describedby"));
    assertEquals(0, driver.findElements(By.cssSelector("#thread > li")).size());
    assertEquals(0, fetches("/api/ask").size());
  }

  @Test
  void untrustedTextIsNotRenderedAsHtml() {
    WebElement turn = ask(HOSTILE_QUESTION);
    assertEquals(0, driver.findElements(By.cssSelector("#thread img")).size());
    assertEquals("You asked: " + HOSTILE_QUESTION,
        turn.findElement(By.cssSelector(".turn-question")).getDomProperty("textContent"));
    assertTrue(turn.findElement(By.cssSelector(".turn-question")).getText().contains(HOSTILE_QUESTION));
    assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
  }

  @Test
  void thumbsDownSendsFeedbackAndShowsThanks() throws Exception {
    WebElement turn = ask(GROUNDED_QUESTION);
    WebElement down = turn.findElement(By.cssSelector("button[data-rating=down]"));
    WebElement up = turn.findElement(By.cssSelector("button[data-rating=up]"));
    assertEquals("false", down.getDomAttribute("aria-pressed"));

    down.click();
    assertEquals("true", down.getDomAttribute("aria-pressed"));
    assertEquals("false", up.getDomAttribute("aria-pressed"));
    WebElement reason = turn.findElement(By.cssSelector(".feedback-reason textarea"));
    assertTrue(reason.isDisplayed());
    assertEquals(reason, driver.switchTo().activeElement(), "the optional reason box takes focus");
    reason.sendKeys("Needs local contact numbers");
    screenshot("chat-feedback.png");
    turn.findElement(By.xpath(".//button[normalize-space()='Send feedback']")).click();

    wait(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("#" + turn.getDomAttribute("id") + " .feedback-status"), "Thanks for your feedback."));
    List<Map<String, Object>> sent = fetches("/api/feedback");
    assertEquals(1, sent.size());
    assertEquals(200L, ((Number) sent.get(0).get("status")).longValue());
    JsonObject body = JsonParser.parseString((String) sent.get(0).get("body")).getAsJsonObject();
    JsonObject answer = JsonParser.parseString((String) fetches("/api/ask").get(0).get("response")).getAsJsonObject();
    assertEquals(answer.get("answerId").getAsString(), body.get("answerId").getAsString());
    assertEquals(answer.get("conversationId").getAsString(), body.get("conversationId").getAsString());
    assertEquals("down", body.get("rating").getAsString());
    assertEquals("Needs local contact numbers", body.get("reason").getAsString());
  }

  /**
   * After a restart a question waits a minute or two for the server's models: the page asks /health
   * why an answer is slow and, while it says "training", tells the practitioner and keeps waiting
   * (past its usual 45 s) rather than leaving a bare spinner. The browser is told the server is
   * training, and its ask held back until the test has read the message (a fixed hold of five seconds left a
   * busy machine's browser two to read it in), so the test does not depend on catching a real start.
   */
  @Test
  void aSlowAnswerWhileTheServerIsStartingUpSaysSoAndStillArrives() throws Exception {
    askApi(GROUNDED_QUESTION); // the real server's models are trained first, so the held-back ask is quick
    ((JavascriptExecutor) driver).executeScript(String.join("\n",
        "const real = window.fetch;",
        "window.fetch = function (url, options) {",
        "  if (String(url) === '/health') {",
        "    return Promise.resolve(new Response(JSON.stringify({ status: 'ready', safetyScreen: 'ready',",
        "      answerModels: 'training' }), { status: 200, headers: { 'Content-Type': 'application/json' } }));",
        "  }",
        "  if (String(url) === '/api/ask') {",
        "    return new Promise(function (resolve) { window.releaseAsk = resolve; })",
        "      .then(function () { return real(url, options); });",
        "  }",
        "  return real(url, options);",
        "};"));
    int before = driver.findElements(By.cssSelector("#thread .turn-body .answer, #thread .turn-body .notice")).size();
    WebElement box = driver.findElement(By.id("question"));
    box.sendKeys(GROUNDED_QUESTION, Keys.ENTER);
    WebElement loading = wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#thread .loading")));
    wait(d -> loading.getText().startsWith("The assistant is still starting up"));
    assertEquals("The assistant is still starting up (it prepares itself for a minute or two after a restart). "
        + "Your answer will follow; there is no need to ask again.", loading.getText());
    ((JavascriptExecutor) driver).executeScript("window.releaseAsk();");
    WebElement turn = waitForAnswers(before + 1).get(0);
    assertEquals(1, turn.findElements(By.cssSelector(".answer-lead")).size(), turn.getText());
    assertEquals(0, turn.findElements(By.cssSelector(".loading")).size());
  }

  // ------------------------------------------------------------------------------- helpers

  private static void openChat() {
    driver.get(base + "/");
    ((JavascriptExecutor) driver).executeScript("sessionStorage.clear()");
    driver.navigate().refresh();
    wait(ExpectedConditions.elementToBeClickable(By.id("question")));
    ((JavascriptExecutor) driver).executeScript(RECORD_FETCHES);
  }

  /** Types a question, presses Enter and waits for its answer; returns the new turn. */
  private static WebElement ask(String question) {
    int before = driver.findElements(By.cssSelector("#thread .turn-body .answer, #thread .turn-body .notice")).size();
    WebElement box = driver.findElement(By.id("question"));
    box.click();
    box.sendKeys(question);
    box.sendKeys(Keys.ENTER);
    return waitForAnswers(before + 1).get(0);
  }

  /** Waits until the thread holds {@code count} finished turns; newest first. */
  private static List<WebElement> waitForAnswers(int count) {
    wait(d -> d.findElements(By.cssSelector("#thread .turn-body .answer, #thread .turn-body .notice")).size() == count);
    List<WebElement> turns = driver.findElements(By.cssSelector("#thread > li.turn"));
    assertEquals(0, turns.get(0).findElements(By.cssSelector(".notice-error")).size(),
        () -> "the question failed: " + turns.get(0).getText());
    return turns;
  }

  private static WebElement waitForCitedPassage(String anchor) {
    WebElement passage = wait(ExpectedConditions.presenceOfElementLocated(By.id(anchor)));
    wait(d -> passage.getDomAttribute("class").contains("is-cited"));
    wait(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
        "const r = arguments[0].getBoundingClientRect();"
            + "return r.top >= 0 && r.top < window.innerHeight && r.bottom > 0;",
        passage));
    return passage;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> fetches(String path) {
    wait(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
        "return window.__fetchLog.every(function (e) { return e.status === undefined || e.response !== undefined; })"));
    List<Map<String, Object>> all = (List<Map<String, Object>>) ((JavascriptExecutor) driver)
        .executeScript("return window.__fetchLog");
    List<Map<String, Object>> matching = new ArrayList<>();
    for (Map<String, Object> entry : all) {
      if (((String) entry.get("url")).equals(path)) {
        matching.add(entry);
      }
    }
    return matching;
  }

  /** Exactly 1280×900 CSS pixels, whatever the headless window's decorations. */
  private static void desktopViewport() {
    ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
  }

  /** A phone {@code width} CSS pixels wide and 844 high: mobile mode honours the viewport meta tag. */
  private static void phoneViewport(int width) {
    ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", 844, "deviceScaleFactor", 1, "mobile", true));
  }

  private static void assertNoHorizontalScroll() {
    Long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    assertNotNull(overflow);
    assertEquals(0L, overflow.longValue(), "no horizontal scrolling at phone width");
  }

  private static <T> T wait(java.util.function.Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT).until(condition);
  }

  private static void screenshot(String name) throws IOException {
    Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  private static JsonObject askApi(String question) throws Exception {
    JsonObject body = new JsonObject();
    body.addProperty("question", question);
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/ask"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
        .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }

  private static JsonObject getJson(String path) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }

  private static List<String> strings(JsonArray array) {
    List<String> out = new ArrayList<>();
    for (JsonElement e : array) {
      out.add(e.getAsString());
    }
    return out;
  }

  /** What the page should show for a `highlighted` string: marks dropped, entities decoded. */
  private static String plain(String highlighted) {
    return highlighted.replace("<mark>", "").replace("</mark>", "")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }

}
