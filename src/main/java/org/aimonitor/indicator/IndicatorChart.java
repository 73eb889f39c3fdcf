package org.aimonitor.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.aimonitor.chart.ChartSpec;
import org.aimonitor.chart.ChartSpec.Axis;
import org.aimonitor.chart.ChartSpec.Point;
import org.aimonitor.chart.ChartSpec.Series;
import org.aimonitor.chart.ChartSpec.Tick;
import org.aimonitor.chart.ChartSpec.XAxis;
import org.aimonitor.chart.ChartView;
import org.aimonitor.chart.Palette;
import org.aimonitor.i18n.Text;
import org.aimonitor.format.SourceNotes;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Qualifier;
import org.aimonitor.web.Json;

/**
 * Shapes the headline series of one indicator into a chart, honestly:
 * <ul>
 *   <li>when every period is a year, one bar per year on a year axis with gaps kept;</li>
 *   <li>otherwise a time axis in fractional years, flows at the middle of their period and
 *       stocks at its end; part-year figures of an amount (a quarter's shipments, an official's
 *       "as of" statement) are not annual totals and get their own unjoined series;</li>
 *   <li>forecasts (dashed or outlined) and targets (markers) are never joined to actuals.</li>
 * </ul>
 */
public final class IndicatorChart {

  static final String CHART_ID = "chart-indicator";

  /** Known series breaks (data/README.md, "Known conflicts and series breaks"). */
  private static final Map<String, SeriesBreak> BREAKS = Map.of(
      "ai_core_industry_scale", new SeriesBreak("2023", "2024",
          "Series break between 2023 and 2024: CAICT's >900 bn for 2024 at +24 % implies a 2023 "
              + "base of about 726 bn, against 578.4 bn reported for 2023; the two years are not "
              + "on one basis."),
      "intelligent_computing_power", new SeriesBreak("2024", "2025",
          "Series break: the jump from 90 EFLOPS (end of 2024) to 788 EFLOPS (June 2025) most "
              + "likely reflects a change of precision or definition, not real growth."));

  /** Caveats the chart of an indicator must carry (same source as the breaks). */
  private static final Map<String, String> CAVEATS = Map.of(
      "ai_enterprises", "Counts follow different definitions (CAICT, MIIT, the China Internet "
          + "Development Report, KPMG/ZGC). The June 2023 peak is KPMG/ZGC's 5,734 on a broader "
          + "definition, not a fall afterwards.",
      "ai_core_industry_scale", "2020 is CAICT's estimate of the broader \"AI industry\"; 2017 is "
          + "an iiMedia estimate; \"as of\" statements by officials are part-year figures, not "
          + "annual totals.");

  private record SeriesBreak(String after, String before, String note) {
  }

  private static final Predicate<Observation> ACTUAL = o -> o.qualifier().isActual();
  private static final Predicate<Observation> FORECAST = o -> o.qualifier() == Qualifier.FORECAST;
  private static final Predicate<Observation> TARGET = o -> o.qualifier() == Qualifier.TARGET;

  private final IndicatorData data;
  private final SourceNotes notes;
  private final Indicator indicator;
  private final boolean stock;

  public IndicatorChart(IndicatorData data, SourceNotes notes) {
    this.data = data;
    this.notes = notes;
    this.indicator = data.indicator();
    this.stock = IndicatorCatalog.isStock(indicator);
  }

  /** The chart, or empty when the filter leaves no headline figure to draw. */
  public Optional<ChartView> build() {
    List<Observation> headlines = data.chartSeries();
    if (headlines.isEmpty()) {
      return Optional.empty();
    }
    boolean yearly = headlines.stream().allMatch(o -> o.period().isYear());
    ChartSpec spec = yearly ? yearlyChart(headlines) : timeChart(headlines);
    List<String> chartNotes = new ArrayList<>();
    chartNotes.add(yearly
        ? (stock ? "Each bar is the value at the end of the year." : "Each bar is the total for the year.")
        : stock
            ? "Each figure sits at the end of the period it describes (counts and stocks are "
                + "measured at the close of their period)."
            : "Each figure sits at the middle of the period it covers, so quarters, half-years "
                + "and year-to-date figures appear where they belong in time.");
    chartNotes.add("The chart draws the headline figure of each period (one per period, chosen by "
        + "the dataset's rules); every source's figure is in the table below.");
    if (headlines.stream().anyMatch(o -> !o.qualifier().isActual())) {
      chartNotes.add("Forecasts are drawn dashed or outlined and targets as hollow markers; they "
          + "are never joined to actual figures.");
    }
    if (spec.series().stream().anyMatch(x -> x.label().contains("not joined"))) {
      chartNotes.add("Points are not joined by a line where years are missing or the series "
          + "breaks, so no line suggests values that were never published.");
    }
    SeriesBreak known = BREAKS.get(indicator.code());
    if (known != null && spansBreak(headlines, known)) {
      chartNotes.add(known.note());
    }
    String caveat = CAVEATS.get(indicator.code());
    if (caveat != null) {
      chartNotes.add(caveat);
    }
    return Optional.of(new ChartView(spec, Json.forScript(spec), indicator.unitEn(), chartNotes,
        List.of()));
  }

  private String title() {
    return indicator.nameEn() + ", " + Regions.label(data.chartRegion());
  }

  private List<Axis> axes() {
    return List.of(new Axis("y", indicator.unitEn(), "left", axisUnit()));
  }

  private String axisUnit() {
    return switch (indicator.unit()) {
      case "pct" -> "%";
      case "CNY_bn" -> "¥ bn";
      case "USD_bn" -> "US$ bn";
      default -> "";
    };
  }

  private ChartSpec yearlyChart(List<Observation> headlines) {
    List<String> years = IntStream.rangeClosed(
            headlines.get(0).period().startYear(),
            headlines.get(headlines.size() - 1).period().startYear())
        .mapToObj(Integer::toString).toList();
    Function<Observation, Object> x = o -> o.period().label();
    List<Series> series = nonEmpty(List.of(
        new Series("Actual", "bar", "actual", "y", Palette.BLUE, "rect",
            points(headlines, ACTUAL, x)),
        new Series("Forecast", "bar", "projection", "y", Palette.BLUE, "rect",
            points(headlines, FORECAST, x)),
        new Series("Target", "scatter", "target", "y", Palette.GREY, "rectRot",
            points(headlines, TARGET, x))));
    SeriesBreak known = BREAKS.get(indicator.code());
    List<ChartSpec.Break> breaks = known != null && years.contains(known.after())
        && years.contains(known.before())
        ? List.of(new ChartSpec.Break(known.after(), known.before(), "Series break"))
        : List.of();
    return new ChartSpec(CHART_ID, title(), XAxis.category("Year", years), axes(), series, breaks);
  }

  private ChartSpec timeChart(List<Observation> headlines) {
    Function<Observation, Object> x = stock
        ? o -> o.period().endpoint()
        : o -> o.period().midpoint();
    // Shares, rates and stocks compare across period lengths; amounts over a period do not.
    boolean amountOverPeriod = !stock && !indicator.unit().equals("pct");
    SeriesBreak known = BREAKS.get(indicator.code());
    boolean broken = known != null && spansBreak(headlines, known);
    List<Series> series = new ArrayList<>();
    if (amountOverPeriod) {
      List<Observation> annual = headlines.stream()
          .filter(ACTUAL.and(o -> o.period().isYear())).toList();
      // A line would claim the years between two totals; join them only when none is missing.
      boolean join = !broken && consecutiveYears(annual);
      series.add(new Series(join ? "Annual totals" : "Annual totals (not joined)",
          join ? "line" : "scatter", "actual", "y", Palette.BLUE, "circle",
          points(annual, o -> true, x)));
      series.add(new Series("Part-year figures (not annual totals)", "scatter", "actual", "y",
          Palette.VERMILLION, "triangle",
          points(headlines, ACTUAL.and(o -> !o.period().isYear()), x)));
    } else {
      series.add(new Series(broken ? "Actual (not joined: series break)" : "Actual",
          broken ? "scatter" : "line", "actual", "y", Palette.BLUE, "circle",
          points(headlines, ACTUAL, x)));
    }
    series.add(new Series("Forecast", "line", "projection", "y", Palette.BLUE, "circle",
        points(headlines, FORECAST, x)));
    series.add(new Series("Target", "scatter", "target", "y", Palette.GREY, "rectRot",
        points(headlines, TARGET, x)));
    series = nonEmpty(series);

    double min = headlines.stream().mapToDouble(o -> ((Number) x.apply(o)).doubleValue()).min().orElseThrow();
    double max = headlines.stream().mapToDouble(o -> ((Number) x.apply(o)).doubleValue()).max().orElseThrow();
    XAxis axis;
    if (stock) {
      // Stocks sit at period ends, i.e. on year boundaries: pad so a single point is not on the edge.
      int first = (int) Math.floor(min - 0.25);
      int last = (int) Math.ceil(max + 0.25);
      List<Tick> ticks = IntStream.rangeClosed(first, last)
          .mapToObj(y -> new Tick(y, "Jan " + y)).toList();
      axis = XAxis.years("Date (values at the end of each period)", first, last, ticks);
    } else {
      int first = (int) Math.floor(min);
      int last = Math.max((int) Math.ceil(max), first + 1);
      List<Tick> ticks = IntStream.range(first, last)
          .mapToObj(y -> new Tick(y + 0.5, Integer.toString(y))).toList();
      axis = XAxis.years("Year (each figure at the middle of its period)", first, last, ticks);
    }
    return new ChartSpec(CHART_ID, title(), axis, axes(), series, List.of());
  }

  private static List<Series> nonEmpty(List<Series> series) {
    return series.stream().filter(s -> !s.points().isEmpty()).toList();
  }

  private List<Point> points(List<Observation> observations, Predicate<Observation> which,
      Function<Observation, Object> x) {
    return observations.stream().filter(which)
        .map(o -> new Point(x.apply(o), o.value().doubleValue(),
            IndicatorCatalog.periodLabel(indicator, o), Text.EN.figure(indicator, o),
            o.qualifier().label(), notes.cite(o.source()), o.source()))
        .toList();
  }

  /** True when the periods are whole years with none missing between the first and the last. */
  static boolean consecutiveYears(List<Observation> annual) {
    for (int i = 1; i < annual.size(); i++) {
      if (annual.get(i).period().startYear() != annual.get(i - 1).period().startYear() + 1) {
        return false;
      }
    }
    return true;
  }

  private static boolean spansBreak(List<Observation> headlines, SeriesBreak b) {
    int after = Integer.parseInt(b.after());
    int before = Integer.parseInt(b.before());
    return headlines.stream().anyMatch(o -> o.period().startYear() <= after)
        && headlines.stream().anyMatch(o -> o.period().startYear() >= before);
  }
}
