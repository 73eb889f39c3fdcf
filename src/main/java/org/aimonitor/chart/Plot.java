package org.aimonitor.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Period;
import org.aimonitor.web.SourceNotes;

/**
 * The rules every chart places figures by, in one place: a figure's point (its text, mark and
 * source), when a line may join two figures, and how far a time axis reaches.
 */
public final class Plot {

  /**
   * Years a time axis reaches beyond the last actual figure: enough for the next forecasts and
   * targets, not so far that a far-off one squeezes the actual data into part of the chart.
   */
  public static final int LOOK_AHEAD = 2;

  private Plot() {
  }

  /** A figure as a point at {@code x}: its value in the language's unit, text, mark and source. */
  public static ChartSpec.Point point(Object x, Observation o, Indicator i, String period, Text t,
      SourceNotes notes) {
    return new ChartSpec.Point(x, t.chartValue(i, o.value()), period, t.figure(i, o),
        t.qualifier(o.qualifier()), notes.cite(o.source()), o.source(), o.qualifier().code(),
        o.doubtful(), true);
  }

  /**
   * Whether a line may join {@code before} to {@code after}, the next figure of the same series
   * of indicator {@code i}: never when {@code after} is not comparable with it
   * ({@code break_before}), nor across a missing period. For a stock (a value at a point in
   * time) a period is missing when a whole year lies between the two without a figure; for a
   * rate or share over a period (a % of sales) when a month lies between them that neither
   * covers; for an amount over a period (a year's revenue) unless both cover periods of the
   * same length and {@code after}'s follows {@code before}'s with no month missing, since a
   * part-year total beside a year's would read as a fall.
   */
  public static boolean joins(Observation before, Observation after, Indicator i) {
    if (after.breakBefore()) {
      return false;
    }
    Period a = before.period();
    Period b = after.period();
    if (i.isStock()) {
      return b.endpoint() - a.endpoint() <= 1.0 + 1e-9;
    }
    if (i.unit().equals("pct")) {
      return !b.first().isAfter(a.last().plusMonths(1));
    }
    return a.months() == b.months() && a.last().plusMonths(1).equals(b.first());
  }

  /** A line's points and the breaks it has (figures marked not comparable with the one before). */
  public record Line(List<ChartSpec.Point> points, List<ChartSpec.Break> breaks) {
  }

  /**
   * The figures of one series in order, each point joined to the one before where
   * {@link #joins} allows; where a figure is marked not comparable with the one before, a break
   * between the two (at the category labels, or halfway between them on a time axis).
   */
  public static Line line(List<Observation> figures, Function<Observation, Object> x,
      Function<Observation, String> period, Indicator i, Text t, SourceNotes notes) {
    List<ChartSpec.Point> points = new ArrayList<>();
    List<ChartSpec.Break> breaks = new ArrayList<>();
    Observation previous = null;
    for (Observation o : figures) {
      ChartSpec.Point p = point(x.apply(o), o, i, period.apply(o), t, notes);
      if (previous != null && !joins(previous, o, i)) {
        p = p.unjoined();
        if (o.breakBefore()) {
          Object from = x.apply(previous);
          breaks.add(p.x() instanceof Number n
              ? ChartSpec.Break.at((((Number) from).doubleValue() + n.doubleValue()) / 2,
                  t.t("chart.break-label"))
              : new ChartSpec.Break(from.toString(), p.x().toString(), t.t("chart.break-label")));
        }
      }
      points.add(p);
      previous = o;
    }
    return new Line(points, breaks);
  }

  /**
   * Where a time axis (positions in fractional years) ends: at the end of the calendar year
   * {@link #LOOK_AHEAD} years after the year of the last actual figure, or at the last figure
   * when that is sooner; at the last figure when there is no actual one. A position on a year
   * boundary belongs to the year it closes (a stock at the end of 2025 sits at 2026.0).
   */
  public static double axisEnd(List<Double> actualXs, List<Double> allXs) {
    double last = allXs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    var lastActual = actualXs.stream().mapToDouble(Double::doubleValue).max();
    if (lastActual.isEmpty()) {
      return last;
    }
    double year = Math.ceil(lastActual.getAsDouble() - 1e-9) - 1;
    return Math.min(last, year + LOOK_AHEAD + 1);
  }

  /**
   * The last year of a year axis (categories): {@link #LOOK_AHEAD} years after the last year
   * with an actual figure, or the last year with any figure when that is sooner.
   */
  public static int lastYear(List<Integer> actualYears, List<Integer> allYears) {
    int last = allYears.stream().mapToInt(Integer::intValue).max().orElse(0);
    return actualYears.stream().mapToInt(Integer::intValue).max()
        .stream().map(y -> Math.min(last, y + LOOK_AHEAD)).findFirst().orElse(last);
  }

  /** The figures of a series the axis reaches, and those beyond it (for its edge). */
  public record Split(List<ChartSpec.Point> within, List<ChartSpec.Point> beyond) {
  }

  /** Splits points at {@code end}: at it or before it are drawn, beyond it go to the edge. */
  public static Split split(List<ChartSpec.Point> points, double end) {
    List<ChartSpec.Point> within = new ArrayList<>();
    List<ChartSpec.Point> beyond = new ArrayList<>();
    for (ChartSpec.Point p : points) {
      (position(p) <= end + 1e-9 ? within : beyond).add(p);
    }
    return new Split(within, beyond);
  }

  /** A point's position on a time axis: its x, or the year of a year category. */
  public static double position(ChartSpec.Point p) {
    return p.x() instanceof Number n ? n.doubleValue() : Double.parseDouble(p.x().toString());
  }

  /** The edge annotations of {@code series}' points beyond the axis: period and value. */
  public static List<ChartSpec.Beyond> beyond(ChartSpec.Series series, List<ChartSpec.Point> points,
      Text t) {
    return points.stream().sorted(java.util.Comparator.comparingDouble(Plot::position))
        .map(p -> new ChartSpec.Beyond(
        t.t("chart.beyond", p.period(), p.text()), series.label(), series.axis(), series.color(), series.marker(), p))
        .toList();
  }

  /** The tick format of an indicator's value axis in {@code t}'s language. */
  public static String tickFormat(Indicator i, Text t) {
    String key = "chart.tick." + i.unit();
    return org.aimonitor.i18n.Messages.has(t.lang(), key) ? t.t(key, "{0}") : "{0}";
  }
}
