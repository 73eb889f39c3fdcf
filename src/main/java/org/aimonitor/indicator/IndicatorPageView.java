package org.aimonitor.indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aimonitor.chart.ChartView;
import org.aimonitor.i18n.Text;
import org.aimonitor.format.SourceNotes;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Source;

/**
 * The page of one indicator: chart of the headline series, definition, every source's figure
 * per region and period, how to cite it, and links to the same data as CSV and JSON.
 *
 * @param chart      the chart, or {@code null} when the filter leaves nothing to draw
 * @param groups     one group per (region, period): the headline figure first, then the others
 * @param regionLinks "All regions" and each region with figures, the current one marked
 * @param citation   the "How to cite" line
 */
public record IndicatorPageView(
    Indicator indicator,
    String categoryLabel,
    String stockOrFlow,
    Filter filter,
    String filterLabel,
    List<RegionLink> regionLinks,
    List<RegionLink> regionOptions,
    ChartView chart,
    List<Group> groups,
    int figureCount,
    String citation,
    String permalink,
    String csvUrl,
    String jsonUrl,
    String apiUrl,
    List<SourceNotes.Note> sources,
    long dataVersion) {

  /** A region choice: its code ("" for all), label, link, and whether it is the current one. */
  public record RegionLink(String code, String label, String href, boolean current) {
  }

  /** All figures for one region and period. */
  public record Group(String region, String regionLabel, String period, String periodLabel,
      List<Row> rows) {

    /** How many rows the region and period cells span. */
    public int size() {
      return rows.size();
    }
  }

  /** One source's figure, as the table shows it. */
  public record Row(String figure, String qualifier, String qualifierCode, boolean headline,
      String note, int sourceNo, Source source, String history) {
  }

  /** Category names as headings ("scale" → "Industry scale"). */
  static final Map<String, String> CATEGORY_LABELS = Map.of(
      "scale", "Industry scale",
      "enterprises", "Enterprises",
      "segments", "Industry segments",
      "hardware", "Smart hardware",
      "adoption", "Adoption",
      "compute", "Computing power",
      "global", "Global comparisons");

  public static String categoryLabel(String category) {
    return CATEGORY_LABELS.getOrDefault(category, category);
  }

  /**
   * Builds the page. {@code baseUrl} is the site's origin as the client reached it (for the
   * citation's link); {@code today} is the access date the citation names.
   */
  public static IndicatorPageView build(IndicatorData data, String baseUrl, LocalDate today) {
    Indicator indicator = data.indicator();
    SourceNotes notes = new SourceNotes(data.snapshot().sources());
    ChartView chart = new IndicatorChart(data, notes).build().orElse(null);

    Map<String, List<Row>> grouped = new LinkedHashMap<>();
    Map<String, Observation> firstOfGroup = new LinkedHashMap<>();
    for (Observation o : data.observations()) {
      String key = o.region() + "|" + o.period().code();
      firstOfGroup.putIfAbsent(key, o);
      grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(new Row(
          Text.EN.figure(indicator, o), o.qualifier().label(), o.qualifier().code(), o.headline(),
          o.note(), notes.cite(o.source()), data.snapshot().source(o.source()),
          Text.EN.history(indicator, o, data.snapshot().history(o))));
    }
    List<Group> groups = new ArrayList<>();
    grouped.forEach((key, rows) -> {
      Observation first = firstOfGroup.get(key);
      groups.add(new Group(first.region(), Regions.label(first.region()), first.period().code(),
          IndicatorCatalog.periodLabel(indicator, first), rows));
    });

    String path = "/indicators/" + indicator.code();
    Filter filter = data.filter();
    List<RegionLink> regionLinks = new ArrayList<>();
    regionLinks.add(new RegionLink("", "All regions", path + filter.withRegion(null).query(),
        filter.region() == null));
    for (String r : data.regions()) {
      regionLinks.add(new RegionLink(r, Regions.label(r), path + filter.withRegion(r).query(),
          r.equals(filter.region())));
    }
    List<RegionLink> regionOptions = new ArrayList<>(regionLinks);
    if (filter.region() != null && !data.regions().contains(filter.region())) {
      regionOptions.add(new RegionLink(filter.region(), Regions.label(filter.region()),
          path + filter.query(), true));
    }

    String permalink = baseUrl + path + filter.query();
    List<String> publishers = data.observations().stream()
        .map(o -> data.snapshot().source(o.source()).publisher())
        .distinct()
        .toList();
    String citation = "AI Industry Monitor, \"" + indicator.nameEn() + "\" (" + indicator.code()
        + (filter.isEmpty() ? "" : "; " + filter.describe()) + "), data version "
        + data.snapshot().dataVersion() + ", accessed " + today + ", " + permalink
        + (publishers.isEmpty() ? "." : "; figures from " + String.join("; ", publishers) + ".");

    return new IndicatorPageView(indicator, categoryLabel(indicator.category()),
        IndicatorCatalog.isStock(indicator)
            ? "A stock: each value is the level at the end of its period."
            : "A flow or rate: each value covers its whole period.",
        filter, filter.describe(), regionLinks, regionOptions, chart, groups,
        data.observations().size(), citation, permalink,
        path + ".csv" + filter.query(), path + ".json" + filter.query(),
        "/api/v1/indicators/" + indicator.code() + filter.query(),
        notes.notes(), data.snapshot().dataVersion());
  }
}
