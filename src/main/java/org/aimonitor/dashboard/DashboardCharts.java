package org.aimonitor.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
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
import org.aimonitor.store.Snapshot;
import org.aimonitor.web.Json;

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
  static final List<String> SEGMENT_LABELS = List.of("Infrastructure", "Models", "Applications");

  private static final Predicate<Observation> YEARLY = o -> o.period().isYear();
  private static final Predicate<Observation> ACTUAL = o -> o.qualifier().isActual();

  private final Snapshot data;
  private final SourceNotes notes;

  public DashboardCharts(Snapshot data, SourceNotes notes) {
    this.data = data;
    this.notes = notes;
  }

  /** Market scale by year: actual bars, projections outlined, plan targets as markers, growth line. */
  public ChartView marketScale() {
    List<Observation> headlines = data.headlines(SCALE, "CN");
    List<Observation> actuals = filter(headlines, YEARLY.and(ACTUAL));
    List<Observation> forecasts = filter(headlines, YEARLY.and(o -> o.qualifier() == Qualifier.FORECAST));
    List<Observation> targets = filter(data.all(SCALE, "CN"),
        YEARLY.and(o -> o.qualifier() == Qualifier.TARGET));
    List<Observation> growth = filter(data.headlines(GROWTH, "CN"), YEARLY.and(ACTUAL));
    List<Observation> statements = filter(headlines, YEARLY.negate());

    List<String> years = yearRange(Stream.of(actuals, forecasts, targets, growth)
        .flatMap(List::stream).toList());
    List<Series> series = List.of(
        new Series("Scale (actual)", "bar", "actual", "y", Palette.BLUE, "rect", yearPoints(actuals)),
        new Series("Scale (forecast)", "bar", "projection", "y", Palette.BLUE, "rect", yearPoints(forecasts)),
        new Series("Policy targets", "scatter", "target", "y", Palette.GREY, "rectRot", yearPoints(targets)),
        new Series("YoY growth", "line", "growth", "y2", Palette.VERMILLION, "circle", yearPoints(growth)));
    List<ChartSpec.Break> breaks = years.contains("2023") && years.contains("2024")
        ? List.of(new ChartSpec.Break("2023", "2024", "Series break"))
        : List.of();
    ChartSpec spec = new ChartSpec("chart-market-scale", "AI core industry scale by year",
        XAxis.category("Year", years),
        List.of(new Axis("y", "billion yuan", "left", "¥ bn"),
            new Axis("y2", "% year on year", "right", "%")),
        series, breaks);
    return view(spec, "billion yuan; growth in % year on year", List.of(
        "Bars are yearly totals; figures stated for a month (officials' running \"as of\" "
            + "statements) are not annual totals and are listed below the table instead.",
        "Series break between 2023 and 2024: CAICT's >900 bn for 2024 at +24 % implies a 2023 "
            + "base of about 726 bn, against 578.4 bn reported for 2023; the two years are not "
            + "on one basis.",
        "2020 is CAICT's estimate of the broader \"AI industry\", not the core industry; 2017 is "
            + "an iiMedia estimate.",
        "Outlined bars are forecasts; markers are policy targets (the 2017 New Generation AI "
            + "Development Plan: 150 bn by 2020, 400 bn by 2025, 1 trillion by 2030)."),
        points(statements, o -> o.period().label()))
        .withLinks(links(SCALE, GROWTH));
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
      points.add(point(SEGMENT_LABELS.get(i), o, o.period().label()));
    }
    ChartSpec spec = new ChartSpec("chart-segment-growth", "Revenue growth by segment, " + year,
        XAxis.category("Segment", SEGMENT_LABELS),
        List.of(new Axis("y", "% year on year", "left", "%")),
        List.of(new Series("Revenue growth " + year, "bar", "actual", "y", Palette.GREEN, "rect", points)),
        List.of());
    return view(spec, "% year on year", List.of(
        "Segments of the AI industrial chain as CAICT defines them: foundational infrastructure, "
            + "model architecture and industry applications. CAICT published growth rates only, "
            + "no yuan values per segment."),
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

  /** Smart-hardware adoption over time, each period at its midpoint, with the AI Plus targets. */
  public ChartView hardwareAdoption() {
    record Line(String code, String name, String color, String marker) {
    }
    List<Line> lines = List.of(
        new Line("ai_phone_share", "AI phones", Palette.BLUE, "circle"),
        new Line("ai_pc_share", "AI PCs", Palette.VERMILLION, "rect"),
        new Line("l2_adas_penetration", "L2 driver assistance (new cars)", Palette.GREEN, "triangle"));
    List<Series> series = new ArrayList<>();
    List<Point> all = new ArrayList<>();
    for (Line line : lines) {
      List<Observation> headlines = data.headlines(line.code(), "CN");
      List<Point> actual = points(filter(headlines, ACTUAL), o -> o.period().midpoint());
      List<Point> forecast = points(filter(headlines, o -> o.qualifier() == Qualifier.FORECAST),
          o -> o.period().midpoint());
      series.add(new Series(line.name(), "line", "actual", "y", line.color(), line.marker(),
          actual));
      series.add(new Series(line.name() + " (forecast)", "line", "projection", "y", line.color(),
          line.marker(), forecast));
      all.addAll(actual);
      all.addAll(forecast);
    }
    List<Point> targets = points(filter(data.headlines("ai_terminal_penetration", "CN"),
        o -> o.qualifier() == Qualifier.TARGET), o -> o.period().midpoint());
    series.add(new Series("AI Plus targets", "scatter", "target", "y", Palette.GREY, "rectRot",
        targets));
    all.addAll(targets);

    int first = (int) Math.floor(xs(all).min().orElse(2020));
    int last = (int) Math.ceil(xs(all).max().orElse(2030));
    List<Tick> ticks = IntStream.range(first, last)
        .mapToObj(y -> new Tick(y + 0.5, Integer.toString(y))).toList();
    ChartSpec spec = new ChartSpec("chart-hardware", "Smart-hardware adoption in China",
        XAxis.years("Year (each figure at the middle of its period)", first, last, ticks),
        List.of(new Axis("y", "% of sales or shipments", "left", "%")),
        series, List.of());
    return view(spec, "% of unit sales or shipments", List.of(
        "Each figure sits at the middle of the period it covers, so quarters and year-to-date "
            + "figures appear where they belong in time. Solid lines are actuals, dashed lines "
            + "forecasts.",
        "AI phones and AI PCs are shares of shipments (AI phones in 2024: a Canalys forecast; no "
            + "actual annual share for 2024 or 2025 was found). The 2027 AI-PC forecast (IDC) uses "
            + "a wider definition than the actuals (Canalys).",
        "L2 driver assistance is the share of new passenger cars sold with L2 combined driver "
            + "assistance; sources differ in definition (MIIT, IDC, industry reports).",
        "AI Plus targets (State Council, Aug 2025): penetration of new-generation intelligent "
            + "terminals and agents above 70 % by 2027 and 90 % by 2030. They are economy-wide "
            + "goals, not targets for any one device."),
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
    for (Line line : List.of(new Line("CN", "China", Palette.BLUE, "circle"),
        new Line("WORLD", "World", Palette.PURPLE, "rect"))) {
      List<Point> pts = points(filter(data.headlines(ENTERPRISES, line.region()), ACTUAL),
          o -> o.period().endpoint());
      series.add(new Series(line.name(), "line", "actual", "y", line.color(), line.marker(), pts));
      all.addAll(pts);
    }
    int first = (int) Math.floor(xs(all).min().orElse(2019));
    int last = (int) Math.ceil(xs(all).max().orElse(2026));
    List<Tick> ticks = IntStream.rangeClosed(first, last)
        .mapToObj(y -> new Tick(y, "Jan " + y)).toList();
    ChartSpec spec = new ChartSpec("chart-enterprises", "AI enterprises, China and world",
        XAxis.years("Date (counts at the end of each period)", first, last, ticks),
        List.of(new Axis("y", "enterprises", "left", "")),
        series, List.of());
    return view(spec, "number of enterprises", List.of(
        "Counts follow different definitions: CAICT, MIIT (core or related enterprises), the "
            + "China Internet Development Report, and KPMG/ZGC (broader). The June 2023 peak is "
            + "KPMG/ZGC's 5,734 on the broader definition, not a fall afterwards.",
        "\"Over\" figures are lower bounds. World totals come from the same CAICT or KPMG/ZGC "
            + "releases as the China figures."),
        List.of())
        .withLinks(links(ENTERPRISES));
  }

  /** Links to the indicator pages with the full series behind a chart. */
  private List<ChartView.Link> links(String... codes) {
    return java.util.Arrays.stream(codes)
        .filter(data.indicators()::containsKey)
        .map(code -> new ChartView.Link("/indicators/" + code, data.indicator(code).nameEn()))
        .toList();
  }

  private ChartView view(ChartSpec spec, String unit, List<String> chartNotes, List<Point> statements) {
    return new ChartView(spec, Json.forScript(spec), unit, chartNotes, statements);
  }

  private List<Point> yearPoints(List<Observation> observations) {
    return points(observations, o -> o.period().label());
  }

  private List<Point> points(List<Observation> observations,
      java.util.function.Function<Observation, Object> x) {
    return observations.stream().map(o -> point(x.apply(o), o, label(o))).toList();
  }

  private String label(Observation o) {
    return periodLabel(data.indicator(o.indicator()), o);
  }

  /** Stocks are read at the end of their period, flows over it. */
  static String periodLabel(Indicator indicator, Observation o) {
    return indicator.category().equals("enterprises") ? o.period().endLabel() : o.period().label();
  }

  private Point point(Object x, Observation o, String period) {
    return new Point(x, o.value().doubleValue(), period,
        Text.EN.figure(data.indicator(o.indicator()), o), o.qualifier().label(),
        notes.cite(o.source()), o.source());
  }

  /** The positions of points on a year axis. */
  private static java.util.stream.DoubleStream xs(List<Point> points) {
    return points.stream().mapToDouble(p -> ((Number) p.x()).doubleValue());
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
