package org.aimonitor.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium driven through Debian's chromedriver (never a downloaded browser),
 * with what the browser tests read: the console log, Content-Security-Policy violations, page
 * size emulation and printing to PDF. Missing Chromium is a failure, not a skip: CI installs it
 * with {@code .ci/install-test-deps}.
 */
public final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** Waits for pages and charts; generous, since it only bounds a wait that normally ends at once. */
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  /**
   * Registered before any page script runs, so a violation during loading is caught too. CDP
   * injects it outside the page's CSP, which therefore cannot block the listener itself.
   */
  private static final String CSP_LISTENER = """
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', function (e) {
        window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')
            + ' at ' + e.sourceFile + ':' + e.lineNumber);
      });
      """;

  /**
   * True once the page has loaded and every chart spec has a finished Chart.js chart. charts.js
   * draws charts as they near the viewport; the checks want them all, so the rest are drawn now.
   */
  private static final String CHARTS_SETTLED = """
      if (document.readyState !== 'complete') { return false; }
      var specs = document.querySelectorAll('script.chart-spec');
      if (specs.length === 0) { return true; }
      if (typeof Chart === 'undefined') { return false; }
      if (window.aimDrawAll) { window.aimDrawAll(); }
      return Array.prototype.every.call(specs, function (s) {
        var chart = Chart.getChart(JSON.parse(s.textContent).id);
        return chart && !Chart.animator.running(chart);
      });
      """;

  private final ChromeDriver driver;
  private final Path profile;
  /** Preferences every {@link #emulateMedia} call keeps (see {@link #alwaysPrefer}). */
  private Map<String, String> always = Map.of();

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Starts Chromium with a {@code width} x {@code height} window and, unless {@code downloads} is
   * null, downloads saved there without asking (so a test can click a download button and then
   * look for the file). Test classes get one through {@link BrowserSession}.
   */
  public static Browser start(int width, int height, Path downloads) {
    for (Path exe : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(exe)) {
        throw new AssertionError(exe + " is missing: the browser tests need Debian's chromium and "
            + "chromium-driver (run .ci/install-test-deps, which mvn verify runs before the tests)");
      }
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("aim-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height, "--lang=en-GB");
    if (downloads != null) {
      options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
          "download.prompt_for_download", false));
    }
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.executeCdpCommand("Page.enable", Map.of());
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_LISTENER));
    return new Browser(driver, profile);
  }

  public ChromeDriver driver() {
    return driver;
  }

  /**
   * Lays pages out at {@code width} CSS pixels; below 600 px as a phone (touch, viewport meta
   * honoured), like the devices the phone layout is for.
   */
  public void viewport(int width, int height) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
        "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
  }

  /** Switches CSS media to print (as while printing) or back to screen with {@code null}. */
  public void emulateMedia(String media) {
    emulateMedia(media, Map.of());
  }

  /**
   * As {@link #emulateMedia(String)}, with user preferences such as {@code prefers-color-scheme:
   * dark} or {@code prefers-reduced-motion: reduce}; each call replaces the previous ones.
   */
  public void emulateMedia(String media, Map<String, String> features) {
    Map<String, String> all = new java.util.LinkedHashMap<>(always);
    all.putAll(features);
    List<Map<String, String>> list = all.entrySet().stream()
        .map(f -> Map.of("name", f.getKey(), "value", f.getValue()))
        .toList();
    driver.executeCdpCommand("Emulation.setEmulatedMedia",
        Map.of("media", media == null ? "" : media, "features", list));
  }

  /**
   * Keeps user preferences {@code features} (e.g. {@code prefers-reduced-motion: reduce}) under
   * every later {@link #emulateMedia} call, which may still override one of them.
   */
  public void alwaysPrefer(Map<String, String> features) {
    always = Map.copyOf(features);
    emulateMedia(null);
  }

  /** Opens {@code url} and waits until every chart on it has been drawn and finished animating. */
  public void open(String url) {
    console(); // drop what earlier pages logged
    driver.get(url);
    waitFor(CHARTS_SETTLED);
  }

  /** Polls {@code script} (a function body returning a boolean) until it returns true. */
  public void waitFor(String script) {
    // Polled every 50 ms, not WebDriverWait's default 500 ms: a chart settles in about 400 ms,
    // so the default added most of a second to every page the browser tests open.
    new WebDriverWait(driver, PATIENCE, Duration.ofMillis(50))
        .withMessage(() -> "the page never got to: " + script.strip())
        .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(script)));
  }

  public Object js(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  /** The console messages logged since the last call, as "LEVEL message". */
  public List<String> console() {
    List<String> lines = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      lines.add(e.getLevel() + " " + e.getMessage());
    }
    return lines;
  }

  /** The Content-Security-Policy violations the current page reported. */
  @SuppressWarnings("unchecked")
  public List<String> cspViolations() {
    return (List<String>) driver.executeScript("return window.__cspViolations || ['listener missing'];");
  }

  /** Prints the current page through Chromium's own PDF printing on A4 paper. */
  public byte[] printToPdf() {
    Map<String, Object> result = driver.executeCdpCommand("Page.printToPDF", Map.of(
        "paperWidth", 8.27, "paperHeight", 11.69, "printBackground", true,
        "preferCSSPageSize", true));
    return Base64.getDecoder().decode((String) result.get("data"));
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // A leftover temporary profile is harmless.
      }
    }
  }
}
