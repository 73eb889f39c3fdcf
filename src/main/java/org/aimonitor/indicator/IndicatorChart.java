package org.aimonitor.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.aimonitor.chart.ChartSpec.Axis;
import org.aimonitor.chart.ChartSpec.Point;
import org.aimonitor.chart.ChartSpec.Series;
import org.aimonitor.chart.ChartSpec.Tick;
import org.aimonitor.chart.ChartSpec.XAxis;
import org.aimonitor.chart.ChartSpec;
import org.aimonitor.chart.ChartView;
import org.aimonitor.chart.Palette;
import org.aimonitor.web.SourceNotes;
import org.aimonitor.i18n.Text;
import org.aimonitor.json.Json;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Qualifier;

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

  /**
   * Known series breaks (data/README.md, "Known conflicts and series breaks"); the note is the
   * bundle's {@code indicator.chart.break.<code>}.
   */
  private static final Map<String, SeriesBreak> BREAKS = Map.of(
      "ai_core_industry_scale", new SeriesBreak("2023", "2024"),
      "intelligent_computing_power", new SeriesBreak("2024", "2025"));

  /**
   * Indicators whose chart must carry a caveat (same source as the breaks): the bundle's
   * {@code indicator.chart.caveat.<code>}.
   */
  private static final Set<String> CAVEATS = Set.of("ai_enterprises", "ai_core_industry_scale");

  private record SeriesBreak(String after, String before) {
  }

  /** A spec and whether any drawn series leaves its points unjoined (the note says why). */
  private record Shape(ChartSpec spec, boolean unjoined) {
  }

  private static final Predicate<Observation> ACTUAL = o -> o.qualifier().isActual();
  private static final Predicate<Observation> FORECAST = o -> o.qualifier() == Qualifier.FORECAST;
  private static final Predicate<Observation> TARGET = o -> o.qualifier() == Qualifier.TARGET;

  private final IndicatorData data;
  private final SourceNotes notes;
  private final Text t;
  private final Indicator indicator;
  private final boolean stock;

  /** The chart in {@code t}'s language: words, periods, figures and values in its units. */
  public IndicatorChart(IndicatorData data, SourceNotes notes, Text t) {
    this.data = data;
    this.notes = notes;
    this.t = t;
    this.indicator = data.indicator();
    this.stock = indicator.isStock();
  }

  /** The chart, or empty when the filter leaves no headline figure to draw. */
  public Optional<ChartView> build() {
    List<Observation> headlines = data.chartSeries();
    if (headlines.isEmpty()) {
      return Optional.empty();
    }
    boolean yearly = headlines.stream().allMatch(o -> o.period().isYear());
    Shape shape = yearly ? yearlyChart(headlines) : timeChart(headlines);
    List<String> chartNotes = new ArrayList<>();
    chartNotes.add(t.t(yearly
        ? (stock ? "indicator.chart.note.yearly-stock" : "indicator.chart.note.yearly-flow")
        : (stock ? "indicator.chart.note.time-stock" : "indicator.chart.note.time-flow")));
    chartNotes.add(t.t("indicator.chart.note.headline"));
    if (headlines.stream().anyMatch(o -> !o.qualifier().isActual())) {
      chartNotes.add(t.t("indicator.chart.note.projections"));
    }
    if (shape.unjoined()) {
      chartNotes.add(t.t("indicator.chart.note.unjoined"));
    }
    SeriesBreak known = BREAKS.get(indicator.code());
    if (known != null && spansBreak(headlines, known)) {
      chartNotes.add(t.t("indicator.chart.break." + indicator.code()));
    }
    if (data.chartOmitted() > 0) {
      chartNotes.add(t.t("indicator.chart.note.latest", t.count(headlines.size()),
          t.count(data.chartOmitted())));
    }
    if (CAVEATS.contains(indicator.code())) {
      chartNotes.add(t.t("indicator.chart.caveat." + indicator.code()));
    }
    ChartSpec spec = shape.spec();
    return Optional.of(new ChartView(spec, Json.forScript(spec), t.unit(indicator), chartNotes,
        List.of()));
  }

  private String title() {
    return t.t("indicator.chart.title", t.name(indicator), data.names().region(data.chartRegion(), t));
  }

  private List<Axis> axes() {
    return List.of(new Axis("y", t.unit(indicator), "left", axisUnit()));
  }

  /** The unit charts.js may append to tick labels (it does so for "%" only). */
  private String axisUnit() {
    return switch (indicator.unit()) {
      case "pct", "CNY_bn", "USD_bn" -> t.t("indicator.chart.axis-unit." + indicator.unit());
      default -> "";
    };
  }

  private String series(String key) {
    return t.t("indicator.series." + key);
  }

  private Shape yearlyChart(List<Observation> headlines) {
    List<String> years = IntStream.rangeClosed(
            headlines.get(0).period().startYear(),
            headlines.get(headlines.size() - 1).period().startYear())
        .mapToObj(Integer::toString).toList();
    // Category keys are the bare years, as on the axis; the period in words is on each point.
    Function<Observation, Object> x = o -> Integer.toString(o.period().startYear());
    List<Series> series = nonEmpty(List.of(
        new Series(series("actual"), "bar", "actual", "y", Palette.BLUE, "rect",
            points(headlines, ACTUAL, x)),
        new Series(series("forecast"), "bar", "projection", "y", Palette.BLUE, "rect",
            points(headlines, FORECAST, x)),
        new Series(series("target"), "scatter", "target", "y", Palette.GREY, "rectRot",
            points(headlines, TARGET, x))));
    SeriesBreak known = BREAKS.get(indicator.code());
    List<ChartSpec.Break> breaks = known != null && years.contains(known.after())
        && years.contains(known.before())
        ? List.of(new ChartSpec.Break(known.after(), known.before(), t.t("indicator.chart.break-label")))
        : List.of();
    return new Shape(new ChartSpec(CHART_ID, title(),
        XAxis.category(t.t("indicator.chart.x.year"), years), axes(), series, breaks), false);
  }

  private Shape timeChart(List<Observation> headlines) {
    Function<Observation, Object> x = stock
        ? o -> o.period().endpoint()
        : o -> o.period().midpoint();
    // Shares, rates and stocks compare across period lengths; amounts over a period do not.
    boolean amountOverPeriod = !stock && !indicator.unit().equals("pct");
    SeriesBreak known = BREAKS.get(indicator.code());
    boolean broken = known != null && spansBreak(headlines, known);
    List<Series> series = new ArrayList<>();
    boolean unjoined;
    if (amountOverPeriod) {
      List<Observation> annual = headlines.stream()
          .filter(ACTUAL.and(o -> o.period().isYear())).toList();
      // A line would claim the years between two totals; join them only when none is missing.
      boolean join = !broken && consecutiveYears(annual);
      unjoined = !join && !annual.isEmpty();
      series.add(new Series(series(join ? "annual" : "annual-unjoined"),
          join ? "line" : "scatter", "actual", "y", Palette.BLUE, "circle",
          points(annual, o -> true, x)));
      series.add(new Series(series("part-year"), "scatter", "actual", "y",
          Palette.VERMILLION, "triangle",
          points(headlines, ACTUAL.and(o -> !o.period().isYear()), x)));
    } else {
      unjoined = broken && headlines.stream().anyMatch(ACTUAL);
      series.add(new Series(series(broken ? "actual-break" : "actual"),
          broken ? "scatter" : "line", "actual", "y", Palette.BLUE, "circle",
          points(headlines, ACTUAL, x)));
    }
    series.add(new Series(series("forecast"), "line", "projection", "y", Palette.BLUE, "circle",
        points(headlines, FORECAST, x)));
    series.add(new Series(series("target"), "scatter", "target", "y", Palette.GREY, "rectRot",
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
          .mapToObj(y -> new Tick(y, t.t("indicator.chart.tick.january", y))).toList();
      axis = XAxis.years(t.t("indicator.chart.x.stock"), first, last, ticks);
    } else {
      int first = (int) Math.floor(min);
      int last = Math.max((int) Math.ceil(max), first + 1);
      List<Tick> ticks = IntStream.range(first, last)
          .mapToObj(y -> new Tick(y + 0.5, Integer.toString(y))).toList();
      axis = XAxis.years(t.t("indicator.chart.x.flow"), first, last, ticks);
    }
    return new Shape(new ChartSpec(CHART_ID, title(), axis, axes(), series, List.of()), unjoined);
  }

  private static List<Series> nonEmpty(List<Series> series) {
    return series.stream().filter(s -> !s.points().isEmpty()).toList();
  }

  private List<Point> points(List<Observation> observations, Predicate<Observation> which,
      Function<Observation, Object> x) {
    return observations.stream().filter(which)
        .map(o -> new Point(x.apply(o), t.chartValue(indicator, o.value()),
            t.period(indicator, o), t.figure(indicator, o),
            t.qualifier(o.qualifier()), notes.cite(o.source()), o.source()))
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
