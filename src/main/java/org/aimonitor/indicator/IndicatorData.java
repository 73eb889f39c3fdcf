package org.aimonitor.indicator;

import java.util.Comparator;
import java.util.List;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Snapshot;
import org.aimonitor.web.HttpProblem;

/**
 * One indicator under one filter: the observations the page, its CSV and its JSON all show, so
 * the three cannot disagree.
 *
 * @param regions      regions with any figure for the indicator, in vocabulary order
 * @param chartRegion  the region the chart draws: the filtered one, else China, else the first
 *                     region with data; {@code null} when the indicator has no figures at all
 * @param observations the filtered figures, by region, period, headline first
 */
public record IndicatorData(
    Snapshot snapshot,
    Indicator indicator,
    Filter filter,
    List<String> regions,
    String chartRegion,
    List<Observation> observations) {

  /** Observations in page order: region as in the vocabulary, oldest period first, headline first. */
  static final Comparator<Observation> PAGE_ORDER = Comparator
      .comparingInt((Observation o) -> Regions.order(o.region()))
      .thenComparing(Observation::region)
      .thenComparing(Observation::period)
      .thenComparing(o -> !o.headline());

  /** @throws HttpProblem 404, said in {@code t}'s language, when there is no indicator {@code code} */
  public static IndicatorData load(Snapshot snapshot, String code, Filter filter, Text t) {
    Indicator indicator = snapshot.indicators().get(code);
    if (indicator == null) {
      throw HttpProblem.said(404, t.t("indicator.error.not-found.title"),
          t.t("indicator.error.not-found", code));
    }
    List<Observation> all = snapshot.observations().stream()
        .filter(o -> o.indicator().equals(code))
        .sorted(PAGE_ORDER)
        .toList();
    List<String> regions = all.stream().map(Observation::region).distinct().toList();
    String chartRegion = filter.region() != null ? filter.region()
        : regions.contains("CN") ? "CN"
        : regions.isEmpty() ? null : regions.get(0);
    return new IndicatorData(snapshot, indicator, filter, regions, chartRegion,
        all.stream().filter(filter::includes).toList());
  }

  /** The headline series the chart draws: chart region, within the years asked for. */
  public List<Observation> chartSeries() {
    return observations.stream()
        .filter(o -> o.headline() && o.region().equals(chartRegion))
        .sorted(Comparator.comparing(Observation::period))
        .toList();
  }
}
