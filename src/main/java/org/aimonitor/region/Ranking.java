package org.aimonitor.region;

import java.util.List;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Period;
import org.aimonitor.store.Region;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.Nested;

/**
 * Provinces or cities (one level at a time, so a city never stands beside its own province) side
 * by side for one indicator in one period: their headline figures of
 * exactly that period (a year, a half, a month, a January–September span are all different
 * periods), actual figures ranked by their stated value, forecasts and targets kept apart and
 * never ranked, and the national figure of the same period beside them, never a sum of them.
 * Read through {@code observation_by_period}: a ranking costs the places of its period.
 *
 * @param period      the period ranked, or null when no province or city has a figure
 * @param level       the level ranked: {@code province} or {@code city}
 * @param levels      the levels with figures, each with the most places one of its latest
 *                    periods has (for the links that switch level)
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
    String level,
    List<LevelChoice> levels,
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

  /** The levels that are ranked, each only against itself. */
  public static final List<String> LEVELS = List.of("province", "city");

  /**
   * Why the ranked period is the one shown: asked for ({@code period=}), else of the latest
   * {@link #PERIODS_SHOWN} periods the one in which the most places have an actual figure (the
   * newest of equals), else the latest with any figure (forecasts or targets only: nothing is
   * ranked).
   */
  public enum Rule { ASKED, MOST_PLACES, LATEST_ANY, NONE }

  /** A level with figures and the most places with an actual figure in one of its latest periods. */
  public record LevelChoice(String level, long places) {
  }

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
   * The ranking of {@code indicator} at {@code askedLevel} in {@code asked} (null: by the default
   * rules), its places {@code offset} to {@code offset + limit}, and the first
   * {@code projectionLimit} projections. The default level is the one whose best period has more
   * places (provinces when equal); both levels' latest periods are read anyway, for the links.
   */
  public static Ranking read(Handle h, Indicator indicator, Period asked, String askedLevel,
      int limit, long offset, int projectionLimit) {
    RegionQueries queries = h.attach(RegionQueries.class);
    String code = indicator.code();
    List<LevelChoice> levels = new java.util.ArrayList<>();
    java.util.Map<String, List<PeriodCount>> latest = new java.util.HashMap<>();
    for (String l : LEVELS) {
      List<PeriodCount> periods = queries.periods(code, l, PERIODS_SHOWN);
      latest.put(l, periods);
      if (!periods.isEmpty()) {
        levels.add(new LevelChoice(l, periods.stream().mapToLong(PeriodCount::actuals).max().orElse(0)));
      }
    }
    String level = askedLevel;
    if (level == null) {
      level = levels.stream().reduce((a, b) -> b.places() > a.places() ? b : a)
          .map(LevelChoice::level).orElse(LEVELS.get(0));
    }
    List<PeriodCount> periods = latest.get(level);
    long periodCount = queries.periodCount(code, level);
    Period period = asked;
    Rule rule = Rule.ASKED;
    if (period == null) {
      PeriodCount most = null;
      for (PeriodCount p : periods) {
        if (p.actuals() > 0 && (most == null || p.actuals() > most.actuals())) {
          most = p;
        }
      }
      period = most == null ? null : most.period();
      rule = Rule.MOST_PLACES;
      if (period == null && !periods.isEmpty()) {
        period = periods.get(0).period();
        rule = Rule.LATEST_ANY;
      }
      if (period == null) {
        rule = Rule.NONE;
      }
    }
    if (period == null) {
      return new Ranking(indicator, null, level, levels, rule, List.of(), 0, List.of(), 0, periods,
          periodCount, null);
    }
    return new Ranking(indicator, period, level, levels, rule,
        queries.ranked(code, period, level, limit, offset),
        queries.rankedCount(code, period, level),
        queries.projections(code, period, level, projectionLimit),
        queries.projectionCount(code, period, level), periods, periodCount,
        queries.national(code, period).orElse(null));
  }
}
