package org.aimonitor.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.aimonitor.TestApp;
import org.aimonitor.a11y.AdminPages;
import org.aimonitor.a11y.CheckedPages;
import org.aimonitor.a11y.CheckedPages.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core in Debian's Chromium on one page of every kind, the staff pages under /admin in every
 * state included: no violation of serious or critical impact at a desktop and a phone width, in
 * the light and the dark colour scheme; and no page scrolls sideways on the narrowest phones
 * (320 px). The dark scheme changes colours only (ColourContrastTest checks the CSS), so axe runs
 * its colour rules there; pages are read with reduced motion, settled without chart animation.
 */
class AccessibilityInBrowserTest {

  static final int NARROWEST = 320;
  /** The staff pages' states, as a member of staff reaches them (see {@link #reach}). */
  static final List<String> ADMIN_STATES = List.of("sign-in", "sign-in refused", "upload form",
      "upload refused", "upload preview", "upload applied", "import log");
  static final Map<String, String> DARK = Map.of("prefers-color-scheme", "dark");

  @RegisterExtension
  static final BrowserSession session = BrowserSession.withAdminToken(AdminPages.TOKEN).reducedMotion();
  final TestApp app = session.app();
  final Browser browser = session.browser();
  static Axe axe;

  @BeforeAll
  static void loadAxe() {
    axe = Axe.load();
    axe.installIn(session.browser());
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
    assertEquals("", String.join("\n", axe.seriousColourViolations(browser)),
        "axe violations on " + page + " at " + width + " px in the dark scheme");
  }

  static Stream<Arguments> chinesePagesAndWidths() {
    return CheckedPages.kindsInChinese().flatMap(page -> Stream.of(
        Arguments.of(page, PageChecks.DESKTOP), Arguments.of(page, PageChecks.PHONE)));
  }

  /** The same checks on every page kind in Chinese (light scheme; colours do not change with language). */
  @ParameterizedTest(name = "{0} at {1} px")
  @MethodSource("chinesePagesAndWidths")
  void axeFindsNoSeriousOrCriticalViolationsInChinese(Page page, int width) {
    open(page, width);
    assertEquals("zh-CN", browser.js("return document.documentElement.lang;"));
    assertEquals("", String.join("\n", axe.seriousViolations(browser)),
        "axe violations on " + page + " at " + width + " px");
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
    List<String> colours = axe.seriousColourViolations(browser);
    assertAll(
        () -> assertTrue(found.stream().anyMatch(v -> v.startsWith("critical: button-name")), found::toString),
        () -> assertTrue(found.stream().anyMatch(v -> v.startsWith("serious: color-contrast")), found::toString),
        () -> assertTrue(colours.stream().anyMatch(v -> v.startsWith("serious: color-contrast")), colours::toString),
        () -> assertTrue(colours.stream().noneMatch(v -> v.contains("button-name")), "colour rules only: " + colours));
  }

  static Stream<Arguments> adminStatesAndWidths() {
    return ADMIN_STATES.stream().flatMap(state -> Stream.of(
        Arguments.of(state, PageChecks.DESKTOP), Arguments.of(state, PageChecks.PHONE)));
  }

  private static int uploads;

  /** Brings the browser to one state of the staff pages, signing in or out and uploading as needed. */
  private void reach(String state, int width) throws IOException {
    browser.viewport(width, 900);
    browser.driver().executeCdpCommand("Network.clearBrowserCookies", Map.of());
    browser.open(app.url("/admin/login"));
    if (state.equals("sign-in")) {
      return;
    }
    signIn(state.equals("sign-in refused") ? "not-the-token" : AdminPages.TOKEN);
    if (state.equals("sign-in refused")) {
      return;
    }
    switch (state) {
      case "upload form" -> { }
      case "import log" -> browser.open(app.url("/admin/imports"));
      case "upload refused" -> upload(AdminPages.BAD_CSV);
      default -> {
        // A value no earlier run stored, so there is always something to preview and apply.
        uploads++;
        upload(AdminPages.GOOD_CSV.replace(",12.5,", "," + (12 + uploads) + ".5,"));
        if (state.equals("upload applied")) {
          submit("form[action='/admin/import/apply'] button");
        }
      }
    }
  }

  private void signIn(String token) {
    browser.driver().findElement(By.name("token")).sendKeys(token);
    submit("form[action='/admin/login'] button");
  }

  private void upload(String csv) throws IOException {
    Path file = Files.writeString(session.dir().resolve("upload-" + uploads + ".csv"), csv);
    browser.driver().findElement(By.id("files")).sendKeys(file.toAbsolutePath().toString());
    submit("form[action='/admin/import/preview'] button");
  }

  /** Clicks a submit button and waits for the page it leads to. */
  private void submit(String selector) {
    Object before = browser.js("return document.documentElement;");
    browser.driver().findElement(By.cssSelector(selector)).click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30), Duration.ofMillis(50))
        .until(d -> !before.equals(browser.js("return document.documentElement;"))
            && "complete".equals(browser.js("return document.readyState;")));
  }

  /** The heading of each state: proof that the check looked at the page meant. */
  static final Map<String, String> ADMIN_HEADINGS = Map.of(
      "sign-in", "Staff sign-in", "sign-in refused", "Staff sign-in", "upload form", "Import data",
      "upload refused", "Import refused", "upload preview", "Check the import",
      "upload applied", "Import applied", "import log", "Import log");

  @ParameterizedTest(name = "admin {0} at {1} px")
  @MethodSource("adminStatesAndWidths")
  void axeFindsNoSeriousOrCriticalViolationsOnTheStaffPages(String state, int width) throws Exception {
    reach(state, width);
    assertEquals(ADMIN_HEADINGS.get(state), browser.js("return document.querySelector('h1').textContent.trim();"));
    assertEquals("", String.join("\n", axe.seriousViolations(browser)),
        "axe violations on the staff page \"" + state + "\" at " + width + " px");
  }

  @ParameterizedTest(name = "admin {0}")
  @MethodSource("adminStates")
  void axeFindsNoSeriousOrCriticalViolationsOnTheStaffPagesInTheDarkScheme(String state) throws Exception {
    browser.emulateMedia(null, DARK);
    reach(state, PageChecks.DESKTOP);
    assertEquals("", String.join("\n", axe.seriousColourViolations(browser)),
        "axe violations on the staff page \"" + state + "\" in the dark scheme");
  }

  static Stream<String> adminStates() {
    return ADMIN_STATES.stream();
  }

  @ParameterizedTest(name = "admin {0}")
  @MethodSource("adminStates")
  void staffPageDoesNotScrollSidewaysOnTheNarrowestPhones(String state) throws Exception {
    reach(state, NARROWEST);
    assertEquals(List.of(), browser.js(PageChecks.SIDEWAYS_OVERFLOW, NARROWEST),
        "staff page \"" + state + "\" at " + NARROWEST + " px");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.aimonitor.a11y.CheckedPages#kinds")
  void pageDoesNotScrollSidewaysOnTheNarrowestPhones(Page page) {
    open(page, NARROWEST);
    assertEquals(List.of(), browser.js(PageChecks.SIDEWAYS_OVERFLOW, NARROWEST),
        page + " at " + NARROWEST + " px");
  }
}
