package org.aimonitor.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.aimonitor.SeededDatabase;
import org.aimonitor.dashboard.DashboardCharts;
import org.aimonitor.region.Filter;
import org.aimonitor.indicator.IndicatorData;
import org.aimonitor.web.SourceNotes;
import org.aimonitor.i18n.Lang;
import org.aimonitor.i18n.Text;
import org.aimonitor.indicator.IndicatorChart;
import org.aimonitor.json.Json;
import org.aimonitor.store.Database;
import org.aimonitor.store.ViewRows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every chart the site draws from the seed data, on the overview, the summary and every
 * indicator page in every region: its series can be told apart without colour (by marker shape,
 * dash, fill or kind), as a colour-blind reader or a grey printout needs, and each is drawn in a
 * palette colour that has a dark-theme counterpart in the spec.
 */
class SeriesStylesTest {

  static ViewRows seed;

  @BeforeAll
  static void loadSeed(@TempDir Path dir) {
    Database db = SeededDatabase.open(dir.resolve("monitor.db"));
    seed = org.aimonitor.TestData.everything(db);
  }

  /**
   * The overview's four charts in both languages (the summary draws three of them) and every
   * indicator chart.
   */
  static List<ChartSpec> allCharts() {
    List<ChartSpec> charts = new ArrayList<>();
    for (Lang lang : Lang.values()) {
      DashboardCharts overview = new DashboardCharts(seed, new SourceNotes(seed.sources()), Text.of(lang));
      Stream.of(overview.marketScale(), overview.segmentGrowth(), overview.hardwareAdoption(),
          overview.enterprises()).map(ChartView::spec).forEach(charts::add);
    }
    List<String> regions = new ArrayList<>(org.aimonitor.Fixtures.regions().stream()
        .map(org.aimonitor.store.Region::code).toList());
    regions.add(null);
    for (String code : seed.indicators().keySet()) {
      for (String region : regions) {
        IndicatorData data = org.aimonitor.TestData.indicator(seed, code, new Filter(region, null, null));
        new IndicatorChart(data, new SourceNotes(seed.sources()), Text.EN).build()
            .ifPresent(view -> charts.add(view.spec()));
      }
    }
    return charts;
  }

  /** How a series looks in grey: marker shape, solid or dashed, filled or open, bar or point. */
  static String lookWithoutColour(ChartSpec.Series s) {
    return s.marker() + (s.dash().isEmpty() ? " solid" : " dashed") + (s.hollow() ? " open" : " filled")
        + (s.type().equals("bar") ? " bar" : " point");
  }

  @Test
  void noTwoSeriesOfAChartLookAlikeWithoutColour() {
    List<ChartSpec> charts = allCharts();
    List<String> clashes = new ArrayList<>();
    for (ChartSpec chart : charts) {
      Map<String, String> seen = new HashMap<>();
      for (ChartSpec.Series s : chart.series()) {
        String other = seen.putIfAbsent(lookWithoutColour(s), s.label());
        if (other != null) {
          clashes.add(chart.title() + ": \"" + other + "\" and \"" + s.label() + "\" are both "
              + lookWithoutColour(s));
        }
      }
    }
    assertTrue(charts.size() > 30, "charts checked: " + charts.size());
    assertEquals(List.of(), clashes);
  }

  @Test
  void lookWithoutColourTellsForecastsFromActualsOfTheSameColourAndShape() {
    ChartSpec.Series actual = new ChartSpec.Series("Actual", "line", "actual", "y", Palette.BLUE,
        "circle", List.of());
    ChartSpec.Series forecast = new ChartSpec.Series("Forecast", "line", "projection", "y",
        Palette.BLUE, "circle", List.of());
    ChartSpec.Series twin = new ChartSpec.Series("Other", "line", "actual", "y", Palette.GREEN,
        "circle", List.of());
    assertTrue(!lookWithoutColour(actual).equals(lookWithoutColour(forecast)));
    assertEquals(lookWithoutColour(actual), lookWithoutColour(twin), "colour alone is not a difference");
  }

  @Test
  void everySeriesIsInAPaletteColourAndItsSpecCarriesTheDarkCounterpart() {
    List<String> problems = new ArrayList<>();
    for (ChartSpec chart : allCharts()) {
      String json = Json.write(chart);
      for (ChartSpec.Series s : chart.series()) {
        if (!Palette.all().contains(s.color())) {
          problems.add(chart.title() + " / " + s.label() + ": " + s.color() + " is not a palette colour");
        } else if (!json.contains("\"darkColor\":\"" + Palette.onDark(s.color()) + "\"")) {
          problems.add(chart.title() + " / " + s.label() + ": no darkColor in the spec");
        }
      }
      if (chart.series().stream().anyMatch(s -> s.role().equals("projection"))
          && !json.contains("\"dash\":[6,4]")) {
        problems.add(chart.title() + ": forecasts without a dash in the spec");
      }
    }
    assertEquals(List.of(), problems);
  }
}
