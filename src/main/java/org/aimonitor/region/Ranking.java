package org.aimonitor.region;

import java.util.List;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Period;
import org.aimonitor.store.Region;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.Nested;

/**
 * Provinces and cities side by side for one indicator in one period: their headline figures of
 * exactly that period (a year, a half, a month, a January–September span are all different
 * periods), actual figures ranked by their stated value, forecasts and targets kept apart and
 * never ranked, and the national figure of the same period beside them, never a sum of them.
 * Read through {@code observation_by_period}: a ranking costs the places of its period.
 *
 * @param period      the period ranked, or null when no province or city has a figure
 * @param rule        how the period was chosen ({@link Rule})
 * @param ranked      the ranked places shown (a page of them)
 * @param total       ranked places in the period, on all pages
 * @param projections forecasts and targets of the period, not ranked (the first of them)
 * @param projectionCount forecasts and targets in the period
 * @param periods     the latest periods with figures for provinces or cities, newest first
 * @param periodCount periods with figures for provinces or cities
 * @param national    the national headline figure of the same period, or null
 */
public record Ranking(
    Indicator indicator,
    Period period,
    Rule rule,
    List<Ranked> ranked,
    long total,
    List<Placed> projections,
    long projectionCount,
    List<PeriodCount> periods,
    long periodCount,
    Placed national) {

  /** Periods offered as links; older ones can be asked for by code. */
  public static final int PERIODS_SHOWN = 12;

  /**
   * Why the ranked period is the one shown: asked for ({@code period=}), else the latest period
   * in which at least two places have an actual figure, else the latest with one, else the
   * latest with any figure (forecasts or targets only: nothing is ranked).
   */
  public enum Rule { ASKED, LATEST_SHARED, LATEST_SINGLE, LATEST_ANY, NONE }

  /** A place's figure and its rank (equal values share a rank: 1, 2, 2, 4). */
  public record Ranked(int rank, @Nested Region place, @Nested Observation figure) {
  }

  /** A place's figure, not ranked. */
  public record Placed(@Nested Region place, @Nested Observation figure) {
  }

  /** A period with how many places have an actual figure and how many a projection. */
  public record PeriodCount(Period period, long actuals, long projections) {
  }

  /**
   * The ranking of {@code indicator} in {@code asked} (null: by the default rule), its places
   * {@code offset} to {@code offset + limit}, and the first {@code projectionLimit} projections.
   */
  public static Ranking read(Handle h, Indicator indicator, Period asked, int limit, long offset,
      int projectionLimit) {
    RegionQueries queries = h.attach(RegionQueries.class);
    String code = indicator.code();
    List<PeriodCount> periods = queries.periods(code, PERIODS_SHOWN);
    long periodCount = queries.periodCount(code);
    Period period = asked;
    Rule rule = Rule.ASKED;
    if (period == null) {
      period = queries.latestWith(code, 2).orElse(null);
      rule = Rule.LATEST_SHARED;
      if (period == null) {
        period = queries.latestWith(code, 1).orElse(null);
        rule = Rule.LATEST_SINGLE;
      }
      if (period == null && !periods.isEmpty()) {
        period = periods.get(0).period();
        rule = Rule.LATEST_ANY;
      }
      if (period == null) {
        rule = Rule.NONE;
      }
    }
    if (period == null) {
      return new Ranking(indicator, null, rule, List.of(), 0, List.of(), 0, periods, periodCount, null);
    }
    return new Ranking(indicator, period, rule, queries.ranked(code, period, limit, offset),
        queries.rankedCount(code, period), queries.projections(code, period, projectionLimit),
        queries.projectionCount(code, period), periods, periodCount,
        queries.national(code, period).orElse(null));
  }
}
