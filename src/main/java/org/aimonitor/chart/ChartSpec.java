package org.aimonitor.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Qualifier;
import org.aimonitor.web.SourceNotes;

/**
 * Everything charts.js needs to draw one chart, decided in Java: axes with their tick format,
 * series with their style role, points that already carry their display text, their qualifier's
 * mark ({@link Mark}) and whether a line may join them to the point before, figures beyond the
 * time axis, the key that says how to read the marks, and the publishers the image names. The
 * page's data table is rendered from the same spec, so chart and table cannot disagree.
 *
 * @param id         the canvas id
 * @param title      shown above the chart and used as its accessible name
 * @param unit       the unit as the line under the title says it ("Unit: billion yuan"), for the PNG
 * @param x          the horizontal axis
 * @param axes       value axes ({@code y}, and {@code y2} for a second unit)
 * @param series     what is drawn, in legend order
 * @param breaks     vertical markers where a series breaks (between two categories, or at a
 *                   position of a time axis)
 * @param beyond     figures too far ahead for the axis: written at its edge with their value
 * @param key        how to read the marks this chart uses, in the page's language
 * @param publishers who published the figures drawn, for the image's footer
 * @param grouping   whether tick numbers group their digits (English 1,200; Chinese 1200)
 * @param indexAxis  {@code "y"} for horizontal bars (the categories down the side, values along
 *                   the bottom, as a ranking reads), {@code null} for the usual upright chart
 */
public record ChartSpec(
    String id,
    String title,
    String unit,
    XAxis x,
    List<Axis> axes,
    List<Series> series,
    List<Break> breaks,
    List<Beyond> beyond,
    List<KeyEntry> key,
    List<String> publishers,
    boolean grouping,
    @JsonInclude(JsonInclude.Include.NON_NULL) String indexAxis) {

  /** An upright chart: categories or years along the bottom, not yet given its key. */
  public ChartSpec(String id, String title, XAxis x, List<Axis> axes, List<Series> series,
      List<Break> breaks) {
    this(id, title, "", x, axes, series, breaks, List.of(), List.of(), List.of(), true, null);
  }

  /** The same chart with its categories down the side (horizontal bars). */
  public ChartSpec horizontal() {
    return new ChartSpec(id, title, unit, x, axes, series, breaks, beyond, key, publishers,
        grouping, "y");
  }

  /** The same chart with these figures written at the edge of its time axis, earliest first. */
  public ChartSpec withBeyond(List<Beyond> edge) {
    List<Beyond> sorted = edge.stream()
        .sorted(java.util.Comparator.comparingDouble(b -> Plot.position(b.point()))).toList();
    return new ChartSpec(id, title, unit, x, axes, series, breaks, sorted, key,
        publishers, grouping, indexAxis);
  }

  /**
   * The chart as a page shows it in {@code t}'s language: its unit, its key (one entry per mark
   * its points use, the doubtful sign, breaks and figures beyond the axis when it has them), the
   * publishers of its figures in citation order, and the digit grouping of the language.
   */
  public ChartSpec finish(Text t, SourceNotes notes, String unitWords) {
    return new ChartSpec(id, title, t.t("chart.unit", unitWords), x, axes, series, breaks, beyond,
        keyFor(t), publishersOf(notes), !t.zh(), indexAxis);
  }

  private Stream<Point> allPoints() {
    return Stream.concat(series.stream().flatMap(s -> s.points().stream()),
        beyond.stream().map(Beyond::point));
  }

  private List<KeyEntry> keyFor(Text t) {
    Set<String> used = new LinkedHashSet<>();
    allPoints().map(Point::mark).forEach(used::add);
    List<KeyEntry> entries = new ArrayList<>();
    for (Mark m : Mark.values()) {
      if (used.contains(m.code())) {
        entries.add(KeyEntry.of(m, t.t("chart.key." + m.code())));
      }
    }
    if (allPoints().anyMatch(Point::doubtful)) {
      entries.add(new KeyEntry("doubtful", "none", Mark.DOUBTFUL_GLYPH, false, false,
          t.t("chart.key.doubtful")));
    }
    if (!breaks.isEmpty()) {
      entries.add(new KeyEntry("break", "none", "", true, false, t.t("chart.key.break")));
    }
    if (series.stream().filter(s -> s.type().equals("line"))
        .anyMatch(s -> s.points().stream().skip(1).anyMatch(p -> !p.joined()))) {
      entries.add(new KeyEntry("unjoined", "none", "", false, false, t.t("chart.key.unjoined")));
    }
    if (!beyond.isEmpty()) {
      entries.add(new KeyEntry("beyond", "none", Mark.BEYOND_GLYPH, false, false,
          t.t("chart.key.beyond")));
    }
    return entries;
  }

  private List<String> publishersOf(SourceNotes notes) {
    return allPoints().map(Point::sourceId).filter(Objects::nonNull).distinct()
        .sorted(java.util.Comparator.comparingInt(notes::cite))
        .map(id -> notes.source(id).publisher()).distinct().toList();
  }

  /**
   * The horizontal axis: {@code category} with labels, or {@code linear} over fractional years
   * with explicit tick positions and labels (so quarters and year-to-date spans sit where they
   * belong in time instead of on fake annual slots).
   */
  public record XAxis(String type, String title, List<String> labels, Double min, Double max,
      List<Tick> ticks) {

    public static XAxis category(String title, List<String> labels) {
      return new XAxis("category", title, labels, null, null, List.of());
    }

    public static XAxis years(String title, double min, double max, List<Tick> ticks) {
      return new XAxis("linear", title, List.of(), min, max, ticks);
    }
  }

  public record Tick(double value, String label) {
  }

  /**
   * A value axis. {@code format} writes a tick's number with its unit ({@code "¥{0} bn"},
   * {@code "{0} %"}, {@code "{0}"} where the title names the unit); {@code max}, when set, is
   * the least top the axis must reach (a figure beyond the time axis is drawn at its height).
   */
  public record Axis(String id, String title, String position, String format,
      @JsonInclude(JsonInclude.Include.NON_NULL) Double max) {

    public Axis(String id, String title, String position, String format) {
      this(id, title, position, format, null);
    }

    public Axis reaching(double value) {
      return new Axis(id, title, position, format, max == null ? value : Math.max(max, value));
    }
  }

  /**
   * One drawn series: one thing (a place, a product, the actual or the projected figures of a
   * series). {@code type} is the Chart.js element type (bar, line, scatter); {@code color} and
   * {@code marker} (the Chart.js point style) are the series' identity and never stand for a
   * qualifier: each point's qualifier is its {@link Point#mark()}. {@code role} says what the
   * series holds: actual, projection (forecasts and targets, never joined to actuals) or growth
   * (a line on the second axis).
   */
  public record Series(String label, String type, String role, String axis, String color,
      String marker, List<Point> points) {

    /** Line dash in CSS pixels, empty for solid: lines of projections are dashed. */
    @JsonProperty
    public List<Integer> dash() {
      return role.equals("projection") ? Mark.FORECAST.dash() : List.of();
    }

    /** Whether the series' legend swatch is open: projections are (as their marks are). */
    @JsonProperty
    public boolean hollow() {
      return role.equals("projection");
    }

    /** The series colour on the dark theme. */
    @JsonProperty
    public String darkColor() {
      return Palette.onDark(color);
    }
  }

  /**
   * One point: {@code x} is a category label or a fractional year, {@code y} the value in the
   * axis unit; {@code text} is the figure as the page writes it, with qualifier and period;
   * {@code mark} the qualifier's code (its look is {@link Mark}); {@code doubtful} whether its
   * note calls it doubtful; {@code joined} whether a line may run to it from the point before
   * (false after a missing period or where the figure is not comparable with the one before).
   */
  public record Point(Object x, double y, String period, String text, String qualifier,
      int sourceNo, String sourceId, String mark, boolean doubtful, boolean joined) {

    /** A reported figure, joined to the point before. */
    public Point(Object x, double y, String period, String text, String qualifier, int sourceNo,
        String sourceId) {
      this(x, y, period, text, qualifier, sourceNo, sourceId, Qualifier.REPORTED.code(), false, true);
    }

    /** The same point, not joined to the one before it. */
    public Point unjoined() {
      return new Point(x, y, period, text, qualifier, sourceNo, sourceId, mark, doubtful, false);
    }
  }

  /**
   * A dashed vertical line where a series breaks, with a short label: between two category
   * labels ({@code after}, {@code before}) or at position {@code at} of a time axis.
   */
  public record Break(String after, String before,
      @JsonInclude(JsonInclude.Include.NON_NULL) Double at, String label) {

    public Break(String after, String before, String label) {
      this(after, before, null, label);
    }

    public static Break at(double x, String label) {
      return new Break(null, null, x, label);
    }
  }

  /**
   * A figure beyond the end of the time axis (a far-off forecast or target): drawn at the axis'
   * edge at its height, in its series' colour and its mark, with {@code label} (period and
   * value) beside it; the table lists it with the others.
   */
  public record Beyond(String label, String series, String axis, String color, String marker,
      Point point) {
  }

  /**
   * One line of the key: how a mark looks ({@code fill}: solid, tint, hatch, dots, open or
   * none; a glyph written by the point; a dashed line; a goal line through the marker) and what
   * it means.
   */
  public record KeyEntry(String kind, String fill, String glyph, boolean dashed, boolean goal,
      String label) {

    static KeyEntry of(Mark m, String label) {
      return new KeyEntry(m.code(), m.fill(), m.glyph(), m.dashed(), m.goal(), label);
    }
  }
}
