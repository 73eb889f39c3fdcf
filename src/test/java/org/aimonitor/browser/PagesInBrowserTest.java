package org.aimonitor.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.aimonitor.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every page with charts in a real Chromium, at a desktop and a phone width: it loads cleanly
 * (no console errors, no CSP violations), each chart really drew the data its table lists, and
 * nothing makes the page scroll sideways.
 */
class PagesInBrowserTest {

  @TempDir
  static Path dir;
  static TestApp app;
  static Browser browser;

  @BeforeAll
  static void start() {
    app = TestApp.start(dir);
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (app != null) {
      app.close();
    }
  }

  static Stream<Arguments> pagesAndWidths() {
    return PageChecks.CHART_PAGES.stream().flatMap(path -> Stream.of(
        Arguments.of(path, PageChecks.DESKTOP), Arguments.of(path, PageChecks.PHONE)));
  }

  private void open(String path, int width) {
    browser.viewport(width, 900);
    browser.open(app.url(path));
  }

  @ParameterizedTest(name = "{0} at {1} px")
  @MethodSource("pagesAndWidths")
  void pageLoadsWithoutConsoleErrorsOrCspViolations(String path, int width) {
    open(path, width);
    // Also fetch the icons, so a failing icon request would show up in the console below.
    List<?> iconFailures = (List<?>) browser.driver().executeAsyncScript(PageChecks.ICONS_LOAD);
    List<String> errors = browser.console().stream()
        .filter(line -> line.startsWith("SEVERE") || line.contains("Content Security Policy")
            || line.contains("Refused to"))
        .toList();
    List<String> violations = browser.cspViolations();
    assertAll(
        () -> assertEquals(List.of(), iconFailures, "icons that did not load on " + path),
        () -> assertEquals(List.of(), errors, "console errors on " + path),
        () -> assertEquals(List.of(), violations, "CSP violations on " + path));
  }

  @ParameterizedTest(name = "{0} at {1} px")
  @MethodSource("pagesAndWidths")
  void everyChartDrewTheDataItsTableLists(String path, int width) {
    open(path, width);
    long charts = (Long) browser.js("return document.querySelectorAll('script.chart-spec').length;");
    assertTrue(charts >= 3, path + " should draw its charts, found " + charts);
    assertEquals(List.of(), browser.js(PageChecks.CHARTS_MATCH_TABLES), "charts on " + path);
  }

  @ParameterizedTest(name = "{0} at {1} px")
  @MethodSource("pagesAndWidths")
  void pageDoesNotScrollSideways(String path, int width) {
    open(path, width);
    assertEquals(List.of(), browser.js(PageChecks.SIDEWAYS_OVERFLOW, width), path + " at " + width + " px");
  }
}
