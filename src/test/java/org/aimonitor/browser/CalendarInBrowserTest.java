package org.aimonitor.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.aimonitor.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The release calendar page in Chromium, in both languages, on a phone (375 px) and a desktop:
 * no sideways scrolling, no console errors or CSP violations, no serious axe findings (the
 * page is also among CheckedPages, which the full browser and HTML checks visit).
 */
class CalendarInBrowserTest {

  @RegisterExtension
  static final BrowserSession session = new BrowserSession();
  final TestApp app = session.app();
  final Browser browser = session.browser();
  static Axe axe;

  @BeforeAll
  static void loadAxe() {
    axe = Axe.load();
  }

  static Stream<Arguments> pagesAndWidths() {
    return Stream.of("/calendar", "/calendar?lang=zh").flatMap(path -> Stream.of(
        Arguments.of(path, PageChecks.PHONE), Arguments.of(path, PageChecks.DESKTOP)));
  }

  @ParameterizedTest(name = "{0} at {1} px")
  @MethodSource("pagesAndWidths")
  void theCalendarReadsWellOnAPhoneAndADesktop(String path, int width) {
    browser.viewport(width, 900);
    browser.open(app.url(path));
    assertTrue((Boolean) browser.js("return document.querySelectorAll('#overdue tbody tr').length > 0;"),
        "the seed has overdue releases on any day from 2026 on");
    List<String> errors = browser.console().stream()
        .filter(line -> line.startsWith("SEVERE") || line.contains("Content Security Policy")
            || line.contains("Refused to"))
        .toList();
    assertAll(
        () -> assertEquals(List.of(), browser.js(PageChecks.SIDEWAYS_OVERFLOW, width), path + " at " + width + " px"),
        () -> assertEquals(List.of(), errors, "console errors on " + path),
        () -> assertEquals(List.of(), browser.cspViolations(), "CSP violations on " + path),
        () -> assertEquals("", String.join("\n", axe.seriousViolations(browser)),
            "axe violations on " + path + " at " + width + " px"));
  }
}
