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
import org.aimonitor.format.SourceNotes;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Snapshot;
import org.junit.jupiter.api.Test;

/** Chart shaping on small synthetic tables: what is drawn, where, and how it is labelled. */
class DashboardChartsTest {

  private static final Indicator SCALE = Fixtures.scale();
  private static final Indicator GROWTH = indicator("ai_core_industry_growth", "scale", "pct", "% YoY", 1);
  private static final Indicator FIRMS = indicator("ai_enterprises", "enterprises", "count", "enterprises", 0);
  private static final Indicator PHONES = indicator("ai_phone_share", "hardware", "pct", "%", 1);
  private static final Indicator PCS = indicator("ai_pc_share", "hardware", "pct", "%", 0);
  private static final Indicator L2 = indicator("l2_adas_penetration", "hardware", "pct", "%", 1);
  private static final Indicator TERMINALS = indicator("ai_terminal_penetration", "adoption", "pct", "%", 0);

  private static DashboardCharts charts(Snapshot s) {
    return new DashboardCharts(s, new SourceNotes(s.sources()));
  }

  private static Snapshot scaleData() {
    return Fixtures.snapshot(List.of(SCALE, GROWTH), Fixtures.sources("a@2024-06-20", "b@2025-10-01", "plan@2017-07-21"),
        List.of(
            cn("ai_core_industry_scale", "2022", "508.0", "reported", "a"),
            cn("ai_core_industry_scale", "2023", "578.4", "reported", "a"),
            obs("ai_core_industry_scale", "CN", "2023", "726", "derived", "b", false),
            cn("ai_core_industry_scale", "2024-09", "600", "approx", "a"),
            cn("ai_core_industry_scale", "2024", "900", "lower_bound", "b"),
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
    assertEquals("> ¥900 bn", actual.points().get(2).text());
    assertEquals("actual", actual.role());
  }

  @Test
  void monthlyRunningStatementsAreTabledNotDrawnAsAnnualBars() {
    ChartView view = charts(scaleData()).marketScale();
    assertTrue(view.spec().series().stream().flatMap(s -> s.points().stream())
        .noneMatch(p -> p.period().equals("Sep 2024")));
    assertEquals(List.of("Sep 2024"), view.statements().stream().map(Point::period).toList());
    assertEquals("≈ ¥600 bn", view.statements().get(0).text());
  }

  @Test
  void forecastsAndTargetsAreSeparateSeriesStyledApart() {
    ChartSpec spec = charts(scaleData()).marketScale().spec();
    Series forecast = series(spec, "Scale (forecast)");
    assertEquals("projection", forecast.role());
    assertEquals(List.of("2035"), forecast.points().stream().map(Point::x).toList());
    assertEquals("¥1,729.5 bn (forecast)", forecast.points().get(0).text());
    Series targets = series(spec, "Policy targets");
    assertEquals("target", targets.role());
    assertEquals("scatter", targets.type());
    assertEquals(List.of("2025", "2030"), targets.points().stream().map(Point::x).toList(),
        "plan targets appear even where an actual is the headline");
  }

  @Test
  void theYearAxisHasNoHolesSoGapsInTheDataShow() {
    ChartSpec spec = charts(scaleData()).marketScale().spec();
    List<String> labels = spec.x().labels();
    assertEquals("2022", labels.get(0));
    assertEquals("2035", labels.get(labels.size() - 1));
    assertEquals(14, labels.size());
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
    Snapshot s = scaleData();
    SourceNotes notes = new SourceNotes(s.sources());
    ChartSpec spec = new DashboardCharts(s, notes).marketScale().spec();
    Point p2024 = series(spec, "Scale (actual)").points().get(2);
    assertEquals("b", p2024.sourceId());
    assertEquals(notes.cite("b"), p2024.sourceNo());
  }

  @Test
  void hardwareFiguresSitAtTheMiddleOfTheirPeriodAndForecastsAreDashedSeries() {
    Snapshot s = Fixtures.snapshot(List.of(PHONES, PCS, L2, TERMINALS), Fixtures.sources("x@2025"),
        List.of(
            cn("ai_pc_share", "2024", "15", "reported", "x"),
            cn("ai_pc_share", "2024-Q4", "20", "reported", "x"),
            cn("ai_pc_share", "2027", "85", "forecast", "x"),
            cn("l2_adas_penetration", "2025-01/2025-07", "62.6", "reported", "x"),
            cn("ai_terminal_penetration", "2027", "70", "target", "x")),
        List.of());
    ChartSpec spec = charts(s).hardwareAdoption().spec();
    Series pcs = series(spec, "AI PCs");
    assertEquals(List.of(2024.5, 2024.875), pcs.points().stream().map(Point::x).toList());
    assertEquals("Q4 2024", pcs.points().get(1).period());
    assertEquals("projection", series(spec, "AI PCs (forecast)").role());
    assertEquals(List.of(2027.5), series(spec, "AI PCs (forecast)").points().stream().map(Point::x).toList());
    Point l2 = series(spec, "L2 driver assistance (new cars)").points().get(0);
    assertEquals(2025 + 3.5 / 12, (double) l2.x(), 1e-9);
    assertEquals("Jan–Jul 2025", l2.period());
    assertEquals("target", series(spec, "AI Plus targets").role());
    assertEquals("linear", spec.x().type());
    assertTrue(spec.x().ticks().stream().anyMatch(t -> t.value() == 2024.5 && t.label().equals("2024")));
  }

  @Test
  void enterpriseCountsSitAtTheEndOfTheirPeriod() {
    Snapshot s = Fixtures.snapshot(List.of(FIRMS), Fixtures.sources("x@2025"),
        List.of(
            cn("ai_enterprises", "2023-Q3", "4469", "reported", "x"),
            cn("ai_enterprises", "2025", "6200", "lower_bound", "x"),
            obs("ai_enterprises", "WORLD", "2023-Q3", "29542", "reported", "x", true)),
        List.of());
    ChartSpec spec = charts(s).enterprises().spec();
    Series china = series(spec, "China");
    assertEquals(List.of(2023.75, 2026.0), china.points().stream().map(Point::x).toList());
    assertEquals("end of 2025", china.points().get(1).period());
    assertEquals("> 6,200 enterprises", china.points().get(1).text());
    assertEquals(1, series(spec, "World").points().size());
  }
}
