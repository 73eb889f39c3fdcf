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
    List<Event> events,
    Map<String, History> histories) {

  /** A snapshot without recorded histories (synthetic data in tests). */
  public Snapshot(long dataVersion, Map<String, Indicator> indicators, Map<String, Source> sources,
      List<Observation> observations, List<Event> events) {
    this(dataVersion, indicators, sources, observations, events, Map.of());
  }

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
          store.events(),
          histories(handle));
    });
  }

  /** The history of every observation: its recorded time and its replaced states, newest first. */
  private static Map<String, History> histories(org.jdbi.v3.core.Handle handle) {
    Map<String, java.util.List<History.Revision>> previous = new java.util.HashMap<>();
    handle.createQuery("""
        SELECT row_key, old_values, old_recorded_at, old_import_id, replaced_at, import_id
        FROM revision WHERE table_name = 'observation' ORDER BY id DESC
        """).map((rs, ctx) -> {
          var key = org.aimonitor.web.Json.readMap(rs.getString("row_key"));
          var old = org.aimonitor.web.Json.readMap(rs.getString("old_values"));
          long oldImport = rs.getLong("old_import_id");
          Long oldImportId = rs.wasNull() ? null : oldImport;
          return Map.entry(History.key(key.get("indicator"), key.get("region"), key.get("period"),
              key.get("source")), new History.Revision(old.get("value"), old.get("qualifier"),
              "1".equals(old.get("headline")), old.get("note"), rs.getString("old_recorded_at"),
              oldImportId, rs.getString("replaced_at"), rs.getLong("import_id")));
        }).forEach(e -> previous.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
    Map<String, History> histories = new java.util.HashMap<>();
    handle.createQuery("SELECT indicator, region, period, source, recorded_at, import_id FROM observation")
        .map((rs, ctx) -> {
          String key = History.key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
          long importId = rs.getLong(6);
          Long id = rs.wasNull() ? null : importId;
          return Map.entry(key, new History(rs.getString(5), id,
              List.copyOf(previous.getOrDefault(key, List.of()))));
        }).forEach(e -> histories.put(e.getKey(), e.getValue()));
    return histories;
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
