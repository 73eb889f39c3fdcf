package org.aimonitor.store;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * All data at one data version, read in one transaction so a page never mixes two imports.
 * The dataset is small (hundreds of rows), so pages shape it in memory.
 */
public record Snapshot(
    long dataVersion,
    Map<String, Indicator> indicators,
    Map<String, Source> sources,
    List<Observation> observations,
    List<Event> events) {

  public static Snapshot load(Database db) {
    return db.jdbi().inTransaction(handle -> {
      DataStore store = handle.attach(DataStore.class);
      return new Snapshot(
          store.dataVersion(),
          store.indicators().stream().collect(Collectors.toMap(Indicator::code, Function.identity(),
              (a, b) -> a, java.util.LinkedHashMap::new)),
          store.sources().stream().collect(Collectors.toMap(Source::id, Function.identity(),
              (a, b) -> a, java.util.LinkedHashMap::new)),
          store.observations(),
          store.events());
    });
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
