package org.aimonitor.region;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aimonitor.figures.Filter;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Period;
import org.aimonitor.store.Qualifier;
import org.aimonitor.store.Region;
import org.jdbi.v3.core.Handle;

/**
 * The places a reader chose ({@code region=CN-BJ,CN-SH,…}, two to five) over time: each one's
 * headline figures of one indicator within the years asked for, oldest first, its latest
 * {@link #MAX_POINTS} at most. One query per place through {@code observation_headline_series}.
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
    Map<String, List<Observation>> series = new LinkedHashMap<>();
    Map<String, Long> omitted = new LinkedHashMap<>();
    String years = (filter.from() != null ? " AND o.period_start >= :fromMonth" : "")
        + (filter.to() != null ? " AND o.period_end <= :toMonth" : "");
    for (Region place : places) {
      var q = h.createQuery("""
          SELECT o.indicator, o.region, o.period, o.value, o.qualifier, o.source, o.headline, o.note
          FROM observation o
          WHERE o.indicator = :code AND o.region = :region%s AND o.headline = 1
          ORDER BY o.period_end DESC, o.period_start DESC LIMIT :limit
          """.formatted(years))
          .bind("code", indicator.code()).bind("region", place.code()).bind("limit", MAX_POINTS + 1);
      bindYears(q, filter);
      List<Observation> newestFirst = new ArrayList<>(q.map((rs, ctx) -> new Observation(
          rs.getString("indicator"), rs.getString("region"), Period.parse(rs.getString("period")),
          new BigDecimal(rs.getString("value")), Qualifier.parse(rs.getString("qualifier")),
          rs.getString("source"), rs.getInt("headline") == 1, rs.getString("note"))).list());
      long older = 0;
      if (newestFirst.size() > MAX_POINTS) {
        var count = h.createQuery("SELECT count(*) FROM observation o WHERE o.indicator = :code"
                + " AND o.region = :region" + years + " AND o.headline = 1")
            .bind("code", indicator.code()).bind("region", place.code());
        bindYears(count, filter);
        older = count.mapTo(Long.class).one() - MAX_POINTS;
        newestFirst = newestFirst.subList(0, MAX_POINTS);
      }
      List<Observation> oldestFirst = new ArrayList<>(newestFirst);
      Collections.reverse(oldestFirst);
      series.put(place.code(), List.copyOf(oldestFirst));
      omitted.put(place.code(), older);
    }
    return new Comparison(indicator, filter, List.copyOf(places), series, omitted);
  }

  private static void bindYears(org.jdbi.v3.core.statement.Query q, Filter filter) {
    if (filter.from() != null) {
      q.bind("fromMonth", filter.from() * 12);
    }
    if (filter.to() != null) {
      q.bind("toMonth", filter.to() * 12 + 11);
    }
  }

  /** Every figure of the comparison. */
  public List<Observation> all() {
    return series.values().stream().flatMap(List::stream).toList();
  }
}
