package org.aimonitor.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.aimonitor.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When charts are drawn: as they come into view, so a phone does not spend its first seconds on
 * charts further down the page; printing draws every chart that was not drawn yet.
 */
class ChartDrawingTest {

  /** Which charts of the page have a Chart.js chart, by canvas id, in page order. */
  static final String DRAWN = """
      return Array.prototype.map.call(document.querySelectorAll('canvas'), function (c) {
        return c.id + (Chart.getChart(c) ? ' drawn' : ' not drawn');
      });
      """;

  /** The page has loaded and charts.js has set it up (it adds the table toggles first). */
  static final String READY = """
      return document.readyState === 'complete' && typeof Chart !== 'undefined'
          && document.querySelector('.chart__toggle') !== null;
      """;

  @RegisterExtension
  static final BrowserSession session = new BrowserSession();
  final TestApp app = session.app();
  final Browser browser = session.browser();

  /** Opens the overview on a phone without asking for every chart (as Browser.open does). */
  private void openOnAPhone() {
    browser.viewport(PageChecks.PHONE, 700);
    browser.driver().get(app.url("/"));
    browser.waitFor(READY);
  }

  @Test
  void chartsBelowTheFoldAreDrawnWhenScrolledIntoView() {
    openOnAPhone();
    List<?> atLoad = (List<?>) browser.js(DRAWN);
    browser.js("document.getElementById('chart-hardware').scrollIntoView();");
    browser.waitFor("return Chart.getChart('chart-hardware') !== undefined;");
    assertEquals(List.of("chart-market-scale not drawn", "chart-segment-growth not drawn",
        "chart-hardware not drawn", "chart-enterprises not drawn"), atLoad,
        "on a phone the overview's charts start below the key figures");
    assertEquals("chart-enterprises not drawn", ((List<?>) browser.js(DRAWN)).get(3),
        "a chart still out of view waits");
  }

  @Test
  void everyChartHasItsPngButtonFromTheStartAndAnUndrawnChartIsDrawnForItsPng() {
    openOnAPhone();
    long buttons = (Long) browser.js("return document.querySelectorAll('.chart__png').length;");
    String png = (String) browser.js("return window.aimChartPng('chart-enterprises');");
    assertEquals(4, buttons, "a PNG button per chart before any is drawn");
    assertEquals("data:image/png;base64,", png.substring(0, 22));
    assertEquals(Boolean.TRUE, browser.js("""
        var c = Chart.getChart('chart-enterprises');
        return !!c && !Chart.animator.running(c);"""), "drawn whole for the image");
  }

  @Test
  void printingDrawsEveryChartNotDrawnYet() {
    openOnAPhone();
    // every() over no canvases is true: the count makes a page without its charts fail.
    assertEquals(4L, browser.js("return document.querySelectorAll('canvas').length;"),
        "the overview's four charts");
    browser.emulateMedia("print");
    browser.waitFor("""
        var canvases = document.querySelectorAll('canvas');
        return canvases.length === 4 && Array.prototype.every.call(canvases, function (c) {
          return Chart.getChart(c) !== undefined;
        });
        """);
  }
}
