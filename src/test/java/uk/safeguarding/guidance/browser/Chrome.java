package uk.safeguarding.guidance.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium for the browser tests, driven through the system chromedriver (so
 * Selenium Manager never downloads anything). {@code CHROME_BIN} and {@code CHROMEDRIVER} override
 * the paths.
 */
final class Chrome {

  private static final String CHROME = firstNonBlank(System.getenv("CHROME_BIN"), "/usr/bin/chromium");
  private static final String DRIVER = firstNonBlank(System.getenv("CHROMEDRIVER"), "/usr/bin/chromedriver");

  private Chrome() {}

  /**
   * Why the browser tests cannot run here, or null when they can. Under CI ({@code CI=true}) a
   * missing browser is a failure, not a skip, so a CI run never passes without them.
   */
  static String skipReason() {
    return skipReason(Path.of(CHROME), Path.of(DRIVER), System.getenv("CI"));
  }

  static String skipReason(Path chrome, Path driver, String ci) {
    String reason = null;
    if (!Files.isExecutable(chrome)) {
      reason = "no Chromium at " + chrome + " (set CHROME_BIN to point at one)";
    } else if (!Files.isExecutable(driver)) {
      reason = "no chromedriver at " + driver + " (set CHROMEDRIVER to point at one)";
    }
    if (reason != null && "true".equalsIgnoreCase(ci == null ? "" : ci.strip())) {
      throw new IllegalStateException("The browser tests cannot run: " + reason
          + ". CI=true, so they fail instead of skipping; install chromium and chromium-driver.");
    }
    return reason == null ? null : "Skipping browser tests: " + reason + ".";
  }

  /** A fresh headless browser with its own profile under {@code tempDir}. */
  static ChromeDriver start(Path tempDir) throws IOException {
    System.setProperty("webdriver.chrome.driver", DRIVER);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(DRIVER))
        .usingAnyFreePort()
        .build();
    Path profile = Files.createDirectories(tempDir.resolve("chrome-profile"));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROME);
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logging);
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900",
        // Instant scrolling keeps "is it in view" checks deterministic; it also exercises the
        // page's reduced-motion path.
        "--force-prefers-reduced-motion");
    return new ChromeDriver(service, options);
  }

  private static String firstNonBlank(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
