package org.aimonitor.region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.aimonitor.chart.ChartSpec.Axis;
import org.aimonitor.chart.ChartSpec.Point;
import org.aimonitor.chart.ChartSpec.Series;
import org.aimonitor.chart.ChartSpec.XAxis;
import org.aimonitor.chart.ChartSpec;
import org.aimonitor.chart.ChartView;
import org.aimonitor.chart.Palette;
import org.aimonitor.chart.Plot;
import org.aimonitor.web.SourceNotes;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Qualifier;

/**
 * Shapes a ranking into horizontal bars, one place per row, the largest stated value at the
 * top: at most {@link #MAX_BARS} rows (the full ranking is a paged table). Figures stated as
 * they are (reported, approximate, derived) are solid bars; lower bounds are open bars, since
 * the true value lies beyond them. Forecasts and targets never reach this chart: the page lists
 * them apart. Nothing is summed; the national figure is not drawn beside its parts.
 */
public final class RankingChart {

  static final String CHART_ID = "chart-ranking";
  /** Rows the chart draws at most; beyond them the table and the full ranking go on. */
  public static final int MAX_BARS = 25;

  private static final Predicate<Ranking.Ranked> BOUND =
      r -> r.figure().qualifier() == Qualifier.LOWER_BOUND;

  private RankingChart() {
  }

  /** The chart of the first {@link #MAX_BARS} ranked places, or empty when none is ranked. */
  public static Optional<ChartView> build(Ranking ranking, SourceNotes notes, Text t) {
    List<Ranking.Ranked> bars = ranking.ranked().subList(0,
        Math.min(MAX_BARS, ranking.ranked().size()));
    if (bars.isEmpty()) {
      return Optional.empty();
    }
    Indicator indicator = ranking.indicator();
    // Sources are numbered in rank order, as the table beside the chart lists them.
    bars.forEach(b -> notes.cite(b.figure().source()));
    Map<Ranking.Ranked, String> labels = labels(bars, t);
    List<String> categories = bars.stream().map(labels::get).toList();
    // One series: each bar's qualifier is its mark (hatched for a lower bound, lighter for an
    // approximation, "?" for a doubtful figure), as on every chart; the key says how to read them.
    List<Series> series = List.of(new Series(t.t("places.ranking.series.stated"), "bar", "actual",
        "y", Palette.BLUE, "rect", points(bars, r -> true, labels, indicator, notes, t)));
    String period = RankingView.periodLabel(t, indicator, ranking.period());
    ChartSpec spec = new ChartSpec(CHART_ID,
        t.t("places.ranking.chart-title", t.name(indicator), period),
        XAxis.category(t.t("places.ranking.x"), categories),
        List.of(new Axis("y", t.unit(indicator), "left", Plot.tickFormat(indicator, t))),
        series, List.of()).horizontal().finish(t, notes, t.unit(indicator));
    List<String> chartNotes = new ArrayList<>();
    chartNotes.add(t.t("places.ranking.note.period", period));
    if (bars.stream().anyMatch(BOUND)) {
      chartNotes.add(t.t("places.ranking.note.bound"));
    }
    if (bars.stream().anyMatch(b -> b.figure().doubtful())) {
      chartNotes.add(t.t("chart.note.doubtful"));
    }
    chartNotes.add(t.t("places.ranking.note.definitions"));
    if (ranking.total() > bars.size()) {
      chartNotes.add(t.t("places.ranking.note.top", t.count(bars.size()), t.count(ranking.total())));
    }
    return Optional.of(new ChartView(spec, org.aimonitor.json.Json.forScript(spec),
        t.unit(indicator), chartNotes, List.of()));
  }

  /**
   * Each bar's row label: the place's name, with its code where two places on the chart share
   * a name (a category axis must not hold the same label twice).
   */
  private static Map<Ranking.Ranked, String> labels(List<Ranking.Ranked> bars, Text t) {
    Map<String, Integer> uses = new HashMap<>();
    bars.forEach(b -> uses.merge(name(b, t), 1, Integer::sum));
    Map<Ranking.Ranked, String> labels = new HashMap<>();
    bars.forEach(b -> labels.put(b, uses.get(name(b, t)) > 1
        ? t.t("places.name-with-code", name(b, t), b.place().code()) : name(b, t)));
    return labels;
  }

  private static String name(Ranking.Ranked r, Text t) {
    return t.zh() ? r.place().nameZh() : r.place().nameEn();
  }

  private static List<Point> points(List<Ranking.Ranked> bars, Predicate<Ranking.Ranked> which,
      Map<Ranking.Ranked, String> labels, Indicator indicator, SourceNotes notes, Text t) {
    return bars.stream().filter(which)
        .map(r -> Plot.point(labels.get(r), r.figure(), indicator,
            t.t("places.ranking.point", labels.get(r), t.period(indicator, r.figure())), t, notes))
        .toList();
  }
}
