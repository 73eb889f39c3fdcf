package org.aimonitor.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aimonitor.Fixtures;
import org.aimonitor.chart.ChartSpec;
import org.aimonitor.chart.ChartView;
import org.aimonitor.web.SourceNotes;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Period;
import org.aimonitor.store.Region;
import org.aimonitor.store.Source;
import org.junit.jupiter.api.Test;

/**
 * How rankings and comparisons are shaped into charts, on small synthetic tables: one bar per
 * place, largest first, lower bounds drawn open, the top 25 at most; one series per chosen place,
 * projections apart and never joined, part-year amounts left out of a chart of annual totals.
 */
class PlaceChartsTest {

  static final Indicator ENTERPRISES = Fixtures.indicator("ai_enterprises", "enterprises", "count",
      "enterprises", 0);
  static final Indicator SCALE = Fixtures.indicator("ai_industry_scale", "scale", "CNY_bn",
      "billion yuan", 2);
  static final Map<String, Source> SOURCES = Map.of("s1", Fixtures.source("s1", "2025-01-01"),
      "s2", Fixtures.source("s2", "2025-02-01"), "s3", Fixtures.source("s3", "2025-03-01"));

  static Region province(String code, String name) {
    return new Region(code, name, name + "（省）", "CN", "province");
  }

  static Observation figure(Indicator i, String region, String period, String value,
      String qualifier, String source) {
    return Fixtures.obs(i.code(), region, period, value, qualifier, source, true);
  }

  static Ranking ranking(Indicator i, String period, List<Ranking.Ranked> ranked) {
    return new Ranking(i, Period.parse(period), "province", List.of(), Ranking.Rule.ASKED, ranked, ranked.size(),
        List.of(), 0, List.of(), 0, null);
  }

  static Ranking.Ranked ranked(int rank, String code, String name, Observation o) {
    return new Ranking.Ranked(rank, province(code, name), o);
  }

  static SourceNotes notes() {
    return new SourceNotes(SOURCES);
  }

  @Test
  void aRankingIsHorizontalBarsLargestFirstEachMarkedByItsQualifier() {
    Ranking r = ranking(ENTERPRISES, "2024", List.of(
        ranked(1, "CN-BJ", "Beijing", figure(ENTERPRISES, "CN-BJ", "2024", "2400", "lower_bound", "s1")),
        ranked(2, "CN-HB-WH", "Wuhan", figure(ENTERPRISES, "CN-HB-WH", "2024", "1326", "reported", "s2")),
        ranked(3, "CN-AH-HF", "Hefei", figure(ENTERPRISES, "CN-AH-HF", "2024", "1078", "approx", "s3"))));
    ChartView view = RankingChart.build(r, notes(), Text.EN).orElseThrow();
    ChartSpec spec = view.spec();
    assertEquals("y", spec.indexAxis(), "categories down the side");
    assertEquals(List.of("Beijing", "Wuhan", "Hefei"), spec.x().labels(), "largest first");
    assertEquals(1, spec.series().size(), "one series; the qualifier is each bar's mark");
    ChartSpec.Series bars = spec.series().get(0);
    assertEquals("bar", bars.type());
    assertEquals(List.of("Beijing", "Wuhan", "Hefei"), bars.points().stream().map(p -> p.x()).toList());
    assertEquals(List.of("lower_bound", "reported", "approx"),
        bars.points().stream().map(ChartSpec.Point::mark).toList());
    assertEquals("> 2,400 enterprises", bars.points().get(0).text());
    assertEquals("≈ 1,078 enterprises", bars.points().get(2).text());
    assertEquals(List.of("reported", "approx", "lower_bound"),
        spec.key().stream().map(ChartSpec.KeyEntry::kind).toList(), "the key names each mark drawn");
    assertTrue(view.notes().stream().anyMatch(n -> n.contains("are lower bounds")), view.notes()::toString);
    assertTrue(view.notes().stream().anyMatch(n -> n.contains("Every bar is a figure for end of 2024")), view.notes()::toString);
    assertTrue(view.json().contains("\"indexAxis\":\"y\""));
    // Sources are numbered in rank order, as the table lists the places.
    assertEquals(List.of(1, 2, 3), bars.points().stream().map(ChartSpec.Point::sourceNo).toList());
  }

  @Test
  void withoutALowerBoundThereIsOneSeriesAndNoNoteAboutOpenBars() {
    Ranking r = ranking(ENTERPRISES, "2026-01", List.of(
        ranked(1, "CN-AH", "Anhui", figure(ENTERPRISES, "CN-AH", "2026-01", "893", "reported", "s1")),
        ranked(2, "CN-ZJ-HZ", "Hangzhou", figure(ENTERPRISES, "CN-ZJ-HZ", "2026-01", "700", "approx", "s2"))));
    ChartView view = RankingChart.build(r, notes(), Text.EN).orElseThrow();
    assertEquals(1, view.spec().series().size());
    assertFalse(view.notes().stream().anyMatch(n -> n.contains("lower bounds")));
    assertTrue(view.spec().title().contains("Jan 2026"), view.spec().title());
  }

  @Test
  void theChartDrawsTheFirstTwentyFiveAndSaysHowManyThereAre() {
    List<Ranking.Ranked> many = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      String code = String.format("SYN-P%06d", i);
      many.add(ranked(i, code, "Place " + i, figure(ENTERPRISES, code, "1950", Integer.toString(1000 - i),
          "reported", "s1")));
    }
    Ranking r = new Ranking(ENTERPRISES, Period.parse("1950"), "province", List.of(), Ranking.Rule.ASKED, many, 400,
        List.of(), 0, List.of(), 0, null);
    ChartView view = RankingChart.build(r, notes(), Text.EN).orElseThrow();
    assertEquals(RankingChart.MAX_BARS, view.spec().x().labels().size());
    assertEquals("Place 1", view.spec().x().labels().get(0));
    assertTrue(view.notes().contains("The chart draws the first 25 of 400 places; the full ranking lists them all."),
        view.notes()::toString);
  }

  @Test
  void placesThatShareANameAreToldApartByTheirCodes() {
    Ranking r = ranking(ENTERPRISES, "1950", List.of(
        ranked(1, "SYN-P000001", "Same", figure(ENTERPRISES, "SYN-P000001", "1950", "2", "reported", "s1")),
        ranked(2, "SYN-P000004", "Same", figure(ENTERPRISES, "SYN-P000004", "1950", "1", "reported", "s1"))));
    List<String> labels = RankingChart.build(r, notes(), Text.EN).orElseThrow().spec().x().labels();
    assertEquals(List.of("Same (SYN-P000001)", "Same (SYN-P000004)"), labels);
  }

  @Test
  void chineseRankingsDrawChineseUnitsAndNames() {
    Ranking r = ranking(SCALE, "2024", List.of(
        ranked(1, "CN-ZJ", "Zhejiang", figure(SCALE, "CN-ZJ", "2024", "570", "lower_bound", "s1")),
        ranked(2, "CN-SH", "Shanghai", figure(SCALE, "CN-SH", "2024", "450", "lower_bound", "s2"))));
    ChartSpec spec = RankingChart.build(r, notes(), Text.ZH).orElseThrow().spec();
    assertEquals(List.of("Zhejiang（省）", "Shanghai（省）"), spec.x().labels());
    assertEquals(5700.0, spec.series().get(0).points().get(0).y(), "亿元, ten to a billion");
    assertEquals("超过5700亿元", spec.series().get(0).points().get(0).text());
  }

  @Test
  void nothingRankedMeansNoChart() {
    assertTrue(RankingChart.build(ranking(ENTERPRISES, "2024", List.of()), notes(), Text.EN).isEmpty());
  }

  static Comparison comparison(Indicator i, Map<Region, List<Observation>> series) {
    Map<String, List<Observation>> byCode = new java.util.LinkedHashMap<>();
    Map<String, Long> omitted = new java.util.LinkedHashMap<>();
    series.forEach((r, os) -> {
      byCode.put(r.code(), os);
      omitted.put(r.code(), 0L);
    });
    return new Comparison(i, Filter.NONE, List.copyOf(series.keySet()), byCode, omitted);
  }

  @Test
  void aComparisonDrawsASeriesPerPlaceWithItsOwnMarkerAndProjectionsApart() {
    Region bj = province("CN-BJ", "Beijing");
    Region sh = province("CN-SH", "Shanghai");
    Map<Region, List<Observation>> series = new java.util.LinkedHashMap<>();
    series.put(bj, List.of(figure(ENTERPRISES, "CN-BJ", "2022-10", "1048", "reported", "s1"),
        figure(ENTERPRISES, "CN-BJ", "2023-06", "2400", "lower_bound", "s1")));
    series.put(sh, List.of(figure(ENTERPRISES, "CN-SH", "2023", "350", "reported", "s2"),
        figure(ENTERPRISES, "CN-SH", "2025", "500", "target", "s3")));
    ChartView view = ComparisonChart.build(comparison(ENTERPRISES, series), notes(), Text.EN).orElseThrow();
    List<ChartSpec.Series> s = view.spec().series();
    assertEquals(List.of("Beijing", "Shanghai", "Shanghai: forecasts and targets"),
        s.stream().map(ChartSpec.Series::label).toList());
    assertEquals("line", s.get(0).type());
    assertTrue(s.get(0).points().get(1).joined(), "a stock's figures within a year are joined");
    assertEquals("scatter", s.get(2).type(), "projections are never joined");
    assertTrue(s.get(2).hollow());
    assertEquals(s.get(1).color(), s.get(2).color(), "a place keeps its colour");
    assertNotEquals(s.get(0).marker(), s.get(1).marker(), "places differ by marker shape too");
    Set<String> looks = new HashSet<>();
    s.forEach(x -> assertTrue(looks.add(look(x)), "no two series alike: " + x.label()));
    // A stock sits at the end of its period: October 2022 ends at 2022 + 10/12.
    assertEquals(2022 + 10 / 12.0, ((Number) s.get(0).points().get(0).x()).doubleValue(), 1e-9);
    assertEquals("linear", view.spec().x().type());
    assertTrue(view.notes().stream().anyMatch(n -> n.contains("Nothing is added up")));
  }

  @Test
  void amountsOverAPeriodDrawAnnualTotalsOnlyAndSayHowManyPartYearFiguresAreLeftOut() {
    Region sh = province("CN-SH", "Shanghai");
    Region ah = province("CN-AH", "Anhui");
    Map<Region, List<Observation>> series = new java.util.LinkedHashMap<>();
    series.put(sh, List.of(figure(SCALE, "CN-SH", "2021", "305.6", "reported", "s1"),
        figure(SCALE, "CN-SH", "2023", "380", "lower_bound", "s1"),
        figure(SCALE, "CN-SH", "2025-01/2025-09", "435.49", "reported", "s2")));
    series.put(ah, List.of(figure(SCALE, "CN-AH", "2024", "170", "lower_bound", "s3"),
        figure(SCALE, "CN-AH", "2025-01/2025-09", "167.39", "reported", "s3")));
    ChartView view = ComparisonChart.build(comparison(SCALE, series), notes(), Text.EN).orElseThrow();
    List<ChartSpec.Series> s = view.spec().series();
    assertEquals(List.of("Shanghai", "Anhui"), s.stream().map(ChartSpec.Series::label).toList());
    assertEquals(List.of(true, false), s.get(0).points().stream().map(ChartSpec.Point::joined).toList(),
        "2021 and 2023 are not consecutive years: no line across 2022");
    assertEquals(2, s.get(0).points().size(), "Jan–Sep 2025 is not an annual total");
    assertTrue(view.notes().contains(
        "Part-year figures of these places (not annual totals) are not drawn: 2; the table of figures lists them."),
        view.notes()::toString);
    // A flow sits at the middle of its year.
    assertEquals(2021.5, ((Number) s.get(0).points().get(0).x()).doubleValue(), 1e-9);
  }

  @Test
  void aComparisonWithNothingToDrawHasNoChart() {
    Map<Region, List<Observation>> series = new java.util.LinkedHashMap<>();
    series.put(province("CN-BJ", "Beijing"), List.of());
    series.put(province("CN-SH", "Shanghai"), List.of(
        figure(SCALE, "CN-SH", "2025-01/2025-09", "435.49", "reported", "s2")));
    assertTrue(ComparisonChart.build(comparison(SCALE, series), notes(), Text.EN).isEmpty());
  }

  /** How a series looks in grey (as SeriesStylesTest reads it): shape, dash, fill, kind. */
  static String look(ChartSpec.Series s) {
    return s.marker() + (s.dash().isEmpty() ? " solid" : " dashed") + (s.hollow() ? " open" : " filled")
        + (s.type().equals("bar") ? " bar" : " point");
  }
}
