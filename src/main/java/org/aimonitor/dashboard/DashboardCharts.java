package org.aimonitor.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.aimonitor.chart.ChartSpec.Axis;
import org.aimonitor.chart.ChartSpec.Point;
import org.aimonitor.chart.ChartSpec.Series;
import org.aimonitor.chart.ChartSpec.Tick;
import org.aimonitor.chart.ChartSpec.XAxis;
import org.aimonitor.chart.ChartSpec;
import org.aimonitor.chart.ChartView;
import org.aimonitor.chart.Palette;
import org.aimonitor.chart.Plot;
import org.aimonitor.web.SourceNotes;
import org.aimonitor.i18n.Text;
import org.aimonitor.json.Json;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Qualifier;
import org.aimonitor.store.ViewRows;

/**
 * Shapes the overview's charts from a snapshot: which observations are drawn, where they sit in
 * time, and how each is labelled. All choices about honesty (yearly bars only for yearly
 * periods, projections apart from actuals) are made here, where they are unit-tested.
 */
public final class DashboardCharts {

  static final String SCALE = "ai_core_industry_scale";
  static final String GROWTH = "ai_core_industry_growth";
  static final String ENTERPRISES = "ai_enterprises";
  static final List<String> SEGMENTS = List.of(
      "segment_growth_infrastructure", "segment_growth_models", "segment_growth_applications");
  /** The segments' names in the bundles ({@code overview.segment.*}), in {@link #SEGMENTS} order. */
  static final List<String> SEGMENT_KEYS = List.of(
      "overview.segment.infrastructure", "overview.segment.models", "overview.segment.applications");

  private static final Predicate<Observation> YEARLY = o -> o.period().isYear();
  private static final Predicate<Observation> ACTUAL = o -> o.qualifier().isActual();

  /** Statements (part-year "as of" figures) the scale chart's table lists: the latest ones. */
  static final int STATEMENTS = 12;

  private final ViewRows data;
  private final SourceNotes notes;
  private final Text t;
  private final DashboardData.Window window;

  /** Charts in the language of {@code t}: words from the bundles, values in its units. */
  public DashboardCharts(ViewRows data, SourceNotes notes, Text t) {
    this(data, notes, t, DashboardData.Window.ALL);
  }

  /** Charts of the years in {@code window}, saying so where a series goes back further. */
  public DashboardCharts(ViewRows data, SourceNotes notes, Text t, DashboardData.Window window) {
    this.data = data;
    this.notes = notes;
    this.t = t;
    this.window = window;
  }

  /** The segments' names in this language, in {@link #SEGMENTS} order. */
  List<String> segmentLabels() {
    return SEGMENT_KEYS.stream().map(k -> t.t(k)).toList();
  }

  /**
   * Market scale by year: actual bars, projections open, plan targets as goal markers, growth
   * line; the year axis covers the actual figures and a short look-ahead, and targets or
   * forecasts beyond it are written at its edge.
   */
  public ChartView marketScale() {
    List<Observation> headlines = data.headlines(SCALE, "CN");
    List<Observation> actuals = filter(headlines, YEARLY.and(ACTUAL));
    List<Observation> forecasts = filter(headlines, YEARLY.and(o -> o.qualifier() == Qualifier.FORECAST));
    List<Observation> targets = filter(data.all(SCALE, "CN"),
        YEARLY.and(o -> o.qualifier() == Qualifier.TARGET));
    List<Observation> growth = filter(data.headlines(GROWTH, "CN"), YEARLY.and(ACTUAL));
    List<Observation> allStatements = filter(headlines, YEARLY.negate());
    List<Observation> statements = allStatements.subList(
        Math.max(0, allStatements.size() - STATEMENTS), allStatements.size());

    List<Observation> all = Stream.of(actuals, forecasts, targets, growth)
        .flatMap(List::stream).toList();
    int end = Plot.lastYear(
        Stream.concat(actuals.stream(), growth.stream()).map(o -> o.period().startYear()).toList(),
        all.stream().map(o -> o.period().startYear()).toList());
    List<String> years = yearRange(all.stream().filter(o -> o.period().startYear() <= end).toList());
    Plot.Line scale = yearLine(actuals);
    Plot.Line growthLine = yearLine(growth);
    Edge edge = new Edge(end);
    edge.add(new Series(t.t("overview.chart.scale.actual"), "bar", "actual", "y", Palette.BLUE, "rect",
        scale.points()));
    edge.add(new Series(t.t("overview.chart.scale.forecast"), "bar", "projection", "y", Palette.BLUE,
        "rect", yearLine(forecasts).points()));
    edge.add(new Series(t.t("overview.chart.scale.targets"), "scatter", "projection", "y",
        Palette.GREY, "circle", yearLine(targets).points()));
    edge.add(new Series(t.t("overview.chart.scale.growth"), "line", "growth", "y2",
        Palette.VERMILLION, "triangle", growthLine.points()));
    List<ChartSpec.Break> breaks = new ArrayList<>(scale.breaks());
    growthLine.breaks().stream().filter(b -> !breaks.contains(b)).forEach(breaks::add);
    // The category labels are bare years in both languages (the axis title says "Year"/"年份");
    // points are placed by them, so they are positions, not words.
    ChartSpec spec = edge.spec("chart-market-scale", t.t("overview.chart.scale.title"),
        XAxis.category(t.t("overview.chart.scale.x"), years),
        List.of(new Axis("y", t.t("overview.chart.scale.y"), "left", t.t("overview.chart.scale.y.tick", "{0}")),
            new Axis("y2", t.t("overview.chart.scale.y2"), "right", t.t("chart.tick.pct", "{0}"))),
        breaks, t.t("overview.chart.scale.unit"));
    List<String> chartNotes = notes("overview.chart.scale.note.", 4, SCALE, GROWTH);
    if (allStatements.size() > statements.size()) {
      chartNotes.add(t.t("overview.chart.scale.statements-latest", statements.size(),
          allStatements.size()));
    }
    return view(spec, t.t("overview.chart.scale.unit"), chartNotes,
        points(statements, o -> o.period().label()))
        .withLinks(links(SCALE, GROWTH));
  }

  /** Yearly figures as points on the year categories, joined and broken by the data's rules. */
  private Plot.Line yearLine(List<Observation> figures) {
    return figures.isEmpty() ? new Plot.Line(List.of(), List.of())
        : Plot.line(figures, o -> o.period().label(), this::label,
            data.indicator(figures.get(0).indicator()), t, notes);
  }

  /** A figure at time {@code x}, joined and broken by the data's rules. */
  private Plot.Line timeLine(List<Observation> figures, java.util.function.Function<Observation, Object> x) {
    return figures.isEmpty() ? new Plot.Line(List.of(), List.of())
        : Plot.line(figures, x, this::label, data.indicator(figures.get(0).indicator()), t, notes);
  }

  /**
   * Series cut at the end of the time axis: what lies beyond is written at its edge, and the
   * value axis reaches its height.
   */
  private final class Edge {
    private final double end;
    private final List<Series> series = new ArrayList<>();
    private final List<ChartSpec.Beyond> beyond = new ArrayList<>();

    Edge(double end) {
      this.end = end;
    }

    void add(Series s) {
      Plot.Split split = Plot.split(s.points(), end);
      series.add(new Series(s.label(), s.type(), s.role(), s.axis(), s.color(), s.marker(),
          split.within()));
      beyond.addAll(Plot.beyond(s, split.beyond(), t));
    }

    ChartSpec spec(String id, String title, XAxis x, List<Axis> axes, List<ChartSpec.Break> breaks,
        String unit) {
      List<Axis> reaching = axes.stream().map(a -> {
        Axis r = a;
        for (ChartSpec.Beyond b : beyond) {
          if (b.axis().equals(a.id())) {
            r = r.reaching(b.point().y());
          }
        }
        return r;
      }).toList();
      return new ChartSpec(id, title, x, reaching,
          series.stream().filter(s -> !s.points().isEmpty()).toList(), breaks)
          .withBeyond(beyond).finish(t, notes, unit);
    }
  }

  /** Segment growth in the latest year that all three segments report. */
  public ChartView segmentGrowth() {
    int year = latestCommonYear();
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < SEGMENTS.size(); i++) {
      String code = SEGMENTS.get(i);
      Observation o = data.headlines(code, "CN").stream()
          .filter(x -> x.period().isYear() && x.period().startYear() == year)
          .findFirst().orElseThrow();
      points.add(point(segmentLabels().get(i), o, t.period(o.period())));
    }
    ChartSpec spec = new ChartSpec("chart-segment-growth", t.t("overview.chart.segments.title", year),
        XAxis.category(t.t("overview.chart.segments.x"), segmentLabels()),
        List.of(new Axis("y", t.t("overview.chart.segments.y"), "left", t.t("chart.tick.pct", "{0}"))),
        List.of(new Series(t.t("overview.chart.segments.series", year), "bar", "actual", "y",
            Palette.GREEN, "rect", points)),
        List.of()).finish(t, notes, t.t("overview.chart.segments.unit"));
    return view(spec, t.t("overview.chart.segments.unit"),
        notes("overview.chart.segments.note.", 1, SEGMENTS.toArray(String[]::new)),
        List.of())
        .withLinks(links(SEGMENTS.toArray(String[]::new)));
  }

  int latestCommonYear() {
    return SEGMENTS.stream()
        .map(code -> data.headlines(code, "CN").stream().filter(YEARLY.and(ACTUAL))
            .map(o -> o.period().startYear()).collect(java.util.stream.Collectors.toSet()))
        .reduce((a, b) -> {
          a.retainAll(b);
          return a;
        })
        .flatMap(years -> years.stream().max(Integer::compare))
        .orElseThrow(() -> new IllegalStateException("no year with all three segments"));
  }

  /**
   * Smart-hardware adoption over time, each period at its midpoint, with the AI Plus targets;
   * the axis covers the actual figures and a short look-ahead, later targets at its edge.
   */
  public ChartView hardwareAdoption() {
    record Line(String code, String name, String color, String marker) {
    }
    List<Line> lines = List.of(
        new Line("ai_phone_share", t.t("overview.chart.hardware.phones"), Palette.BLUE, "circle"),
        new Line("ai_pc_share", t.t("overview.chart.hardware.pcs"), Palette.VERMILLION, "rect"),
        new Line("l2_adas_penetration", t.t("overview.chart.hardware.l2"), Palette.GREEN, "triangle"));
    java.util.function.Function<Observation, Object> mid = o -> o.period().midpoint();
    List<Series> series = new ArrayList<>();
    List<Double> actualXs = new ArrayList<>();
    List<Double> allXs = new ArrayList<>();
    for (Line line : lines) {
      List<Observation> headlines = data.headlines(line.code(), "CN");
      Plot.Line actual = timeLine(filter(headlines, ACTUAL), mid);
      List<Point> forecast = timeLine(filter(headlines, o -> o.qualifier() == Qualifier.FORECAST), mid)
          .points();
      series.add(new Series(line.name(), "line", "actual", "y", line.color(), line.marker(),
          actual.points()));
      series.add(new Series(t.t("overview.chart.hardware.forecast", line.name()), "line",
          "projection", "y", line.color(), line.marker(), forecast));
      xs(actual.points()).forEach(x -> {
        actualXs.add(x);
        allXs.add(x);
      });
      xs(forecast).forEach(allXs::add);
    }
    List<Point> targets = timeLine(filter(data.headlines("ai_terminal_penetration", "CN"),
        o -> o.qualifier() == Qualifier.TARGET), mid).points();
    series.add(new Series(t.t("overview.chart.hardware.targets"), "scatter", "projection", "y",
        Palette.GREY, "rectRot", targets));
    xs(targets).forEach(allXs::add);

    double end = Plot.axisEnd(actualXs, allXs);
    Edge edge = new Edge(end);
    series.forEach(edge::add);
    int first = (int) Math.floor(allXs.stream().mapToDouble(Double::doubleValue).min().orElse(2020));
    int last = Math.max((int) Math.ceil(end), first + 1);
    List<Tick> ticks = IntStream.range(first, last)
        .mapToObj(y -> new Tick(y + 0.5, t.t("overview.tick.year", y))).toList();
    ChartSpec spec = edge.spec("chart-hardware", t.t("overview.chart.hardware.title"),
        XAxis.years(t.t("overview.chart.hardware.x"), first, last, ticks),
        List.of(new Axis("y", t.t("overview.chart.hardware.y"), "left", t.t("chart.tick.pct", "{0}"))),
        List.of(), t.t("overview.chart.hardware.unit"));
    return view(spec, t.t("overview.chart.hardware.unit"),
        notes("overview.chart.hardware.note.", 4, "ai_phone_share", "ai_pc_share",
            "l2_adas_penetration", "ai_terminal_penetration"),
        List.of())
        .withLinks(links("ai_phone_share", "ai_pc_share", "l2_adas_penetration",
            "ai_terminal_penetration"));
  }

  /** AI enterprises over time (stock at the end of each period), China and the world. */
  public ChartView enterprises() {
    List<Series> series = new ArrayList<>();
    List<Point> all = new ArrayList<>();
    record Line(String region, String name, String color, String marker) {
    }
    for (Line line : List.of(
        new Line("CN", t.t("overview.chart.enterprises.china"), Palette.BLUE, "circle"),
        new Line("WORLD", t.t("overview.chart.enterprises.world"), Palette.PURPLE, "rect"))) {
      Plot.Line pts = timeLine(filter(data.headlines(ENTERPRISES, line.region()), ACTUAL),
          o -> o.period().endpoint());
      series.add(new Series(line.name(), "line", "actual", "y", line.color(), line.marker(),
          pts.points()));
      all.addAll(pts.points());
    }
    int first = (int) Math.floor(xs(all).min().orElse(2019));
    int last = (int) Math.ceil(xs(all).max().orElse(2026));
    List<Tick> ticks = IntStream.rangeClosed(first, last)
        .mapToObj(y -> new Tick(y, t.t("overview.tick.january", y))).toList();
    ChartSpec spec = new ChartSpec("chart-enterprises", t.t("overview.chart.enterprises.title"),
        XAxis.years(t.t("overview.chart.enterprises.x"), first, last, ticks),
        // China's count breaks (June 2023, a broader definition); the world's does not: its line
        // stops there rather than a vertical line across both.
        List.of(new Axis("y", t.t("overview.chart.enterprises.y"), "left", "{0}")),
        series, List.of()).finish(t, notes, t.t("overview.chart.enterprises.unit"));
    return view(spec, t.t("overview.chart.enterprises.unit"),
        notes("overview.chart.enterprises.note.", 2, ENTERPRISES), List.of())
        .withLinks(links(ENTERPRISES));
  }

  /** Links to the indicator pages with the full series behind a chart. */
  private List<ChartView.Link> links(String... codes) {
    return java.util.Arrays.stream(codes)
        .filter(data.indicators()::containsKey)
        .map(code -> new ChartView.Link("/indicators/" + code, t.name(data.indicator(code))))
        .toList();
  }

  /** A chart's notes: the bundle's {@code prefix1} to {@code prefixN}. */
  private List<String> notes(String prefix, int count) {
    return IntStream.rangeClosed(1, count).mapToObj(n -> t.t(prefix + n)).toList();
  }

  private ChartView view(ChartSpec spec, String unit, List<String> chartNotes, List<Point> statements) {
    return new ChartView(spec, Json.forScript(spec), unit, chartNotes, statements);
  }

  /**
   * The chart's notes, and one more when any of its series has figures before the window:
   * those are on the indicator pages, and the chart says so rather than hide them.
   */
  private List<String> notes(String prefix, int count, String... indicators) {
    List<String> all = new ArrayList<>(notes(prefix, count));
    if (java.util.Arrays.stream(indicators).anyMatch(window.older()::contains)) {
      all.add(t.t("overview.chart.window", window.since()));
    }
    return all;
  }

  private List<Point> points(List<Observation> observations,
      java.util.function.Function<Observation, Object> x) {
    return observations.stream().map(o -> point(x.apply(o), o, label(o))).toList();
  }

  /** Stocks are read at the end of their period, flows over it (as on the indicator pages). */
  private String label(Observation o) {
    return t.period(data.indicator(o.indicator()), o);
  }

  /** A point: {@code y} in this language's unit, so chart, table and text agree. */
  private Point point(Object x, Observation o, String period) {
    return Plot.point(x, o, data.indicator(o.indicator()), period, t, notes);
  }

  /** The positions of points on a year axis. */
  private static java.util.stream.DoubleStream xs(List<Point> points) {
    return points.stream().mapToDouble(Plot::position);
  }

  private static List<Observation> filter(List<Observation> list, Predicate<Observation> p) {
    return list.stream().filter(p).toList();
  }

  /** Every year from the first to the last, so gaps in the data show as gaps on the axis. */
  static List<String> yearRange(List<Observation> observations) {
    IntSummary s = new IntSummary();
    observations.forEach(o -> s.add(o.period().startYear()));
    return s.count == 0 ? List.of()
        : IntStream.rangeClosed(s.min, s.max).mapToObj(Integer::toString).toList();
  }

  private static final class IntSummary {
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    int count;

    void add(int v) {
      min = Math.min(min, v);
      max = Math.max(max, v);
      count++;
    }
  }
}
