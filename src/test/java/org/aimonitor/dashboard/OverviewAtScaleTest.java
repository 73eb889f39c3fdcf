package org.aimonitor.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.aimonitor.TestApp;
import org.aimonitor.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overview and the summary show the same figures however much data there is: long series
 * are drawn over a window of recent years (saying so), the statement table and the timeline list
 * the latest entries, and figures of other indicators and regions do not reach them at all.
 */
class OverviewAtScaleTest {

  @TempDir
  Path dir;

  private static List<String> specs(Document doc) {
    return doc.select("script.chart-spec").eachAttr("class").isEmpty() ? List.of()
        : doc.select("script.chart-spec").stream().map(e -> e.data()).toList();
  }

  @Test
  void moreDataElsewhereLeavesTheOverviewAndSummaryAsTheyWere() {
    try (TestApp app = TestApp.start(dir)) {
      Document overview = Jsoup.parse(app.get("/").body());
      Document summary = Jsoup.parse(app.get("/summary").body());
      // 3,000 figures the overview does not show: other indicators, other regions, old years.
      TestData.importCsv(app.db(), "pc.csv", TestData.syntheticMonths("ai_pc_share", "ecns-2026-03-05", 1000));
      TestData.importCsv(app.db(), "gc.csv", TestData.syntheticMonths("ai_core_industry_scale",
          "ecns-2026-03-05", 1000).replace(",US,", ",CN-GC,"));
      TestData.importCsv(app.db(), "us.csv", TestData.syntheticMonths("ai_enterprises", "ecns-2026-03-05", 1000));
      Document after = Jsoup.parse(app.get("/").body());
      assertEquals(specs(overview), specs(after), "every chart as it was");
      assertEquals(overview.select(".kpis").outerHtml(), after.select(".kpis").outerHtml());
      assertEquals(overview.select(".timeline").outerHtml(), after.select(".timeline").outerHtml());
      Document summaryAfter = Jsoup.parse(app.get("/summary").body());
      assertEquals(specs(summary), specs(summaryAfter));
      assertEquals(summary.select(".milestones").outerHtml(), summaryAfter.select(".milestones").outerHtml());
    }
  }

  @Test
  void aSeriesOlderThanTheWindowIsDrawnFromTheWindowOnAndTheChartSaysSo() {
    try (TestApp app = TestApp.start(dir)) {
      StringBuilder csv = new StringBuilder(TestData.OBSERVATIONS_HEADER);
      for (int year = 1990; year <= 2005; year++) {
        csv.append("ai_core_industry_scale,CN,").append(year)
            .append(",1,reported,ecns-2026-03-05,1,Synthetic test row (not a real figure)\n");
      }
      TestData.importCsv(app.db(), "old.csv", csv.toString());
      Document doc = Jsoup.parse(app.get("/").body());
      String scale = doc.getElementById("chart-market-scale-figure").selectFirst("script.chart-spec").data();
      assertFalse(scale.contains("\"1990\""), "1990 is outside the window");
      assertFalse(scale.contains("\"2005\""));
      int since = java.time.LocalDate.now(java.time.ZoneOffset.UTC).getYear() - DashboardData.YEARS;
      assertTrue(doc.getElementById("chart-market-scale-figure").select(".chart__notes li").eachText()
          .contains("From " + since + " on; the indicator pages have the earlier figures."));
      assertFalse(doc.getElementById("chart-hardware-figure").text().contains("the indicator pages have the earlier"),
          "only the chart whose series goes back further says so");
      assertTrue(app.get("/indicators/ai_core_industry_scale").body().contains("1990"),
          "the indicator page has them");
    }
  }

  @Test
  void theStatementTableListsTheLatestTwelveAndTheTimelineTheNewestThirtyEvents() {
    try (TestApp app = TestApp.start(dir)) {
      StringBuilder csv = new StringBuilder(TestData.OBSERVATIONS_HEADER);
      for (int m = 1; m <= 16; m++) {
        csv.append("ai_core_industry_scale,CN,").append(2012 + (m - 1) / 12).append('-')
            .append(String.format("%02d", 1 + (m - 1) % 12))
            .append(",1,reported,ecns-2026-03-05,1,Synthetic test row (not a real figure)\n");
      }
      TestData.importCsv(app.db(), "statements.csv", csv.toString());
      StringBuilder events = new StringBuilder("date,category,title_en,title_zh,description_en,source\n");
      for (int i = 1; i <= 40; i++) {
        events.append("1950-01-").append(String.format("%02d", 1 + i % 28)).append(",industry,Synthetic event ")
            .append(i).append(" (not real),合成事件").append(i).append("（非真实）,,ecns-2026-03-05\n");
      }
      TestData.importCsv(app.db(), "events.csv", events.toString());
      Document doc = Jsoup.parse(app.get("/").body());
      var figure = doc.getElementById("chart-market-scale-figure");
      List<String> periods = figure.select("table.statements tbody tr th").eachText();
      assertEquals(12, figure.select("table.statements tbody tr").size(), periods.toString());
      assertTrue(figure.select(".chart__notes li").eachText().contains(
          "The table lists the latest 12 of 22 part-year statements; the indicator page lists them all."),
          figure.select(".chart__notes li").eachText().toString());
      assertEquals(DashboardView.TIMELINE_EVENTS, doc.select("ol.timeline li").size());
      assertEquals("The newest events are listed here; " + (org.aimonitor.Seed.EVENTS + 40 - DashboardView.TIMELINE_EVENTS)
          + " earlier ones are on the timeline.",
          doc.selectFirst(".timeline__more").text());
      assertEquals("/timeline", doc.selectFirst(".timeline__more a").attr("href"));
    }
  }
}
