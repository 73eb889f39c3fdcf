package org.aimonitor.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.aimonitor.TestApp;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fixture of a browser test class: a temporary folder, the app on a fresh database in it and
 * one Chromium, started once for the class and stopped (the folder deleted) after it. After each
 * test the browser is back on screen media without emulated preferences and without the
 * {@code lang} cookie a Chinese page leaves, so no test reads its pages in the print, dark or
 * Chinese of the one before it. Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final BrowserSession session = new BrowserSession();
 * }</pre>
 *
 * <p>The app and browser exist from before the first test instance is made, so a test class can
 * copy them into instance fields ({@code final Browser browser = session.browser();}).
 */
public final class BrowserSession implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

  private final String adminToken;
  private int width = 1280;
  private int height = 900;
  private boolean downloads;
  private boolean reducedMotion;

  private Path dir;
  private TestApp app;
  private Browser browser;

  /** The app without admin pages, in a 1280 x 900 window. */
  public BrowserSession() {
    this(null);
  }

  private BrowserSession(String adminToken) {
    this.adminToken = adminToken;
  }

  /** The app with the admin pages on for {@code token}. */
  public static BrowserSession withAdminToken(String token) {
    return new BrowserSession(token);
  }

  /** A {@code width} x {@code height} window instead of 1280 x 900. */
  public BrowserSession windowSize(int width, int height) {
    this.width = width;
    this.height = height;
    return this;
  }

  /**
   * Pages read with {@code prefers-reduced-motion: reduce}, so charts are drawn at once instead
   * of animating for 400 ms before {@link Browser#open} returns: for checks of what a settled
   * page shows (axe, table layout), which animation does not change.
   */
  public BrowserSession reducedMotion() {
    this.reducedMotion = true;
    return this;
  }

  /** Downloads saved without asking into {@link #downloads()}. */
  public BrowserSession savingDownloads() {
    this.downloads = true;
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("aim-browser-test");
    app = adminToken == null ? TestApp.start(dir) : TestApp.start(dir, adminToken);
    browser = Browser.start(width, height,
        downloads ? Files.createDirectories(dir.resolve("downloads")) : null);
    if (reducedMotion) {
      browser.alwaysPrefer(java.util.Map.of("prefers-reduced-motion", "reduce"));
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    browser.emulateMedia(null);
    // Chinese pages leave their lang cookie; English ones must not inherit it.
    browser.driver().manage().deleteCookieNamed("lang");
  }

  @Override
  public void afterAll(ExtensionContext context) {
    // JUnit calls this even when beforeAll failed part way, so each step checks what started.
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      try {
        if (app != null) {
          app.close();
        }
      } finally {
        if (dir != null) {
          deleteTree(dir);
        }
      }
    }
  }

  /** The temporary folder the app's database is in; a test may write its own files there too. */
  public Path dir() {
    return started(dir);
  }

  public TestApp app() {
    return started(app);
  }

  public Browser browser() {
    return started(browser);
  }

  /** Where the browser saves downloads (see {@link #savingDownloads()}). */
  public Path downloads() {
    if (!downloads) {
      throw new IllegalStateException("this session was not started with savingDownloads()");
    }
    return dir().resolve("downloads");
  }

  private static <T> T started(T value) {
    if (value == null) {
      // Reached from a static initialiser or a PER_CLASS test instance, made before beforeAll.
      throw new IllegalStateException("the browser session has not started yet (or failed to start)");
    }
    return value;
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
