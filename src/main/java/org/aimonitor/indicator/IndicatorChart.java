package org.aimonitor.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.aimonitor.chart.ChartSpec;
import org.aimonitor.chart.ChartSpec.Axis;
import org.aimonitor.chart.ChartSpec.Series;
import org.aimonitor.chart.ChartSpec.Tick;
import org.aimonitor.chart.ChartSpec.XAxis;
import org.aimonitor.chart.ChartView;
import org.aimonitor.chart.Palette;
import org.aimonitor.chart.Plot;
import org.aimonitor.i18n.Text;
import org.aimonitor.json.Json;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Qualifier;
import org.aimonitor.web.SourceNotes;

/**
 * Shapes the headline series of one indicator into a chart, honestly, from the data alone (its
 * {@code measure}, and each figure's qualifier, {@code break_before} and {@code doubtful}), so
 * an indicator added by an import draws right without a release:
 * <ul>
 *   <li>when every period is a year, one bar per year on a year axis with gaps kept;</li>
 *   <li>otherwise a time axis in fractional years, flows at the middle of their period and
 *       stocks at its end; part-year figures of an amount (a quarter's shipments, an official's
 *       "as of" statement) are not annual totals and get their own unjoined series;</li>
 *   <li>each qualifier drawn in its own mark ({@link org.aimonitor.chart.Mark}); lines never
 *       cross a missing period or a figure marked not comparable with the one before;</li>
 *   <li>the time axis covers the actual figures and a short look-ahead; forecasts and targets
 *       beyond it are written at its edge with their value.</li>
 * </ul>
 */
public final class IndicatorChart {

  static final String CHART_ID = "chart-indicator";

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
    ChartSpec spec = (yearly ? yearlyChart(headlines) : timeChart(headlines))
        .finish(t, notes, t.unit(indicator));
    List<String> chartNotes = new ArrayList<>();
    chartNotes.add(t.t(yearly
        ? (stock ? "indicator.chart.note.yearly-stock" : "indicator.chart.note.yearly-flow")
        : (stock ? "indicator.chart.note.time-stock" : "indicator.chart.note.time-flow")));
    chartNotes.add(t.t("indicator.chart.note.headline"));
    if (headlines.stream().anyMatch(o -> !o.qualifier().isActual())) {
      chartNotes.add(t.t("indicator.chart.note.projections"));
    }
    if (spec.series().stream().filter(s -> s.type().equals("line"))
        .flatMap(s -> s.points().stream().skip(1)).anyMatch(p -> !p.joined())) {
      chartNotes.add(t.t("indicator.chart.note.unjoined"));
    }
    List<String> breaks = filter(headlines, ACTUAL).stream().skip(1).filter(Observation::breakBefore)
        .map(o -> t.period(indicator, o)).toList();
    if (!breaks.isEmpty()) {
      chartNotes.add(t.t("chart.note.breaks", String.join(t.t("list.separator"), breaks)));
    }
    if (headlines.stream().anyMatch(Observation::doubtful)) {
      chartNotes.add(t.t("chart.note.doubtful"));
    }
    if (!spec.beyond().isEmpty()) {
      chartNotes.add(t.t("chart.note.beyond", Plot.LOOK_AHEAD));
    }
    if (data.chartOmitted() > 0) {
      chartNotes.add(t.t("indicator.chart.note.latest", t.count(headlines.size()),
          t.count(data.chartOmitted())));
    }
    return Optional.of(new ChartView(spec, Json.forScript(spec), t.unit(indicator), chartNotes,
        List.of()));
  }

  private String title() {
    return t.t("indicator.chart.title", t.name(indicator), data.names().region(data.chartRegion(), t));
  }

  private Axis axis() {
    return new Axis("y", t.unit(indicator), "left", Plot.tickFormat(indicator, t));
  }

  private String series(String key) {
    return t.t("indicator.series." + key);
  }

  private Plot.Line line(List<Observation> figures, Function<Observation, Object> x) {
    return Plot.line(figures, x, o -> t.period(indicator, o), indicator, t, notes);
  }

  private static List<Observation> filter(List<Observation> list, Predicate<Observation> p) {
    return list.stream().filter(p).toList();
  }

  private ChartSpec yearlyChart(List<Observation> headlines) {
    // Category keys are the bare years, as on the axis; the period in words is on each point.
    Function<Observation, Object> x = o -> Integer.toString(o.period().startYear());
    int end = Plot.lastYear(
        filter(headlines, ACTUAL).stream().map(o -> o.period().startYear()).toList(),
        headlines.stream().map(o -> o.period().startYear()).toList());
    List<String> years = IntStream.rangeClosed(headlines.get(0).period().startYear(), end)
        .mapToObj(Integer::toString).toList();
    Plot.Line actual = line(filter(headlines, ACTUAL), x);
    Assembly a = new Assembly(end);
    a.add(new Series(series("actual"), "bar", "actual", "y", Palette.BLUE, "rect",
        actual.points()));
    a.add(new Series(series("forecast"), "bar", "projection", "y", Palette.BLUE, "rect",
        line(filter(headlines, FORECAST), x).points()));
    a.add(new Series(series("target"), "scatter", "projection", "y", Palette.GREY, "circle",
        line(filter(headlines, TARGET), x).points()));
    return a.spec(XAxis.category(t.t("indicator.chart.x.year"), years), actual.breaks());
  }

  private ChartSpec timeChart(List<Observation> headlines) {
    Function<Observation, Object> x = stock
        ? o -> o.period().endpoint()
        : o -> o.period().midpoint();
    // Shares, rates and stocks compare across period lengths; amounts over a period do not.
    boolean amountOverPeriod = !stock && !indicator.unit().equals("pct");
    List<Observation> actuals = filter(headlines, ACTUAL);
    List<Double> actualXs = actuals.stream().map(o -> ((Number) x.apply(o)).doubleValue()).toList();
    List<Double> allXs = headlines.stream().map(o -> ((Number) x.apply(o)).doubleValue()).toList();
    double end = Plot.axisEnd(actualXs, allXs);
    Assembly a = new Assembly(end);
    List<ChartSpec.Break> breaks = new ArrayList<>();
    if (amountOverPeriod) {
      Plot.Line annual = line(filter(actuals, o -> o.period().isYear()), x);
      breaks.addAll(annual.breaks());
      a.add(new Series(series("annual"), "line", "actual", "y", Palette.BLUE, "circle",
          annual.points()));
      a.add(new Series(series("part-year"), "scatter", "actual", "y", Palette.VERMILLION,
          "triangle", line(filter(actuals, o -> !o.period().isYear()), x).points()));
    } else {
      Plot.Line line = line(actuals, x);
      breaks.addAll(line.breaks());
      a.add(new Series(series("actual"), "line", "actual", "y", Palette.BLUE, "circle",
          line.points()));
    }
    a.add(new Series(series("forecast"), "line", "projection", "y", Palette.BLUE, "circle",
        line(filter(headlines, FORECAST), x).points()));
    a.add(new Series(series("target"), "scatter", "projection", "y", Palette.GREY, "circle",
        line(filter(headlines, TARGET), x).points()));

    double min = allXs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    XAxis axis;
    if (stock) {
      // Stocks sit at period ends, i.e. on year boundaries: pad so a single point is not on the edge.
      int first = (int) Math.floor(min - 0.25);
      int last = (int) Math.ceil(end + 0.25);
      List<Tick> ticks = IntStream.rangeClosed(first, last)
          .mapToObj(y -> new Tick(y, t.t("indicator.chart.tick.january", y))).toList();
      axis = XAxis.years(t.t("indicator.chart.x.stock"), first, last, ticks);
    } else {
      int first = (int) Math.floor(min);
      int last = Math.max((int) Math.ceil(end), first + 1);
      List<Tick> ticks = IntStream.range(first, last)
          .mapToObj(y -> new Tick(y + 0.5, Integer.toString(y))).toList();
      axis = XAxis.years(t.t("indicator.chart.x.flow"), first, last, ticks);
    }
    return a.spec(axis, breaks);
  }

  /** Series cut at the axis' end: what lies beyond goes to the edge, and the axis reaches it. */
  private final class Assembly {
    private final double end;
    private final List<Series> series = new ArrayList<>();
    private final List<ChartSpec.Beyond> beyond = new ArrayList<>();

    Assembly(double end) {
      this.end = end;
    }

    void add(Series s) {
      Plot.Split split = Plot.split(s.points(), end);
      Series drawn = new Series(s.label(), s.type(), s.role(), s.axis(), s.color(), s.marker(),
          split.within());
      if (!drawn.points().isEmpty()) {
        series.add(drawn);
      }
      beyond.addAll(Plot.beyond(s, split.beyond(), t));
    }

    ChartSpec spec(XAxis x, List<ChartSpec.Break> breaks) {
      Axis y = axis();
      for (ChartSpec.Beyond b : beyond) {
        y = y.reaching(b.point().y());
      }
      return new ChartSpec(CHART_ID, title(), x, List.of(y), series, breaks).withBeyond(beyond);
    }
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
}
