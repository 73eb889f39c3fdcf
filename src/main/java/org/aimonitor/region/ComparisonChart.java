package org.aimonitor.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.aimonitor.chart.ChartSpec.Axis;
import org.aimonitor.chart.ChartSpec.Series;
import org.aimonitor.chart.ChartSpec.Tick;
import org.aimonitor.chart.ChartSpec.XAxis;
import org.aimonitor.chart.ChartSpec;
import org.aimonitor.chart.ChartView;
import org.aimonitor.chart.Palette;
import org.aimonitor.chart.Plot;
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
  /**
   * One marker shape per place, so places differ without colour too. Every shape is one that
   * fills (Chart.js draws "star" as lines, never filled), and none is a qualifier's mark:
   * qualifiers are told by fill, sign and goal line ({@link org.aimonitor.chart.Mark}).
   */
  static final List<String> MARKERS = List.of("circle", "triangle", "rect", "rectRot", "rectRounded");

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
    List<ChartSpec.Break> breaks = new ArrayList<>();
    List<Double> actualXs = new ArrayList<>();
    List<Double> allXs = new ArrayList<>();
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
      // Sources are numbered place by place, oldest figure first, as the data table lists them.
      figures.stream().filter(drawn).forEach(o -> notes.cite(o.source()));
      Plot.Line line = Plot.line(actual, x, o -> t.period(indicator, o), indicator, t, notes);
      breaks.addAll(line.breaks());
      series.add(new Series(name, "line", "actual", "y", colour, marker, line.points()));
      series.add(new Series(t.t("places.compare.series.projected", name), "scatter", "projection",
          "y", colour, marker,
          Plot.line(projected, x, o -> t.period(indicator, o), indicator, t, notes).points()));
      actual.forEach(o -> actualXs.add(((Number) x.apply(o)).doubleValue()));
      figures.stream().filter(drawn).forEach(o -> allXs.add(((Number) x.apply(o)).doubleValue()));
    }
    if (allXs.isEmpty()) {
      return Optional.empty();
    }
    double end = Plot.axisEnd(actualXs, allXs);
    List<Series> within = new ArrayList<>();
    List<ChartSpec.Beyond> beyond = new ArrayList<>();
    Axis y = new Axis("y", t.unit(indicator), "left", Plot.tickFormat(indicator, t));
    for (Series s : series) {
      Plot.Split split = Plot.split(s.points(), end);
      if (!split.within().isEmpty()) {
        within.add(new Series(s.label(), s.type(), s.role(), s.axis(), s.color(), s.marker(),
            split.within()));
      }
      for (ChartSpec.Beyond b : Plot.beyond(s, split.beyond(), t)) {
        beyond.add(b);
        y = y.reaching(b.point().y());
      }
    }
    double min = allXs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    XAxis axis;
    if (stock) {
      int first = (int) Math.floor(min - 0.25);
      int last = (int) Math.ceil(end + 0.25);
      axis = XAxis.years(t.t("indicator.chart.x.stock"), first, last, IntStream.rangeClosed(first, last)
          .mapToObj(v -> new Tick(v, t.t("indicator.chart.tick.january", v))).toList());
    } else {
      int first = (int) Math.floor(min);
      int last = Math.max((int) Math.ceil(end), first + 1);
      axis = XAxis.years(t.t("indicator.chart.x.flow"), first, last, IntStream.range(first, last)
          .mapToObj(v -> new Tick(v + 0.5, Integer.toString(v))).toList());
    }
    String names = c.places().stream().map(p -> t.zh() ? p.nameZh() : p.nameEn())
        .collect(java.util.stream.Collectors.joining(t.t("list.separator")));
    ChartSpec spec = new ChartSpec(CHART_ID, t.t("places.compare.chart-title", t.name(indicator), names),
        // A break is one place's: no vertical line across every place's series; its line just
        // stops, and the note names the place and period.
        axis, List.of(y), within, List.of()).withBeyond(beyond).finish(t, notes, t.unit(indicator));
    List<Observation> all = c.places().stream()
        .flatMap(p -> c.series().getOrDefault(p.code(), List.<Observation>of()).stream())
        .filter(drawn).toList();
    List<String> chartNotes = new ArrayList<>();
    chartNotes.add(t.t(stock ? "indicator.chart.note.time-stock" : "indicator.chart.note.time-flow"));
    chartNotes.add(t.t("places.compare.note.headline"));
    if (all.stream().anyMatch(ACTUAL.negate())) {
      chartNotes.add(t.t("indicator.chart.note.projections"));
    }
    if (within.stream().filter(s -> s.type().equals("line"))
        .anyMatch(s -> s.points().stream().skip(1).anyMatch(p -> !p.joined()))) {
      chartNotes.add(t.t("indicator.chart.note.unjoined"));
    }
    if (!breaks.isEmpty()) {
      chartNotes.add(t.t("chart.note.breaks", all.stream().filter(ACTUAL.and(Observation::breakBefore))
          .map(o -> name(c, o.region(), t) + " " + t.period(indicator, o))
          .collect(java.util.stream.Collectors.joining(t.t("list.separator")))));
    }
    if (all.stream().anyMatch(Observation::doubtful)) {
      chartNotes.add(t.t("chart.note.doubtful"));
    }
    if (!beyond.isEmpty()) {
      chartNotes.add(t.t("chart.note.beyond", Plot.LOOK_AHEAD));
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

  private static String name(Comparison c, String code, Text t) {
    return c.places().stream().filter(p -> p.code().equals(code)).findFirst()
        .map(p -> t.zh() ? p.nameZh() : p.nameEn()).orElse(code);
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
