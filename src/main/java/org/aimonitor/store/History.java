package org.aimonitor.store;

import java.util.List;

/**
 * When an observation took its current state, and the states it had before, newest first.
 * {@code recordedAt} is an ISO instant, or null for rows older than the import log; {@code id} is
 * the figure's row id, its address ({@code /figures/{id}}), null where it was not read.
 */
public record History(String recordedAt, Long importId, List<Revision> previous, Long id) {

  public History(String recordedAt, Long importId, List<Revision> previous) {
    this(recordedAt, importId, previous, null);
  }

  /** The figure's own page, or null when its id was not read. */
  public String figureHref() {
    return id == null ? null : "/figures/" + id;
  }

  /** A replaced state of the observation, with when it had been recorded and when it was replaced. */
  public record Revision(String value, String qualifier, boolean headline, String note,
      String recordedAt, Long importId, String replacedAt, long replacedByImport) {

    public Qualifier qualifierValue() {
      return Qualifier.parse(qualifier);
    }
  }

  public static final History UNKNOWN = new History(null, null, List.of());

  /** The key of an observation in {@link ViewRows#histories()}: indicator/region/period/source. */
  public static String key(Observation o) {
    return key(o.indicator(), o.region(), o.period().code(), o.source());
  }

  public static String key(String indicator, String region, String period, String source) {
    return indicator + "/" + region + "/" + period + "/" + source;
  }

  /** The day part of {@code recordedAt} ("2026-11-29"), or null. */
  public String recordedOn() {
    return recordedAt == null ? null : recordedAt.substring(0, Math.min(10, recordedAt.length()));
  }
}
