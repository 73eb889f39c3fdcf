package org.aimonitor.region;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aimonitor.store.DataStore;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Region;
import org.jdbi.v3.core.Handle;

/**
 * The places a reader chose ({@code region=CN-BJ,CN-SH,…}, two to five) over time: each one's
 * headline figures of one indicator within the years asked for, oldest first, its latest
 * {@link #MAX_POINTS} at most. One query per place through {@code observation_headline_series}
 * (the store's read of a place's latest headlines, which the indicator chart reads too).
 *
 * @param places  the places, in the order asked for
 * @param series  each place's headline figures by code, oldest first
 * @param omitted each place's headline figures older than its first drawn, by code
 */
public record Comparison(Indicator indicator, Filter filter, List<Region> places,
    Map<String, List<Observation>> series, Map<String, Long> omitted) {

  /** Periods drawn per place at most, the latest; from/to reach the earlier ones. */
  public static final int MAX_POINTS = 100;

  /** The headline series of each of {@code places}, in the handle's transaction. */
  public static Comparison read(Handle h, Indicator indicator, Filter filter, List<Region> places) {
    DataStore store = h.attach(DataStore.class);
    Map<String, List<Observation>> series = new LinkedHashMap<>();
    Map<String, Long> omitted = new LinkedHashMap<>();
    for (Region place : places) {
      Filter inPlace = filter.withRegion(place.code());
      List<Observation> newestFirst = store.latestHeadlines(indicator.code(), inPlace,
          MAX_POINTS + 1);
      long older = 0;
      if (newestFirst.size() > MAX_POINTS) {
        older = store.headlineCount(indicator.code(), inPlace) - MAX_POINTS;
        newestFirst = newestFirst.subList(0, MAX_POINTS);
      }
      List<Observation> oldestFirst = new ArrayList<>(newestFirst);
      Collections.reverse(oldestFirst);
      series.put(place.code(), List.copyOf(oldestFirst));
      omitted.put(place.code(), older);
    }
    return new Comparison(indicator, filter, List.copyOf(places), series, omitted);
  }

  /** Every figure of the comparison. */
  public List<Observation> all() {
    return series.values().stream().flatMap(List::stream).toList();
  }
}
