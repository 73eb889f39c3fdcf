package org.aimonitor.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Everything charts.js needs to draw one chart, decided in Java: axes, series with their style
 * role, and points that already carry their display text. The page's data table is rendered
 * from the same spec, so chart and table cannot disagree.
 *
 * @param id        the canvas id
 * @param title     shown above the chart and used as its accessible name
 * @param x         the horizontal axis
 * @param axes      value axes ({@code y}, and {@code y2} for a second unit)
 * @param series    what is drawn, in legend order
 * @param breaks    vertical markers between two category labels (e.g. a series break)
 * @param indexAxis {@code "y"} for horizontal bars (the categories down the side, values along
 *                  the bottom, as a ranking reads), {@code null} for the usual upright chart
 */
public record ChartSpec(
    String id,
    String title,
    XAxis x,
    List<Axis> axes,
    List<Series> series,
    List<Break> breaks,
    @JsonInclude(JsonInclude.Include.NON_NULL) String indexAxis) {

  /** An upright chart: categories or years along the bottom. */
  public ChartSpec(String id, String title, XAxis x, List<Axis> axes, List<Series> series,
      List<Break> breaks) {
    this(id, title, x, axes, series, breaks, null);
  }

  /** The same chart with its categories down the side (horizontal bars). */
  public ChartSpec horizontal() {
    return new ChartSpec(id, title, x, axes, series, breaks, "y");
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

  /** A value axis; {@code unit} is appended to tick labels, {@code title} names the unit in full. */
  public record Axis(String id, String title, String position, String unit) {
  }

  /**
   * One drawn series. {@code type} is the Chart.js element type (bar, line, scatter);
   * {@code role} selects the style: actual (solid), projection (outlined or dashed),
   * target (markers only), bound (an open bar: a lower bound, the true value lies beyond it) or
   * growth (a line on the second axis). {@code marker} is the Chart.js
   * point style, so that series differ in shape as well as colour; the role also sets the dash
   * and fill (see {@link #dash()}, {@link #hollow()}), so no two series of a chart look alike
   * without colour.
   */
  public record Series(String label, String type, String role, String axis, String color,
      String marker, List<Point> points) {

    /** Line dash in CSS pixels, empty for solid: projections are dashed. */
    @JsonProperty
    public List<Integer> dash() {
      return role.equals("projection") ? List.of(6, 4) : List.of();
    }

    /**
     * Whether markers (and bars) are drawn open: projections and targets are, and lower bounds,
     * whose bar only says how far the value at least reaches.
     */
    @JsonProperty
    public boolean hollow() {
      return role.equals("projection") || role.equals("target") || role.equals("bound");
    }

    /** The series colour on the dark theme. */
    @JsonProperty
    public String darkColor() {
      return Palette.onDark(color);
    }
  }

  /**
   * One point: {@code x} is a category label or a fractional year, {@code y} the value in the
   * axis unit; {@code text} is the figure as the page writes it, with qualifier and period.
   */
  public record Point(Object x, double y, String period, String text, String qualifier,
      int sourceNo, String sourceId) {
  }

  /** A dashed vertical line between two category labels, with a short label. */
  public record Break(String after, String before, String label) {
  }
}
