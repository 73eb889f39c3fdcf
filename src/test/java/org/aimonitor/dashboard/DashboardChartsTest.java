package org.aimonitor.dashboard;

import static org.aimonitor.Fixtures.cn;
import static org.aimonitor.Fixtures.indicator;
import static org.aimonitor.Fixtures.obs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aimonitor.Fixtures;
import org.aimonitor.chart.ChartSpec;
import org.aimonitor.chart.ChartSpec.Point;
import org.aimonitor.chart.ChartSpec.Series;
import org.aimonitor.chart.ChartView;
import org.aimonitor.web.SourceNotes;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.ViewRows;
import org.junit.jupiter.api.Test;

/** Chart shaping on small synthetic tables: what is drawn, where, and how it is labelled. */
class DashboardChartsTest {

  private static final Indicator SCALE = Fixtures.scale();
  private static final Indicator GROWTH = indicator("ai_core_industry_growth", "scale", "pct", "% YoY", 1);
  private static final Indicator FIRMS = org.aimonitor.Fixtures.newIndicator("ai_enterprises", "enterprises", "AI enterprises",
      "人工智能企业数量", "count", "enterprises", "家", 0, "", "");
  private static final Indicator PHONES = indicator("ai_phone_share", "hardware", "pct", "%", 1);
  private static final Indicator PCS = indicator("ai_pc_share", "hardware", "pct", "%", 0);
  private static final Indicator L2 = indicator("l2_adas_penetration", "hardware", "pct", "%", 1);
  private static final Indicator TERMINALS = indicator("ai_terminal_penetration", "adoption", "pct", "%", 0);

  private static DashboardCharts charts(ViewRows s) {
    return charts(s, Text.EN);
  }

  private static DashboardCharts charts(ViewRows s, Text t) {
    return new DashboardCharts(s, new SourceNotes(s.sources()), t);
  }

  private static ViewRows scaleData() {
    return Fixtures.snapshot(List.of(SCALE, GROWTH), Fixtures.sources("a@2024-06-20", "b@2025-10-01", "plan@2017-07-21"),
        List.of(
            cn("ai_core_industry_scale", "2022", "508.0", "reported", "a"),
            cn("ai_core_industry_scale", "2023", "578.4", "reported", "a"),
            obs("ai_core_industry_scale", "CN", "2023", "726", "derived", "b", false),
            cn("ai_core_industry_scale", "2024-09", "600", "approx", "a"),
            Fixtures.broken(cn("ai_core_industry_scale", "2024", "900", "lower_bound", "b")),
            obs("ai_core_industry_scale", "CN", "2025", "400", "target", "plan", false),
            cn("ai_core_industry_scale", "2030", "1000", "target", "plan"),
            cn("ai_core_industry_scale", "2035", "1729.5", "forecast", "a"),
            cn("ai_core_industry_growth", "2024", "24", "reported", "b")),
        List.of());
  }

  private static Series series(ChartSpec spec, String label) {
    return spec.series().stream().filter(s -> s.label().equals(label)).findFirst().orElseThrow();
  }

  @Test
  void marketScaleBarsAreYearlyHeadlineActualsOnly() {
    ChartSpec spec = charts(scaleData()).marketScale().spec();
    Series actual = series(spec, "Scale (actual)");
    assertEquals(List.of("2022", "2023", "2024"), actual.points().stream().map(Point::x).toList());
    assertEquals(List.of(508.0, 578.4, 900.0), actual.points().stream().map(Point::y).toList());
    assertEquals("> ¥900 billion", actual.points().get(2).text());
    assertEquals("actual", actual.role());
  }

  @Test
  void monthlyRunningStatementsAreTabledNotDrawnAsAnnualBars() {
    ChartView view = charts(scaleData()).marketScale();
    assertTrue(view.spec().series().stream().flatMap(s -> s.points().stream())
        .noneMatch(p -> p.period().equals("Sep 2024")));
    assertEquals(List.of("Sep 2024"), view.statements().stream().map(Point::period).toList());
    assertEquals("≈ ¥600 billion", view.statements().get(0).text());
  }

  @Test
  void forecastsAndTargetsAreSeparateSeriesStyledApartAndFarOnesSitAtTheEdge() {
    ChartSpec spec = charts(scaleData()).marketScale().spec();
    Series targets = series(spec, "Policy targets");
    assertEquals("projection", targets.role());
    assertEquals("scatter", targets.type());
    assertEquals(List.of("2025"), targets.points().stream().map(Point::x).toList(),
        "plan targets appear even where an actual is the headline");
    assertEquals("target", targets.points().get(0).mark());
    assertTrue(spec.series().stream().noneMatch(s -> s.label().equals("Scale (forecast)")),
        "the only forecast (2035) lies beyond the axis");
    assertEquals(List.of("2030: ¥1,000 billion (target)", "2035: ¥1,729.5 billion (forecast)"),
        spec.beyond().stream().map(ChartSpec.Beyond::label).sorted().toList());
    assertEquals(1729.5, spec.axes().get(0).max(), "the axis reaches the figure at its edge");
  }

  @Test
  void theYearAxisHasNoHolesSoGapsInTheDataShow() {
    ChartSpec spec = charts(scaleData()).marketScale().spec();
    List<String> labels = spec.x().labels();
    assertEquals("2022", labels.get(0));
    assertEquals("2025", labels.get(labels.size() - 1),
        "the last figure within two years of the last actual (2024); later ones sit at the edge");
    assertEquals(4, labels.size());
  }

  @Test
  void theSeriesBreakSitsBetween2023And2024() {
    ChartSpec spec = charts(scaleData()).marketScale().spec();
    assertEquals(List.of(new ChartSpec.Break("2023", "2024", "Series break")), spec.breaks());
  }

  @Test
  void growthIsALineOnTheSecondAxis() {
    Series growth = series(charts(scaleData()).marketScale().spec(), "YoY growth");
    assertEquals("y2", growth.axis());
    assertEquals("+24 %", growth.points().get(0).text());
  }

  @Test
  void derivedNonHeadlineValuesAreNotDrawn() {
    ChartSpec spec = charts(scaleData()).marketScale().spec();
    assertTrue(spec.series().stream().flatMap(s -> s.points().stream()).noneMatch(p -> p.y() == 726.0));
  }

  @Test
  void everyPointCitesItsSourceByNumber() {
    ViewRows s = scaleData();
    SourceNotes notes = new SourceNotes(s.sources());
    ChartSpec spec = new DashboardCharts(s, notes, Text.EN).marketScale().spec();
    Point p2024 = series(spec, "Scale (actual)").points().get(2);
    assertEquals("b", p2024.sourceId());
    assertEquals(notes.cite("b"), p2024.sourceNo());
  }

  private static ViewRows hardwareData() {
    return Fixtures.snapshot(List.of(PHONES, PCS, L2, TERMINALS), Fixtures.sources("x@2025"),
        List.of(
            cn("ai_pc_share", "2024", "15", "reported", "x"),
            cn("ai_pc_share", "2024-Q4", "20", "reported", "x"),
            cn("ai_pc_share", "2027", "85", "forecast", "x"),
            cn("l2_adas_penetration", "2025-01/2025-07", "62.6", "reported", "x"),
            cn("ai_terminal_penetration", "2027", "70", "target", "x")),
        List.of());
  }

  private static ViewRows enterpriseData() {
    return Fixtures.snapshot(List.of(FIRMS), Fixtures.sources("x@2025"),
        List.of(
            cn("ai_enterprises", "2023-Q3", "4469", "reported", "x"),
            cn("ai_enterprises", "2025", "6200", "lower_bound", "x"),
            obs("ai_enterprises", "WORLD", "2023-Q3", "29542", "reported", "x", true)),
        List.of());
  }

  @Test
  void hardwareFiguresSitAtTheMiddleOfTheirPeriodAndForecastsAreDashedSeries() {
    ChartSpec spec = charts(hardwareData()).hardwareAdoption().spec();
    Series pcs = series(spec, "AI PCs");
    assertEquals(List.of(2024.5, 2024.875), pcs.points().stream().map(Point::x).toList());
    assertEquals("Q4 2024", pcs.points().get(1).period());
    assertEquals("projection", series(spec, "AI PCs (forecast)").role());
    assertEquals(List.of(2027.5), series(spec, "AI PCs (forecast)").points().stream().map(Point::x).toList());
    Point l2 = series(spec, "L2 driver assistance (new cars)").points().get(0);
    assertEquals(2025 + 3.5 / 12, (double) l2.x(), 1e-9);
    assertEquals("Jan–Jul 2025", l2.period());
    assertEquals("target", series(spec, "AI Plus targets").points().get(0).mark());
    assertEquals("linear", spec.x().type());
    assertTrue(spec.x().ticks().stream().anyMatch(t -> t.value() == 2024.5 && t.label().equals("2024")));
  }

  @Test
  void enterpriseCountsSitAtTheEndOfTheirPeriod() {
    ChartSpec spec = charts(enterpriseData()).enterprises().spec();
    Series china = series(spec, "China");
    assertEquals(List.of(2023.75, 2026.0), china.points().stream().map(Point::x).toList());
    assertEquals("end of 2025", china.points().get(1).period());
    assertEquals("> 6,200 enterprises", china.points().get(1).text());
    assertEquals(1, series(spec, "World").points().size());
    assertEquals("Jan 2024", spec.x().ticks().stream().filter(t -> t.value() == 2024).findFirst()
        .orElseThrow().label());
  }

  // ---- In Chinese: words from the bundle, values in 亿元 and figures as Chinese writes them ----

  @Test
  void chineseMarketScaleIsDrawnIn100MillionYuanTenTimesTheEnglishValues() {
    ChartSpec en = charts(scaleData(), Text.EN).marketScale().spec();
    ChartSpec zh = charts(scaleData(), Text.ZH).marketScale().spec();
    assertEquals("人工智能核心产业规模（按年）", zh.title());
    assertEquals("年份", zh.x().title());
    assertEquals(en.x().labels(), zh.x().labels(), "the same years, as bare numbers");
    Series actual = series(zh, "规模（实际值）");
    assertEquals(List.of(5080.0, 5784.0, 9000.0), actual.points().stream().map(Point::y).toList());
    for (int i = 0; i < en.series().size(); i++) {
      List<Point> enPoints = en.series().get(i).points();
      List<Point> zhPoints = zh.series().get(i).points();
      double factor = en.series().get(i).axis().equals("y") ? 10 : 1;
      for (int p = 0; p < enPoints.size(); p++) {
        assertEquals(enPoints.get(p).y() * factor, zhPoints.get(p).y(), 1e-9,
            zh.series().get(i).label() + " #" + p);
      }
    }
    assertEquals("超过9000亿元", actual.points().get(2).text());
    assertEquals("2024年", actual.points().get(2).period());
    assertEquals("下限", actual.points().get(2).qualifier());
    assertEquals(List.of("2030年：1万亿元（目标）", "2035年：1.7295万亿元（预测）"),
        zh.beyond().stream().map(ChartSpec.Beyond::label).sorted().toList());
    Series growth = series(zh, "同比增速");
    assertEquals(24.0, growth.points().get(0).y(), "percentages are not converted");
    assertEquals("+24%", growth.points().get(0).text());
    assertEquals(List.of(new ChartSpec.Break("2023", "2024", "序列断点")), zh.breaks());
    assertEquals("亿元", zh.axes().get(0).title());
    assertEquals("同比增速（%）", zh.axes().get(1).title());
  }

  @Test
  void chineseRunningStatementsAndNotesUseChineseUnitsAndPeriods() {
    ChartView view = charts(scaleData(), Text.ZH).marketScale();
    assertEquals(List.of("2024年9月"), view.statements().stream().map(Point::period).toList());
    assertEquals("约6000亿元", view.statements().get(0).text());
    assertEquals("亿元；增速为同比（%）", view.unit());
    String notes = String.join("\n", view.notes());
    for (String figure : List.of("9000亿元", "7260亿元", "5784亿元", "1500亿元", "4000亿元", "1万亿元")) {
      assertTrue(notes.contains(figure), figure + " in " + notes);
    }
    assertTrue(notes.matches("(?s)[^a-z]*"), "no English words in the Chinese notes: " + notes);
  }

  @Test
  void chineseHardwareChartNamesTheDevicesAndTheAiPlusTargets() {
    ChartView view = charts(hardwareData(), Text.ZH).hardwareAdoption();
    ChartSpec spec = view.spec();
    assertEquals("2024年第4季度", series(spec, "AI PC").points().get(1).period());
    assertEquals("20%", series(spec, "AI PC").points().get(1).text());
    assertEquals("85%（预测）", series(spec, "AI PC（预测）").points().get(0).text());
    Point l2 = series(spec, "L2级组合驾驶辅助（乘用车新车）").points().get(0);
    assertEquals("2025年1–7月", l2.period());
    assertEquals("62.6%", l2.text());
    assertEquals(62.6, l2.y());
    assertEquals("70%（目标）", series(spec, "“人工智能+”行动目标").points().get(0).text());
    assertTrue(String.join("", view.notes()).contains("2027年超过70%、2030年超过90%"));
  }

  @Test
  void chineseEnterpriseChartTicksAreJanuaryOfEachYearAndCountsAreInJia() {
    ChartSpec spec = charts(enterpriseData(), Text.ZH).enterprises().spec();
    assertEquals("2024年1月", spec.x().ticks().stream().filter(t -> t.value() == 2024).findFirst()
        .orElseThrow().label());
    Series china = series(spec, "中国");
    assertEquals("2025年末", china.points().get(1).period());
    assertEquals("超过6200家", china.points().get(1).text());
    assertEquals(6200.0, china.points().get(1).y(), "counts are not converted");
    assertEquals("2023年第3季度末", series(spec, "全球").points().get(0).period());
    // From 10,000 counts are written in 万 (units.csv: count "0 4 8"); the chart draws 家.
    assertEquals("2.9542万家", series(spec, "全球").points().get(0).text());
    assertEquals(29542.0, series(spec, "全球").points().get(0).y());
  }
}
