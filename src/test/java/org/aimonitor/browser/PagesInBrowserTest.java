package org.aimonitor.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.aimonitor.TestApp;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every page with charts in a real Chromium, at a desktop and a phone width: it loads cleanly
 * (no console errors, no CSP violations), each chart really drew the data its table lists, and
 * nothing makes the page scroll sideways.
 */
class PagesInBrowserTest {

  @RegisterExtension
  static final BrowserSession session = new BrowserSession();
  final TestApp app = session.app();
  final Browser browser = session.browser();

  /** Each chart page in English and once more in Chinese. */
  static Stream<Arguments> pagesAndWidths() {
    return Stream.concat(PageChecks.CHART_PAGES.stream(),
            PageChecks.CHART_PAGES.stream().map(path -> path + "?lang=zh"))
        .flatMap(path -> Stream.of(
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

  /** Chinese pages: Chinese chart legends and controls, and a CJK font the page can use. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/?lang=zh", "/summary?lang=zh"})
  void chinesePagesDrawChineseLegendsAndControlsInACjkFont(String path) {
    open(path, PageChecks.DESKTOP);
    @SuppressWarnings("unchecked")
    List<String> legends = (List<String>) browser.js("""
        return Array.from(document.querySelectorAll('canvas')).flatMap(function (c) {
          var chart = Chart.getChart(c);
          return chart ? chart.data.datasets.map(function (d) { return d.label; }) : [];
        });""");
    @SuppressWarnings("unchecked")
    List<String> buttons = (List<String>) browser.js(
        "return Array.from(document.querySelectorAll('button.chart__toggle')).map(function (b) { return b.textContent; });");
    List<String> fonts = renderedFonts("h1");
    assertAll(
        () -> assertEquals("zh-CN", browser.js("return document.documentElement.lang;")),
        () -> assertTrue(!legends.isEmpty() && legends.stream().anyMatch(l -> l.matches(".*[\\u4e00-\\u9fff].*"))
            && legends.stream().noneMatch(l -> l.matches(".*[a-z]{3,}.*")),
            "legends are Chinese, no English words: " + legends),
        () -> assertTrue(buttons.contains("显示数据表") && buttons.contains("下载PNG图片"), buttons::toString),
        () -> assertTrue(fonts.stream().anyMatch(f -> f.contains("CJK")),
            "the Chinese heading is drawn in a CJK font, not boxes or a stray fallback: " + fonts));
  }

  /** The font families Chromium actually drew an element's text with (DevTools CSS domain). */
  @SuppressWarnings("unchecked")
  private List<String> renderedFonts(String selector) {
    var driver = browser.driver();
    driver.executeCdpCommand("DOM.enable", java.util.Map.of());
    driver.executeCdpCommand("CSS.enable", java.util.Map.of());
    var root = (java.util.Map<String, Object>) driver.executeCdpCommand("DOM.getDocument", java.util.Map.of());
    Object rootId = ((java.util.Map<String, Object>) root.get("root")).get("nodeId");
    var found = driver.executeCdpCommand("DOM.querySelector",
        java.util.Map.of("nodeId", rootId, "selector", selector));
    var fonts = driver.executeCdpCommand("CSS.getPlatformFontsForNode",
        java.util.Map.of("nodeId", found.get("nodeId")));
    return ((List<java.util.Map<String, Object>>) fonts.get("fonts")).stream()
        .map(f -> String.valueOf(f.get("familyName")))
        .toList();
  }

  @ParameterizedTest(name = "{0} at {1} px")
  @MethodSource("pagesAndWidths")
  void pageDoesNotScrollSideways(String path, int width) {
    open(path, width);
    assertEquals(List.of(), browser.js(PageChecks.SIDEWAYS_OVERFLOW, width), path + " at " + width + " px");
  }
}
