package org.aimonitor.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.aimonitor.TestApp;
import org.aimonitor.a11y.CheckedPages;
import org.aimonitor.a11y.CheckedPages.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * axe-core in Debian's Chromium on one page of every kind: no violation of serious or critical
 * impact at a desktop and a phone width, in the light and the dark colour scheme; and no page
 * scrolls sideways on the narrowest phones (320 px).
 */
class AccessibilityInBrowserTest {

  static final int NARROWEST = 320;
  static final Map<String, String> DARK = Map.of("prefers-color-scheme", "dark");

  @TempDir
  static Path dir;
  static TestApp app;
  static Browser browser;
  static Axe axe;

  @BeforeAll
  static void start() {
    axe = Axe.load();
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

  @AfterEach
  void lightSchemeAgain() {
    browser.emulateMedia(null);
  }

  static Stream<Arguments> pagesAndWidths() {
    return CheckedPages.kinds().flatMap(page -> Stream.of(
        Arguments.of(page, PageChecks.DESKTOP), Arguments.of(page, PageChecks.PHONE)));
  }

  private void open(Page page, int width) {
    browser.viewport(width, 900);
    browser.open(app.url(page.path()));
  }

  @ParameterizedTest(name = "{0} at {1} px")
  @MethodSource("pagesAndWidths")
  void axeFindsNoSeriousOrCriticalViolations(Page page, int width) {
    open(page, width);
    assertEquals("", String.join("\n", axe.seriousViolations(browser)),
        "axe violations on " + page + " at " + width + " px");
  }

  @ParameterizedTest(name = "{0} at {1} px")
  @MethodSource("pagesAndWidths")
  void axeFindsNoSeriousOrCriticalViolationsInTheDarkScheme(Page page, int width) {
    browser.emulateMedia(null, DARK);
    open(page, width);
    assertEquals("", String.join("\n", axe.seriousViolations(browser)),
        "axe violations on " + page + " at " + width + " px in the dark scheme");
  }

  /** Proof that a clean result means something: axe reports problems put into a page. */
  @Test
  void axeReportsAnUnnamedButtonAndFaintTextAddedToAPage() {
    open(CheckedPages.KINDS.get(0), PageChecks.DESKTOP);
    browser.js("""
        var main = document.getElementById('main');
        main.appendChild(document.createElement('button'));
        var faint = document.createElement('p');
        faint.textContent = 'Faint text';
        faint.style.color = '#bbbbbb';
        main.appendChild(faint);
        """);
    List<String> found = axe.seriousViolations(browser);
    assertAll(
        () -> assertTrue(found.stream().anyMatch(v -> v.startsWith("critical: button-name")), found::toString),
        () -> assertTrue(found.stream().anyMatch(v -> v.startsWith("serious: color-contrast")), found::toString));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.aimonitor.a11y.CheckedPages#kinds")
  void pageDoesNotScrollSidewaysOnTheNarrowestPhones(Page page) {
    open(page, NARROWEST);
    assertEquals(List.of(), browser.js(PageChecks.SIDEWAYS_OVERFLOW, NARROWEST),
        page + " at " + NARROWEST + " px");
  }
}
