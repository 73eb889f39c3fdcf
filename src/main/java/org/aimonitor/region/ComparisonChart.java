package org.aimonitor.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Region;

/**
 * Shapes the places a reader chose into one time chart: a series per place (its own colour and
 * marker shape), its headline figures at the end of their period (stocks) or the middle of it
 * (flows), as the single-place chart places them. Forecasts and targets are a second, open and
 * dashed series per place, never joined to its actual figures. For amounts over a period (a
 * year's revenue), only annual figures are drawn, joined only where no year is missing: a
 * January–September total beside annual totals would read as a fall. Nothing is summed.
 */
public final class ComparisonChart {

  static final String CHART_ID = "chart-comparison";
  /** One marker shape per place, so places differ without colour too. */
  static final List<String> MARKERS = List.of("circle", "triangle", "rect", "rectRot", "star");

  private static final Predicate<Observation> ACTUAL = o -> o.qualifier().isActual();

  private ComparisonChart() {
  }

  /** The chart, or empty when none of the places has a figure to draw. */
  public static Optional<ChartView> build(Comparison c, SourceNotes notes, Text t) {
    Indicator indicator = c.indicator();
    boolean stock = indicator.isStock();
    boolean amountOverPeriod = !stock && !indicator.unit().equals("pct");
    Function<Observation, Object> x = stock ? o -> o.period().endpoint() : o -> o.period().midpoint();
    Predicate<Observation> drawn = amountOverPeriod ? o -> o.period().isYear() : o -> true;
    List<Series> series = new ArrayList<>();
    List<Observation> all = new ArrayList<>();
    boolean unjoined = false;
    long notDrawn = 0;
    for (int i = 0; i < c.places().size(); i++) {
      Region place = c.places().get(i);
      String name = t.zh() ? place.nameZh() : place.nameEn();
      String colour = Palette.all().get(i % Palette.all().size());
      String marker = MARKERS.get(i % MARKERS.size());
      List<Observation> figures = c.series().getOrDefault(place.code(), List.of());
      List<Observation> actual = figures.stream().filter(ACTUAL.and(drawn)).toList();
      List<Observation> projected = figures.stream().filter(ACTUAL.negate().and(drawn)).toList();
      notDrawn += figures.size() - actual.size() - projected.size();
      boolean join = !amountOverPeriod || consecutiveYears(actual);
      unjoined |= !join && actual.size() > 1;
      // Sources are numbered place by place, oldest figure first, as the data table lists them.
      figures.stream().filter(drawn).forEach(o -> notes.cite(o.source()));
      series.add(new Series(join ? name : t.t("places.compare.series.unjoined", name),
          join ? "line" : "scatter", "actual", "y", colour, marker,
          points(actual, x, indicator, notes, t)));
      series.add(new Series(t.t("places.compare.series.projected", name), "scatter", "projection",
          "y", colour, marker, points(projected, x, indicator, notes, t)));
      all.addAll(actual);
      all.addAll(projected);
    }
    series = series.stream().filter(s -> !s.points().isEmpty()).toList();
    if (series.isEmpty()) {
      return Optional.empty();
    }
    double min = all.stream().mapToDouble(o -> ((Number) x.apply(o)).doubleValue()).min().orElseThrow();
    double max = all.stream().mapToDouble(o -> ((Number) x.apply(o)).doubleValue()).max().orElseThrow();
    XAxis axis;
    if (stock) {
      int first = (int) Math.floor(min - 0.25);
      int last = (int) Math.ceil(max + 0.25);
      axis = XAxis.years(t.t("indicator.chart.x.stock"), first, last, IntStream.rangeClosed(first, last)
          .mapToObj(y -> new Tick(y, t.t("indicator.chart.tick.january", y))).toList());
    } else {
      int first = (int) Math.floor(min);
      int last = Math.max((int) Math.ceil(max), first + 1);
      axis = XAxis.years(t.t("indicator.chart.x.flow"), first, last, IntStream.range(first, last)
          .mapToObj(y -> new Tick(y + 0.5, Integer.toString(y))).toList());
    }
    String names = c.places().stream().map(p -> t.zh() ? p.nameZh() : p.nameEn())
        .collect(java.util.stream.Collectors.joining(t.t("list.separator")));
    ChartSpec spec = new ChartSpec(CHART_ID, t.t("places.compare.chart-title", t.name(indicator), names),
        axis, List.of(new Axis("y", t.unit(indicator), "left", indicator.unit().equals("pct") ? "%" : "")),
        series, List.of());
    List<String> chartNotes = new ArrayList<>();
    chartNotes.add(t.t(stock ? "indicator.chart.note.time-stock" : "indicator.chart.note.time-flow"));
    chartNotes.add(t.t("places.compare.note.headline"));
    if (all.stream().anyMatch(ACTUAL.negate())) {
      chartNotes.add(t.t("indicator.chart.note.projections"));
    }
    if (unjoined) {
      chartNotes.add(t.t("indicator.chart.note.unjoined"));
    }
    if (notDrawn > 0) {
      chartNotes.add(t.t("places.compare.note.part-year", t.count(notDrawn)));
    }
    long older = c.omitted().values().stream().mapToLong(Long::longValue).sum();
    if (older > 0) {
      chartNotes.add(t.t("places.compare.note.latest", t.count(Comparison.MAX_POINTS), t.count(older)));
    }
    chartNotes.add(t.t("places.compare.note.definitions"));
    return Optional.of(new ChartView(spec, org.aimonitor.json.Json.forScript(spec),
        t.unit(indicator), chartNotes, List.of()));
  }

  private static List<Point> points(List<Observation> figures, Function<Observation, Object> x,
      Indicator indicator, SourceNotes notes, Text t) {
    return figures.stream()
        .map(o -> new Point(x.apply(o), t.chartValue(indicator, o.value()),
            t.period(indicator, o),
            t.figure(indicator, o), t.qualifier(o.qualifier()), notes.cite(o.source()), o.source()))
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
}
