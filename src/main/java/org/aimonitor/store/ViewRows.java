package org.aimonitor.store;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rows one view read, keyed for its shaping code: the indicators, sources, figures and
 * events it shows and the figures' histories. Read in one transaction, so a page never mixes
 * two imports, and never the whole database: only what the view asked for (its series, its
 * page of figures, the sources those cite). The shaping code works on it in memory.
 */
public record ViewRows(
    long dataVersion,
    Map<String, Indicator> indicators,
    Map<String, Source> sources,
    List<Observation> observations,
    List<Event> events,
    Map<String, History> histories) {

  /** Rows without recorded histories (synthetic data in tests). */
  public ViewRows(long dataVersion, Map<String, Indicator> indicators, Map<String, Source> sources,
      List<Observation> observations, List<Event> events) {
    this(dataVersion, indicators, sources, observations, events, Map.of());
  }

  /** The rows one view read, keyed by indicator code and source id. */
  public static ViewRows of(long dataVersion, List<Indicator> indicators, List<Source> sources,
      List<Observation> observations, List<Event> events, Map<String, History> histories) {
    return new ViewRows(dataVersion,
        indicators.stream().collect(Collectors.toMap(Indicator::code, Function.identity(),
            (a, b) -> a, java.util.LinkedHashMap::new)),
        sources.stream().collect(Collectors.toMap(Source::id, Function.identity(),
            (a, b) -> a, java.util.LinkedHashMap::new)),
        observations, events, histories);
  }

  /** The recorded history of an observation ({@link History#UNKNOWN} when none is recorded). */
  public History history(Observation o) {
    return histories.getOrDefault(History.key(o), History.UNKNOWN);
  }

  public Indicator indicator(String code) {
    Indicator i = indicators.get(code);
    if (i == null) {
      throw new NoSuchElementException("no indicator " + code);
    }
    return i;
  }

  public Source source(String id) {
    Source s = sources.get(id);
    if (s == null) {
      throw new NoSuchElementException("no source " + id);
    }
    return s;
  }

  /** Every observation of an indicator in a region, oldest period first. */
  public List<Observation> all(String indicator, String region) {
    return observations.stream()
        .filter(o -> o.indicator().equals(indicator) && o.region().equals(region))
        .sorted(Comparator.comparing(Observation::period))
        .toList();
  }

  /** The headline series of an indicator in a region, oldest period first. */
  public List<Observation> headlines(String indicator, String region) {
    return all(indicator, region).stream().filter(Observation::headline).toList();
  }
}
