package org.aimonitor.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aimonitor.chart.ChartSpec;
import org.aimonitor.chart.ChartSpec.Point;
import org.aimonitor.chart.ChartSpec.Series;
import org.aimonitor.chart.ChartView;
import org.aimonitor.format.SourceNotes;
import org.aimonitor.store.Database;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Period;
import org.aimonitor.store.Qualifier;
import org.aimonitor.store.Seeder;
import org.aimonitor.store.Snapshot;
import org.aimonitor.store.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndicatorChartTest {

  private static Snapshot seed;

  @BeforeAll
  static void loadSeed(@TempDir Path dir) {
    Database db = Database.open(dir.resolve("monitor.db"));
    Seeder.seedIfEmpty(db);
    seed = Snapshot.load(db);
  }

  private static Optional<ChartView> chart(Snapshot data, String code, Filter filter) {
    IndicatorData d = IndicatorData.load(data, code, filter);
    return new IndicatorChart(d, new SourceNotes(data.sources())).build();
  }

  private static ChartSpec spec(Snapshot data, String code, Filter filter) {
    return chart(data, code, filter).orElseThrow().spec();
  }

  private static Series series(ChartSpec spec, String label) {
    return spec.series().stream().filter(s -> s.label().equals(label)).findFirst()
        .orElseThrow(() -> new AssertionError("no series " + label + " in "
            + spec.series().stream().map(Series::label).toList()));
  }

  private static List<String> periods(Series s) {
    return s.points().stream().map(Point::period).toList();
  }

  @Test
  void yearlyIndicatorIsDrawnAsBarsOnAYearAxisThatKeepsMissingYears() {
    ChartSpec spec = spec(seed, "ai_core_industry_growth", Filter.NONE);
    assertEquals("category", spec.x().type());
    assertEquals(List.of("2020", "2021", "2022", "2023", "2024"), spec.x().labels());
    Series actual = series(spec, "Actual");
    assertEquals("bar", actual.type());
    assertEquals(List.of("2020", "2022", "2023", "2024"), periods(actual));
  }

  @Test
  void subYearlyFlowsSitAtTheMiddleOfTheirPeriod() {
    ChartSpec spec = spec(seed, "ai_pc_share", new Filter("CN", null, null));
    assertEquals("linear", spec.x().type());
    Point q4 = series(spec, "Actual").points().stream()
        .filter(p -> p.period().equals("Q4 2024")).findFirst().orElseThrow();
    assertEquals(2024.875, ((Number) q4.x()).doubleValue(), 1e-9);
    assertTrue(spec.x().ticks().stream().allMatch(t -> t.value() % 1 == 0.5),
        "flow ticks sit mid-year, under the yearly figures");
  }

  @Test
  void stocksSitAtTheEndOfTheirPeriod() {
    ChartSpec spec = spec(seed, "ai_enterprises", Filter.NONE);
    assertEquals("AI enterprises, China (mainland)", spec.title());
    Series actual = series(spec, "Actual");
    Point q3 = actual.points().stream().filter(p -> p.period().equals("end of Q3 2023"))
        .findFirst().orElseThrow();
    assertEquals(2023.75, ((Number) q3.x()).doubleValue(), 1e-9);
    Point year = actual.points().stream().filter(p -> p.period().equals("end of 2020"))
        .findFirst().orElseThrow();
    assertEquals(2021.0, ((Number) year.x()).doubleValue(), 1e-9);
  }

  @Test
  void partYearStatementsOfAnAmountAreKeptApartFromAnnualTotals() {
    ChartSpec spec = spec(seed, "ai_core_industry_scale", Filter.NONE);
    Series annual = series(spec, "Annual totals (not joined)");
    Series partYear = series(spec, "Part-year figures (not annual totals)");
    assertEquals("scatter", partYear.type());
    assertTrue(periods(partYear).containsAll(List.of("Jul 2022", "Sep 2024", "Dec 2024")));
    assertEquals(List.of("2017", "2020", "2022", "2023", "2024", "2025"), periods(annual));
  }

  @Test
  void annualTotalsAreNotJoinedAcrossMissingYearsOrASeriesBreak() {
    ChartSpec spec = spec(seed, "ai_core_industry_scale", Filter.NONE);
    assertEquals("scatter", series(spec, "Annual totals (not joined)").type());
    ChartView view = chart(seed, "ai_core_industry_scale", Filter.NONE).orElseThrow();
    assertTrue(view.notes().stream().anyMatch(n -> n.startsWith("Series break between 2023 and 2024")));
  }

  @Test
  void consecutiveAnnualTotalsAreJoinedByALine() {
    Snapshot data = synthetic("CNY_bn", List.of(
        obs("2021", "10", Qualifier.REPORTED), obs("2022", "12", Qualifier.REPORTED),
        obs("2023", "14", Qualifier.REPORTED), obs("2023-06", "6", Qualifier.APPROX)));
    ChartSpec spec = spec(data, "x", Filter.NONE);
    assertEquals("line", series(spec, "Annual totals").type());
    assertEquals(List.of("Jun 2023"), periods(series(spec, "Part-year figures (not annual totals)")));
  }

  @Test
  void forecastsAndTargetsAreDrawnApartFromActuals() {
    ChartSpec spec = spec(seed, "ai_core_industry_scale", Filter.NONE);
    Series forecast = series(spec, "Forecast");
    Series target = series(spec, "Target");
    assertEquals("projection", forecast.role());
    assertEquals(List.of("2035"), periods(forecast));
    assertEquals("target", target.role());
    assertEquals("scatter", target.type());
    assertEquals(List.of("2030"), periods(target));
    spec.series().stream().filter(s -> s.role().equals("actual"))
        .flatMap(s -> s.points().stream())
        .forEach(p -> assertFalse(p.qualifier().equals("forecast") || p.qualifier().equals("target"), p.toString()));
  }

  @Test
  void pointsCarryTheFigureWithQualifierAndASourceNote() {
    ChartSpec spec = spec(seed, "ai_core_industry_scale", Filter.NONE);
    Point p2024 = series(spec, "Annual totals (not joined)").points().stream()
        .filter(p -> p.period().equals("2024")).findFirst().orElseThrow();
    assertEquals("> ¥900 bn", p2024.text());
    assertEquals("lower bound", p2024.qualifier());
    assertEquals("xinhua-2025-10-01", p2024.sourceId());
    assertTrue(p2024.sourceNo() >= 1);
  }

  @Test
  void yearsFilterLimitsTheChart() {
    ChartSpec spec = spec(seed, "ai_enterprises", new Filter(null, 2024, 2024));
    List<Point> all = spec.series().stream().flatMap(s -> s.points().stream()).toList();
    assertFalse(all.isEmpty());
    all.forEach(p -> assertTrue(p.period().contains("2024"), p.period()));
  }

  @Test
  void regionFilterChoosesTheChartedRegion() {
    assertEquals("AI enterprises, World", spec(seed, "ai_enterprises", new Filter("WORLD", null, null)).title());
    assertEquals("AI PC share of PC shipments, China (mainland)",
        spec(seed, "ai_pc_share", Filter.NONE).title());
  }

  @Test
  void nothingToDrawGivesNoChart() {
    assertTrue(chart(seed, "ai_core_industry_scale", new Filter("US", null, null)).isEmpty());
    assertTrue(chart(seed, "ai_core_industry_scale", new Filter(null, 2100, 2100)).isEmpty());
  }

  @Test
  void aYearlyChartWithAKnownBreakMarksIt() {
    Snapshot data = synthetic("CNY_bn", List.of(
        obs("2022", "508.0", Qualifier.REPORTED), obs("2023", "578.4", Qualifier.REPORTED),
        obs("2024", "900", Qualifier.LOWER_BOUND)), "ai_core_industry_scale");
    ChartSpec spec = spec(data, "ai_core_industry_scale", Filter.NONE);
    assertEquals(List.of(new ChartSpec.Break("2023", "2024", "Series break")), spec.breaks());
  }

  @Test
  void everySeededIndicatorWithFiguresGetsAChart() {
    for (Indicator i : seed.indicators().values()) {
      Optional<ChartView> view = chart(seed, i.code(), Filter.NONE);
      assertTrue(view.isPresent(), i.code());
      view.get().spec().series().forEach(s -> assertFalse(s.points().isEmpty(), i.code() + " " + s.label()));
    }
  }

  // A one-indicator dataset for shapes the seed does not have.
  private static Snapshot synthetic(String unit, List<Observation> observations) {
    return synthetic(unit, observations, "x");
  }

  private static Snapshot synthetic(String unit, List<Observation> observations, String code) {
    Indicator indicator = new Indicator(code, "scale", "Test indicator", "测试", unit, "billion yuan",
        "亿元", 1, "A test.", "测试。");
    Source source = new Source("s", "Publisher", "Title", "https://example.org/", null, "en", "news", "");
    Map<String, Indicator> indicators = new LinkedHashMap<>(Map.of(code, indicator));
    Map<String, Source> sources = new LinkedHashMap<>(Map.of("s", source));
    List<Observation> renamed = observations.stream()
        .map(o -> new Observation(code, o.region(), o.period(), o.value(), o.qualifier(), o.source(),
            o.headline(), o.note()))
        .toList();
    return new Snapshot(1, indicators, sources, renamed, List.of());
  }

  private static Observation obs(String period, String value, Qualifier q) {
    return new Observation("x", "CN", Period.parse(period), new BigDecimal(value), q, "s", true, "");
  }
}
