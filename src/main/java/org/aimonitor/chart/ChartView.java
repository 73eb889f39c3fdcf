package org.aimonitor.chart;

import org.aimonitor.i18n.Text;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A chart as a page shows it: the spec (drawn by charts.js and tabulated by the template),
 * its JSON for the page, the unit in words, notes on the data, and figures that belong with it
 * but are not drawn (point-in-time statements that are not annual totals), and links to the
 * pages of the indicators it draws (the first one is the title's link).
 */
public record ChartView(ChartSpec spec, String json, String unit, List<String> notes,
    List<ChartSpec.Point> statements, List<Link> links) {

  /** A link from the chart to a page with the full series. */
  public record Link(String href, String label) {
  }

  public ChartView(ChartSpec spec, String json, String unit, List<String> notes,
      List<ChartSpec.Point> statements) {
    this(spec, json, unit, notes, statements, List.of());
  }

  public ChartView withLinks(List<Link> newLinks) {
    return new ChartView(spec, json, unit, notes, statements, List.copyOf(newLinks));
  }

  /** What the canvas shows, for screen readers: title, unit, the series, where the numbers are. */
  public String ariaLabel(Text t) {
    String series = spec.series().stream()
        .filter(s -> !s.points().isEmpty())
        .map(ChartSpec.Series::label)
        .collect(Collectors.joining(t.t("list.separator")));
    return t.t("chart.aria", spec.title(), unit, series);
  }

  /**
   * The note numbers of all sources behind the chart's figures, in citation order: the drawn
   * points, those written at the edge of the axis, and the statements listed with them, so that a printout without the data table still
   * points to every source it lists.
   */
  public List<Integer> sourceNos() {
    return Stream.of(spec.series().stream().flatMap(s -> s.points().stream()),
            spec.beyond().stream().map(ChartSpec.Beyond::point), statements.stream())
        .flatMap(s -> s)
        .map(ChartSpec.Point::sourceNo)
        .distinct()
        .sorted()
        .toList();
  }
}
