package org.aimonitor.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.aimonitor.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ranking's horizontal bars and the comparison over time in a real Chromium: drawn on their
 * side with a bar per ranked place in the table's order and value, lower bounds hatched, the
 * comparison's series drawn, no console errors or CSP violations; and on paper in the light colours.
 */
class PlaceChartsInBrowserTest {

  @RegisterExtension
  static final BrowserSession session = new BrowserSession();
  final TestApp app = session.app();
  final Browser browser = session.browser();

  /**
   * For the ranking chart: the index axis, the category (row) labels, each bar's value and whether
   * it is open, from what Chart.js drew; and the places, in the ranking table's order.
   */
  static final String RANKING = """
      var chart = Chart.getChart('chart-ranking');
      var bars = [];
      chart.data.datasets.forEach(function (d, s) {
        var meta = chart.getDatasetMeta(s);
        d.data.forEach(function (p, i) {
          var parsed = meta.controller.getParsed(i);
          bars.push({ row: chart.scales.y.getLabelForValue(parsed.y), value: parsed.x,
                      open: !!meta.data[i] && typeof meta.data[i].options.backgroundColor !== 'string',
                      drawn: !!meta.data[i] && meta.data[i].width > 0 });
        });
      });
      bars.sort(function (a, b) { return b.value - a.value; });
      var rows = Array.prototype.map.call(
        document.querySelectorAll('#chart-ranking-figure table.ranking tbody th[scope=row] a'),
        function (a) { return a.textContent.trim(); });
      return { indexAxis: chart.options.indexAxis, labels: chart.data.labels, bars: bars, rows: rows };
      """;

  @Test
  @SuppressWarnings("unchecked")
  void theRankingIsDrawnOnItsSideABarPerPlaceLargestFirstWithLowerBoundsOpen() {
    // Cities are ranked among cities (Beijing, a province-level city, among provinces).
    browser.open(app.url("/indicators/ai_enterprises?period=2024&level=city"));
    browser.js("window.aimDrawAll();");
    browser.waitFor("var c = Chart.getChart('chart-ranking'); return !!c && !Chart.animator.running(c);");
    Map<String, Object> drawn = (Map<String, Object>) browser.js(RANKING);
    assertEquals("y", drawn.get("indexAxis"));
    List<String> rows = (List<String>) drawn.get("rows");
    assertEquals(List.of("Wuhan", "Hefei", "Suzhou", "Hangzhou"), rows);
    assertEquals(rows, drawn.get("labels"), "the chart's rows are the table's, in its order");
    List<Map<String, Object>> bars = (List<Map<String, Object>>) drawn.get("bars");
    assertEquals(rows, bars.stream().map(b -> (String) b.get("row")).toList(), "one bar per row, largest first");
    assertEquals(1326L, ((Number) bars.get(0).get("value")).longValue());
    assertEquals(List.of(false, false, false, true), bars.stream().map(b -> b.get("open")).toList(),
        "Hangzhou's lower bound is a hatched bar (a pattern, not a plain colour)");
    assertTrue(bars.stream().allMatch(b -> Boolean.TRUE.equals(b.get("drawn"))), bars::toString);
    assertEquals(List.of(), browser.cspViolations());
    assertEquals(List.of(), browser.console().stream().filter(l -> l.startsWith("SEVERE")).toList());
  }

  @Test
  void theComparisonDrawsASeriesPerPlaceAndBothChartsPrintInTheLightColours() {
    browser.emulateMedia(null, Map.of("prefers-color-scheme", "dark"));
    browser.open(app.url("/indicators/ai_enterprises?region=CN-BJ,CN-SH,CN-GD&period=2024"));
    browser.js("window.aimDrawAll();");
    browser.waitFor("return !!Chart.getChart('chart-comparison') && !!Chart.getChart('chart-ranking');");
    assertEquals(List.of("Beijing", "Shanghai", "Guangdong", "Guangdong: forecasts and targets"),
        browser.js("return Chart.getChart('chart-comparison').data.datasets.map(function (d) { return d.label; });"));
    assertEquals("#56B4E9", browser.js("return Chart.getChart('chart-ranking').data.datasets[0].borderColor;"),
        "dark colours on a dark screen");
    browser.emulateMedia("print");
    browser.waitFor("return Chart.getChart('chart-ranking').data.datasets[0].borderColor === '#0072B2';");
    assertEquals("#0072B2", browser.js("return Chart.getChart('chart-comparison').data.datasets[0].borderColor;"));
    assertEquals(List.of(), browser.cspViolations());
  }
}
