package org.aimonitor.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aimonitor.Fixtures;
import org.aimonitor.i18n.Lang;
import org.aimonitor.i18n.Messages;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Period;
import org.aimonitor.store.Qualifier;
import org.aimonitor.store.Source;
import org.aimonitor.web.SourceNotes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The grammar of qualifiers ({@link Mark}), the rules that place figures ({@link Plot}: joins,
 * the time axis and its edge) and what a finished spec carries (key, publishers, grouping).
 */
class ChartSpecTest {

  @org.junit.jupiter.api.BeforeAll
  static void loadSeed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    SeriesStylesTest.loadSeed(dir);
  }

  // ---- Each qualifier's encoding -------------------------------------------------------------

  @Test
  void eachQualifierHasItsOwnMark() {
    assertEquals(Qualifier.values().length, Mark.values().length);
    for (Qualifier q : Qualifier.values()) {
      assertEquals(q.code(), Mark.of(q).code());
    }
  }

  @Test
  void reportedIsFilledAndPlain() {
    assertEncoding(Mark.REPORTED, "solid", "", false, false);
  }

  @Test
  void approximateIsLighterWithTheAboutSign() {
    assertEncoding(Mark.APPROX, "tint", "≈", false, false);
  }

  @Test
  void lowerBoundIsHatchedWithTheMoreThanSignTheTablesWrite() {
    assertEncoding(Mark.LOWER_BOUND, "hatch", ">", false, false);
    assertEquals(Qualifier.LOWER_BOUND.prefix().strip(), Mark.LOWER_BOUND.glyph());
    assertEquals(Qualifier.APPROX.prefix().strip(), Mark.APPROX.glyph());
  }

  @Test
  void derivedIsDotted() {
    assertEncoding(Mark.DERIVED, "dots", "=", false, false);
  }

  @Test
  void forecastIsOpenOnADashedLine() {
    assertEncoding(Mark.FORECAST, "open", "", true, false);
    assertEquals(List.of(6, 4), Mark.FORECAST.dash());
  }

  @Test
  void targetIsOpenWithAGoalLine() {
    assertEncoding(Mark.TARGET, "open", "", false, true);
  }

  private static void assertEncoding(Mark m, String fill, String glyph, boolean dashed, boolean goal) {
    assertEquals(List.of(fill, glyph, dashed, goal), List.of(m.fill(), m.glyph(), m.dashed(), m.goal()),
        m.name());
  }

  @Test
  void noTwoQualifiersLookAlikeEvenInGrey() {
    Set<String> looks = new HashSet<>();
    for (Mark m : Mark.values()) {
      assertTrue(looks.add(m.fill() + "|" + m.glyph() + "|" + m.dashed() + "|" + m.goal()), m.name());
    }
    Set<String> glyphs = new HashSet<>();
    Arrays.stream(Mark.values()).map(Mark::glyph).filter(g -> !g.isEmpty()).forEach(g -> assertTrue(glyphs.add(g)));
    assertFalse(glyphs.contains(Mark.DOUBTFUL_GLYPH));
    assertFalse(glyphs.contains(Mark.BEYOND_GLYPH));
  }

  @Test
  void aQualifiersMarkUsesNeitherColourNorShapeSoAPlaceCanNeverLookLikeOne() {
    // A place (or product) is a series' colour and marker shape; a mark is fill, sign, dash, goal.
    // The JSON of a key entry, what charts.js and the PNG draw a mark from, names no colour or shape.
    String json = org.aimonitor.json.Json.write(ChartSpec.KeyEntry.of(Mark.TARGET, "Target"));
    assertFalse(json.contains("color") || json.contains("marker"), json);
    ChartSpec.Series forecast = new ChartSpec.Series("Shanghai: forecasts and targets", "scatter",
        "projection", "y", Palette.VERMILLION, "triangle", List.of());
    assertTrue(forecast.hollow(), "a place's projected series keeps its colour and shape, open");
  }

  @ParameterizedTest
  @EnumSource(Lang.class)
  void everyMarkIsExplainedInTheKeyInBothLanguages(Lang lang) {
    for (Mark m : Mark.values()) {
      assertTrue(Messages.has(lang, "chart.key." + m.code()), m.code());
    }
    for (String extra : List.of("doubtful", "break", "unjoined", "beyond")) {
      assertTrue(Messages.has(lang, "chart.key." + extra), extra);
    }
  }

  // ---- Lines ----------------------------------------------------------------------------------

  static final Indicator STOCK = Fixtures.indicator("ai_enterprises", "enterprises", "count", "enterprises", 0);
  static final Indicator RATE = Fixtures.indicator("ai_pc_share", "hardware", "pct", "%", 1);
  static final Indicator AMOUNT = Fixtures.indicator("ai_core_industry_scale", "scale", "CNY_bn", "billion yuan", 1);

  static Observation o(String indicator, String period, String value) {
    return new Observation(indicator, "CN", Period.parse(period), new BigDecimal(value),
        Qualifier.REPORTED, "s", true, "");
  }

  @Test
  void aFigureMarkedNotComparableIsNeverJoined() {
    assertTrue(Plot.joins(o("x", "2022", "1"), o("x", "2023", "2"), AMOUNT));
    assertFalse(Plot.joins(o("x", "2022", "1"), Fixtures.broken(o("x", "2023", "2")), AMOUNT));
    assertFalse(Plot.joins(o("x", "2023-06", "1"), Fixtures.broken(o("x", "2023-12", "2")), STOCK));
  }

  @Test
  void amountsJoinOnlyConsecutivePeriodsOfOneLength() {
    assertFalse(Plot.joins(o("x", "2020", "1"), o("x", "2022", "2"), AMOUNT), "2021 is missing");
    assertFalse(Plot.joins(o("x", "2024", "1"), o("x", "2025-01/2025-09", "2"), AMOUNT),
        "a part-year total after a year's would read as a fall");
    assertTrue(Plot.joins(o("x", "2024-Q4", "1"), o("x", "2025-Q1", "2"), AMOUNT));
  }

  @Test
  void ratesJoinWhenNoMonthIsUncovered() {
    assertTrue(Plot.joins(o("x", "2024", "1"), o("x", "2025-01/2025-07", "2"), RATE));
    assertFalse(Plot.joins(o("x", "2020", "1"), o("x", "2022", "2"), RATE), "2021 is missing");
  }

  @Test
  void stocksJoinWhenNoWholeYearLiesBetween() {
    assertTrue(Plot.joins(o("x", "2023-06", "1"), o("x", "2023-Q3", "2"), STOCK));
    assertTrue(Plot.joins(o("x", "2023", "1"), o("x", "2024", "2"), STOCK));
    assertFalse(Plot.joins(o("x", "2020", "1"), o("x", "2023-06", "2"), STOCK));
  }

  @Test
  void aLineMarksTheBreakBetweenTheTwoFiguresOnEitherAxis() {
    SourceNotes notes = notes();
    List<Observation> figures = List.of(o("x", "2022", "1"), o("x", "2023", "2"),
        Fixtures.broken(o("x", "2024", "3")), o("x", "2025", "4"));
    Plot.Line years = Plot.line(figures, ob -> ob.period().label(), ob -> ob.period().label(),
        AMOUNT, Text.EN, notes);
    assertEquals(List.of(true, true, false, true), years.points().stream().map(ChartSpec.Point::joined).toList());
    assertEquals(List.of(new ChartSpec.Break("2023", "2024", "Series break")), years.breaks());
    Plot.Line time = Plot.line(figures, ob -> ob.period().midpoint(), ob -> ob.period().label(),
        AMOUNT, Text.EN, notes);
    assertEquals(List.of(ChartSpec.Break.at(2024.0, "Series break")), time.breaks());
  }

  // ---- The axis rule --------------------------------------------------------------------------

  @Test
  void aTimeAxisCoversTheActualFiguresAndTwoYearsAhead() {
    assertEquals(2028.0, Plot.axisEnd(List.of(2024.5, 2025.5), List.of(2024.5, 2025.5, 2030.5, 2035.5)),
        "flows at mid-year: to the end of 2027");
    assertEquals(2028.0, Plot.axisEnd(List.of(2025.0, 2026.0), List.of(2026.0, 2031.0)),
        "a stock at the end of 2025 belongs to 2025: to the end of 2027");
    assertEquals(2026.5, Plot.axisEnd(List.of(2025.5), List.of(2025.5, 2026.5)),
        "no further than the last figure");
    assertEquals(2030.5, Plot.axisEnd(List.of(), List.of(2027.5, 2030.5)),
        "only projections: the axis follows them");
  }

  @Test
  void aYearAxisEndsTwoYearsAfterTheLastActualYear() {
    assertEquals(2027, Plot.lastYear(List.of(2020, 2025), List.of(2020, 2025, 2030, 2035)));
    assertEquals(2026, Plot.lastYear(List.of(2025), List.of(2025, 2026)));
    assertEquals(2030, Plot.lastYear(List.of(), List.of(2027, 2030)));
  }

  @Test
  void figuresBeyondTheAxisGoToItsEdgeWithTheirValueAndTheAxisReachesThem() {
    SourceNotes notes = notes();
    ChartSpec.Point near = Plot.point("2026", target("2026", "400"), AMOUNT, "2026", Text.EN, notes);
    ChartSpec.Point far = Plot.point("2030", target("2030", "1000"), AMOUNT, "2030", Text.EN, notes);
    Plot.Split split = Plot.split(List.of(near, far), 2027);
    assertEquals(List.of(near), split.within());
    assertEquals(List.of(far), split.beyond());
    ChartSpec.Series s = new ChartSpec.Series("Targets", "scatter", "projection", "y", Palette.GREY,
        "circle", List.of(near, far));
    List<ChartSpec.Beyond> edge = Plot.beyond(s, split.beyond(), Text.EN);
    assertEquals("2030: ¥1,000 billion (target)", edge.get(0).label());
    assertEquals("target", edge.get(0).point().mark());
    assertEquals(1000.0, new ChartSpec.Axis("y", "t", "left", "{0}").reaching(1000).max());
  }

  // ---- The finished spec ----------------------------------------------------------------------

  static Observation target(String period, String value) {
    return new Observation("x", "CN", Period.parse(period), new BigDecimal(value), Qualifier.TARGET,
        "s", true, "");
  }

  static SourceNotes notes() {
    Map<String, Source> sources = new LinkedHashMap<>();
    sources.put("s", new Source("s", "CAICT", "T", "https://example.org/", null, "en", "official", ""));
    sources.put("t", new Source("t", "Xinhua", "T", "https://example.org/t", null, "en", "official", ""));
    return new SourceNotes(sources);
  }

  @Test
  void theKeyNamesTheMarksDrawnAndThePublishersComeFromTheSpec() {
    SourceNotes notes = notes();
    Observation bound = new Observation("x", "CN", Period.parse("2024"), new BigDecimal("900"),
        Qualifier.LOWER_BOUND, "t", true, "", true, true);
    List<ChartSpec.Point> points = new ArrayList<>(List.of(
        Plot.point("2023", o("x", "2023", "578.4"), AMOUNT, "2023", Text.EN, notes),
        Plot.point("2024", bound, AMOUNT, "2024", Text.EN, notes).unjoined()));
    ChartSpec spec = new ChartSpec("c", "Title", ChartSpec.XAxis.category("Year", List.of("2023", "2024")),
        List.of(new ChartSpec.Axis("y", "billion yuan", "left", Plot.tickFormat(AMOUNT, Text.EN))),
        List.of(new ChartSpec.Series("Scale", "bar", "actual", "y", Palette.BLUE, "rect", points)),
        List.of(new ChartSpec.Break("2023", "2024", "Series break"))).finish(Text.EN, notes, "billion yuan");
    assertEquals(List.of("reported", "lower_bound", "doubtful", "break"),
        spec.key().stream().map(ChartSpec.KeyEntry::kind).toList(), "bars are never joined: no line entry");
    assertEquals(List.of("CAICT", "Xinhua"), spec.publishers());
    assertEquals("Unit: billion yuan", spec.unit());
    assertEquals("¥{0} bn", spec.axes().get(0).format(), "the tick carries the unit");
    assertTrue(spec.grouping());
    ChartSpec zh = spec.finish(Text.ZH, notes, "亿元");
    assertFalse(zh.grouping(), "Chinese numbers are not grouped");
    assertEquals("{0}亿元", Plot.tickFormat(AMOUNT, Text.ZH));
  }

  @Test
  void everyChartOfTheSiteHasAKeyForEveryMarkItDraws() {
    List<String> problems = new ArrayList<>();
    for (ChartSpec chart : SeriesStylesTest.allCharts()) {
      Set<String> kinds = new HashSet<>();
      chart.key().forEach(k -> kinds.add(k.kind()));
      chart.series().stream().flatMap(s -> s.points().stream()).map(ChartSpec.Point::mark)
          .filter(m -> !kinds.contains(m)).forEach(m -> problems.add(chart.title() + ": no key for " + m));
      if (!chart.breaks().isEmpty() && !kinds.contains("break")) {
        problems.add(chart.title() + ": no key for its break");
      }
      if (!chart.beyond().isEmpty() && !kinds.contains("beyond")) {
        problems.add(chart.title() + ": no key for the figures at its edge");
      }
      if (chart.publishers().isEmpty()) {
        problems.add(chart.title() + ": no publishers");
      }
    }
    assertEquals(List.of(), problems);
  }
}
