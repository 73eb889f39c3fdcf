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
import org.aimonitor.SeededDatabase;
import org.aimonitor.chart.ChartSpec.Point;
import org.aimonitor.chart.ChartSpec.Series;
import org.aimonitor.chart.ChartSpec;
import org.aimonitor.chart.ChartView;
import org.aimonitor.region.Filter;
import org.aimonitor.web.SourceNotes;
import org.aimonitor.i18n.Lang;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Database;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Period;
import org.aimonitor.store.Qualifier;
import org.aimonitor.store.ViewRows;
import org.aimonitor.store.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IndicatorChartTest {

  private static ViewRows seed;

  @BeforeAll
  static void loadSeed(@TempDir Path dir) {
    Database db = SeededDatabase.open(dir.resolve("monitor.db"));
    seed = org.aimonitor.TestData.everything(db);
  }

  private static Optional<ChartView> chart(ViewRows data, String code, Filter filter) {
    return chart(data, code, filter, Text.EN);
  }

  private static Optional<ChartView> chart(ViewRows data, String code, Filter filter, Text t) {
    IndicatorData d = org.aimonitor.TestData.indicator(data, code, filter);
    return new IndicatorChart(d, new SourceNotes(data.sources()), t).build();
  }

  private static ChartSpec zh(String code, Filter filter) {
    return chart(seed, code, filter, Text.ZH).orElseThrow().spec();
  }

  private static Point point(Series s, String period) {
    return s.points().stream().filter(p -> p.period().equals(period)).findFirst()
        .orElseThrow(() -> new AssertionError("no point " + period + " in " + periods(s)));
  }

  private static ChartSpec spec(ViewRows data, String code, Filter filter) {
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
    Series annual = series(spec, "Annual totals");
    Series partYear = series(spec, "Part-year figures (not annual totals)");
    assertEquals("scatter", partYear.type());
    assertTrue(periods(partYear).containsAll(List.of("Jul 2022", "Sep 2024", "Dec 2024")));
    assertEquals(List.of("2017", "2020", "2022", "2023", "2024", "2025"), periods(annual));
  }

  @Test
  void annualTotalsAreNotJoinedAcrossMissingYearsOrASeriesBreak() {
    ChartView view = chart(seed, "ai_core_industry_scale", Filter.NONE).orElseThrow();
    Series annual = series(view.spec(), "Annual totals");
    assertEquals("line", annual.type());
    assertEquals(List.of(true, false, false, true, false, true),
        annual.points().stream().map(Point::joined).toList(),
        "2017 | 2020 (gap, broader scope) | 2022 (gap, core again) - 2023 | 2024 (re-based) - 2025");
    assertEquals(3, view.spec().breaks().size(), "2020, 2022 and 2024 are marked break_before");
    assertTrue(view.notes().contains(Text.EN.t("chart.note.breaks", "2020, 2022, 2024")),
        view.notes().toString());
  }

  @Test
  void consecutiveAnnualTotalsAreJoinedByALine() {
    ViewRows data = synthetic("CNY_bn", List.of(
        obs("2021", "10", Qualifier.REPORTED), obs("2022", "12", Qualifier.REPORTED),
        obs("2023", "14", Qualifier.REPORTED), obs("2023-06", "6", Qualifier.APPROX)));
    ChartSpec spec = spec(data, "x", Filter.NONE);
    assertEquals("line", series(spec, "Annual totals").type());
    assertEquals(List.of("Jun 2023"), periods(series(spec, "Part-year figures (not annual totals)")));
  }

  @Test
  void forecastsAndTargetsAreDrawnApartFromActualsAndFarOnesAtTheEdge() {
    ChartSpec spec = spec(seed, "ai_core_industry_scale", Filter.NONE);
    assertEquals(2028.0, spec.x().max(), "the last actual (2025) and two years ahead");
    assertEquals(List.of("2030: ¥1,000 billion (target)", "2035: ¥1,729.5 billion (forecast)"),
        spec.beyond().stream().map(ChartSpec.Beyond::label).toList());
    assertEquals(List.of("target", "forecast"),
        spec.beyond().stream().map(b -> b.point().mark()).toList());
    assertTrue(spec.series().stream().noneMatch(s -> s.role().equals("projection")),
        "nothing projected lies within the axis");
    spec.series().stream().filter(s -> s.role().equals("actual"))
        .flatMap(s -> s.points().stream())
        .forEach(p -> assertFalse(p.qualifier().equals("forecast") || p.qualifier().equals("target"), p.toString()));
  }

  @Test
  void pointsCarryTheFigureWithQualifierAndASourceNote() {
    ChartSpec spec = spec(seed, "ai_core_industry_scale", Filter.NONE);
    Point p2024 = series(spec, "Annual totals").points().stream()
        .filter(p -> p.period().equals("2024")).findFirst().orElseThrow();
    assertEquals("> ¥900 billion", p2024.text());
    assertEquals(900.0, p2024.y(), 1e-9, "English draws the dataset's unit");
    assertEquals("lower bound", p2024.qualifier());
    assertEquals("xinhua-2025-10-01", p2024.sourceId());
    assertTrue(p2024.sourceNo() >= 1);
  }

  @Test
  void yearsFilterLimitsTheChart() {
    ChartSpec spec = spec(seed, "ai_enterprises", new Filter((String) null, 2024, 2024));
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
    assertTrue(chart(seed, "ai_core_industry_scale", new Filter((String) null, 2100, 2100)).isEmpty());
  }

  @Test
  void aYearlyChartMarksTheBreakItsDataMark() {
    ViewRows data = synthetic("CNY_bn", List.of(
        obs("2022", "508.0", Qualifier.REPORTED), obs("2023", "578.4", Qualifier.REPORTED),
        org.aimonitor.Fixtures.broken(obs("2024", "900", Qualifier.LOWER_BOUND))), "any_code");
    ChartSpec spec = spec(data, "any_code", Filter.NONE);
    assertEquals(List.of(new ChartSpec.Break("2023", "2024", "Series break")), spec.breaks());
    assertFalse(series(spec, "Actual").points().get(2).joined());
  }

  @Test
  void everySeededIndicatorWithFiguresGetsAChart() {
    for (Indicator i : seed.indicators().values()) {
      Optional<ChartView> view = chart(seed, i.code(), Filter.NONE);
      assertTrue(view.isPresent(), i.code());
      view.get().spec().series().forEach(s -> assertFalse(s.points().isEmpty(), i.code() + " " + s.label()));
    }
  }

  // ---- Chinese -----------------------------------------------------------------------------

  @Test
  void chineseChartDrawsBillionsOfYuanIn100MillionYuan() {
    ChartView view = chart(seed, "ai_core_industry_scale", Filter.NONE, Text.ZH).orElseThrow();
    ChartSpec spec = view.spec();
    assertEquals("中国（大陆）人工智能核心产业规模", spec.title());
    assertEquals("亿元", view.unit());
    assertEquals("亿元", spec.axes().get(0).title());
    assertEquals("年份（各数据位于其时期的中点）", spec.x().title());
    Point p2024 = point(series(spec, "全年合计"), "2024年");
    assertEquals(9000.0, p2024.y(), 1e-9, "900 billion yuan = 9000亿元");
    assertEquals("超过9000亿元", p2024.text());
    assertEquals("下限", p2024.qualifier());
    assertEquals(List.of("2030年：1万亿元（目标）", "2035年：1.7295万亿元（预测）"),
        spec.beyond().stream().map(ChartSpec.Beyond::label).toList());
    assertTrue(periods(series(spec, "年内部分时期数据（非全年合计）")).contains("2024年9月"));
    assertTrue(view.notes().contains(Text.ZH.t("chart.note.breaks", "2020年，2022年，2024年")),
        view.notes().toString());
  }

  @Test
  void chineseChartsUseTenThousandUnitsAndHundredMillionUsers() {
    Point shipments = point(series(zh("ai_pc_shipments", Filter.NONE), "实际值"), "2024年");
    assertEquals(580.0, shipments.y(), 1e-9, "5.8 million units = 580万台");
    assertEquals("580万台", shipments.text());

    ChartSpec users = zh("genai_users", Filter.NONE);
    Point end2025 = point(series(users, "实际值"), "2025年12月");
    assertEquals(6.02, end2025.y(), 1e-9, "602 million users = 6.02亿人");
    assertEquals("6.02亿人", end2025.text());
    assertEquals("亿人", users.axes().get(0).title());
    assertEquals("日期（数值为各时期期末值）", users.x().title());
    assertTrue(users.x().ticks().stream().allMatch(t -> t.label().matches("\\d{4}年1月")), users.x().ticks().toString());

    Point sales = point(series(zh("l2_adas_sales", Filter.NONE), "年内部分时期数据（非全年合计）"), "2025年1–7月");
    assertEquals(776.0, sales.y(), 1e-9, "7.76 million cars = 776万辆");
    assertEquals("776万辆", sales.text());

    assertEquals(28.0, point(series(zh("ai_pc_share", new Filter("CN", null, null)), "实际值"), "2025年第2季度").y(),
        1e-9, "percentages stay as they are");
  }

  @Test
  void chineseStockPeriodsAreNamedAtTheirEnd() {
    ChartSpec spec = zh("ai_enterprises", Filter.NONE);
    assertEquals("中国（大陆）人工智能企业数量", spec.title());
    Series actual = series(spec, "实际值");
    assertEquals(2023.75, ((Number) point(actual, "2023年第3季度末").x()).doubleValue(), 1e-9);
    assertEquals(2021.0, ((Number) point(actual, "2020年末").x()).doubleValue(), 1e-9);
    assertEquals("全球人工智能企业数量", zh("ai_enterprises", new Filter("WORLD", null, null)).title());
  }

  @Test
  void chineseYearlyChartsKeepBareYearsOnTheAxisAndMarkTheBreak() {
    ChartSpec growth = zh("ai_core_industry_growth", Filter.NONE);
    assertEquals("年份", growth.x().title());
    assertEquals(List.of("2020", "2021", "2022", "2023", "2024"), growth.x().labels());
    Point p2024 = point(series(growth, "实际值"), "2024年");
    assertEquals("2024", p2024.x(), "points sit on the axis' own category");
    assertEquals("+24%", p2024.text());

    ViewRows data = synthetic("CNY_bn", List.of(
        obs("2022", "508.0", Qualifier.REPORTED), obs("2023", "578.4", Qualifier.REPORTED),
        org.aimonitor.Fixtures.broken(obs("2024", "900", Qualifier.LOWER_BOUND))), "any_code");
    ChartSpec spec = chart(data, "any_code", Filter.NONE, Text.ZH).orElseThrow().spec();
    assertEquals(List.of(new ChartSpec.Break("2023", "2024", "序列断点")), spec.breaks());
    assertEquals(List.of(5080.0, 5784.0, 9000.0),
        series(spec, "实际值").points().stream().map(Point::y).toList());
  }

  /** The "points are not joined" note follows the chart's shape, not the wording of a series. */
  @ParameterizedTest
  @EnumSource(Lang.class)
  void theUnjoinedNoteFollowsTheShapeInEitherLanguage(Lang lang) {
    Text t = Text.of(lang);
    String unjoined = t.t("indicator.chart.note.unjoined");
    ChartView gappy = chart(seed, "ai_core_industry_scale", Filter.NONE, t).orElseThrow();
    assertTrue(gappy.notes().contains(unjoined), gappy.notes().toString());

    ViewRows joined = synthetic("CNY_bn", List.of(
        obs("2021", "10", Qualifier.REPORTED), obs("2022", "12", Qualifier.REPORTED),
        obs("2023", "14", Qualifier.REPORTED), obs("2023-06", "6", Qualifier.APPROX)));
    ChartView line = chart(joined, "x", Filter.NONE, t).orElseThrow();
    assertEquals("line", series(line.spec(), t.t("indicator.series.annual")).type());
    assertFalse(line.notes().contains(unjoined), line.notes().toString());

    ChartView broken = chart(seed, "intelligent_computing_power", Filter.NONE, t).orElseThrow();
    Series actual = series(broken.spec(), t.t("indicator.series.actual"));
    assertEquals("line", actual.type());
    // IDC's FP16 2023, the official end-2024 figure, the FP16 June 2025 figure, then two more:
    // each change of definition breaks the line (break_before), and only those.
    assertEquals(List.of(true, false, false, true, true), actual.points().stream().map(Point::joined).toList(),
        "the line breaks before end-2024 and June 2025 (break_before), and only there");
    assertTrue(broken.notes().contains(unjoined), broken.notes().toString());

    ChartView bars = chart(seed, "ai_core_industry_growth", Filter.NONE, t).orElseThrow();
    assertFalse(bars.notes().contains(unjoined), "bars are never joined, so nothing to explain");
  }

  // A one-indicator dataset for shapes the seed does not have.
  private static ViewRows synthetic(String unit, List<Observation> observations) {
    return synthetic(unit, observations, "x");
  }

  private static ViewRows synthetic(String unit, List<Observation> observations, String code) {
    Indicator indicator = org.aimonitor.Fixtures.newIndicator(code, "scale", "Test indicator", "测试", unit, "billion yuan",
        "亿元", 1, "A test.", "测试。");
    Source source = new Source("s", "Publisher", "Title", "https://example.org/", null, "en", "news", "");
    Map<String, Indicator> indicators = new LinkedHashMap<>(Map.of(code, indicator));
    Map<String, Source> sources = new LinkedHashMap<>(Map.of("s", source));
    List<Observation> renamed = observations.stream()
        .map(o -> new Observation(code, o.region(), o.period(), o.value(), o.qualifier(), o.source(),
            o.headline(), o.note(), o.breakBefore(), o.doubtful()))
        .toList();
    return new ViewRows(1, indicators, sources, renamed, List.of());
  }

  private static Observation obs(String period, String value, Qualifier q) {
    return new Observation("x", "CN", Period.parse(period), new BigDecimal(value), q, "s", true, "");
  }
}
