package org.aimonitor.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.aimonitor.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What Chromium actually paints between two points of a line: the series' colour where the spec
 * joins them, nothing where a period is missing or the data mark a break (break_before). Read
 * from the canvas pixels along each segment, so a line drawn across a gap by any means (spanGaps,
 * a stray segment style, a plugin) is caught; and every qualifier's sign is written by its point.
 */
class ChartLinesInBrowserTest {

  @RegisterExtension
  static final BrowserSession session = new BrowserSession().windowSize(1280, 1000);
  final TestApp app = session.app();
  final Browser browser = session.browser();

  /**
   * For dataset {@code label} of chart {@code chartId}: per segment (point i-1 to i), whether the
   * canvas holds the series' colour at most of five places along it, away from the markers, and
   * whether the spec joins the two points.
   */
  @SuppressWarnings("unchecked")
  private Map<String, List<Boolean>> segments(String chartId, String label) {
    return (Map<String, List<Boolean>>) browser.js("""
        var chart = Chart.getChart(arguments[0]);
        var label = arguments[1];
        var i = chart.data.datasets.map(function (d) { return d.label; }).indexOf(label);
        if (i < 0) { return { painted: ['no dataset ' + label], joined: [] }; }
        var ds = chart.data.datasets[i];
        var meta = chart.getDatasetMeta(i);
        var colour = ds.borderColor;
        var want = [parseInt(colour.slice(1, 3), 16), parseInt(colour.slice(3, 5), 16), parseInt(colour.slice(5, 7), 16)];
        var ctx = chart.canvas.getContext('2d');
        var r = chart.currentDevicePixelRatio;
        var painted = [], joined = [];
        for (var k = 1; k < meta.data.length; k++) {
          var a = meta.data[k - 1], b = meta.data[k];
          var hits = 0;
          [0.3, 0.4, 0.5, 0.6, 0.7].forEach(function (f) {
            var x = Math.round((a.x + (b.x - a.x) * f) * r), y = Math.round((a.y + (b.y - a.y) * f) * r);
            var d = ctx.getImageData(x - 1, y - 1, 3, 3).data;
            for (var p = 0; p < d.length; p += 4) {
              if (d[p + 3] > 200 && Math.abs(d[p] - want[0]) + Math.abs(d[p + 1] - want[1])
                  + Math.abs(d[p + 2] - want[2]) < 60) { hits++; return; }
            }
          });
          painted.push(hits >= 4);
          joined.push(ds.data[k].joined !== false);
        }
        return { painted: painted, joined: joined };
        """, chartId, label);
  }

  private void open(String path) {
    // Light colours and no animation: what is painted is the finished chart.
    browser.emulateMedia(null, Map.of("prefers-color-scheme", "light", "prefers-reduced-motion", "reduce"));
    browser.open(app.url(path));
  }

  @Test
  void anIndicatorsAnnualLineBreaksAtMissingYearsAndAtTheSeriesBreaksItsDataMark() {
    open("/indicators/ai_core_industry_scale");
    Map<String, List<Boolean>> s = segments("chart-indicator", "Annual totals");
    // 2017 | 2020 (gap; 2020 is the broader "AI industry") | 2022 (gap) - 2023 | 2024 (re-based) - 2025
    assertEquals(List.of(false, false, true, false, true), s.get("joined"), "what the spec says");
    assertEquals(s.get("joined"), s.get("painted"), "what Chromium painted");
    assertEquals(List.of(), browser.console().stream().filter(l -> l.startsWith("SEVERE")).toList());
    assertEquals(List.of(), browser.cspViolations());
  }

  @Test
  void theOverviewsGrowthLineDoesNotCrossTheMissingYearOrTheBreak() {
    open("/");
    Map<String, List<Boolean>> s = segments("chart-market-scale", "YoY growth");
    // 2020 | 2022 (2021 missing; 2020 is the broader estimate) - 2023 | 2024 (re-based series)
    assertEquals(List.of(false, true, false), s.get("joined"));
    assertEquals(s.get("joined"), s.get("painted"));
  }

  @Test
  void aStockLineBreaksWhereTheDefinitionChanges() {
    open("/indicators/intelligent_computing_power");
    Map<String, List<Boolean>> s = segments("chart-indicator", "Actual");
    // IDC/Inspur's FP16 416.7 (2023), the official 90 (2024), the FP16 788 (Jun 2025), 780, 1,590:
    // the official figure and the FP16 ones are different definitions (break_before on both).
    assertEquals(List.of(false, false, true, true), s.get("joined"),
        "416.7 EFLOPS (FP16) | 90 EFLOPS | 788 EFLOPS (FP16) - 780 - 1,590");
    assertEquals(s.get("joined"), s.get("painted"));
  }

  @Test
  void farOffProjectionsAreWrittenAtTheEdgeNotByStretchingTheAxis() {
    open("/indicators/ai_core_industry_scale");
    assertEquals(2028L, ((Number) browser.js(
        "return Chart.getChart('chart-indicator').scales.x.max;")).longValue(),
        "the axis ends two years after the last actual figure (2025), not at 2035");
    assertTrue((Boolean) browser.js("""
        return Array.prototype.some.call(document.querySelectorAll('#chart-indicator-table tr[data-beyond] td'),
            function (td) { return td.textContent.indexOf('1,729.5') >= 0; });
        """), "the 2035 forecast is in the table");
  }
}
