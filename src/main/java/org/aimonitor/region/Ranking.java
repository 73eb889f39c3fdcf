package org.aimonitor.region;

import java.math.BigDecimal;
import java.util.List;
import org.aimonitor.store.Indicator;
import org.aimonitor.store.Observation;
import org.aimonitor.store.Period;
import org.aimonitor.store.Qualifier;
import org.aimonitor.store.Region;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

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
  /** The regional levels set side by side. */
  static final String SUBNATIONAL = "r.level IN ('province', 'city')";
  private static final String PROJECTION = "o.qualifier IN ('forecast', 'target')";

  /**
   * Why the ranked period is the one shown: asked for ({@code period=}), else the latest period
   * in which at least two places have an actual figure, else the latest with one, else the
   * latest with any figure (forecasts or targets only: nothing is ranked).
   */
  public enum Rule { ASKED, LATEST_SHARED, LATEST_SINGLE, LATEST_ANY, NONE }

  /** A place's figure and its rank (equal values share a rank: 1, 2, 2, 4). */
  public record Ranked(int rank, Region place, Observation figure) {
  }

  /** A place's figure, not ranked. */
  public record Placed(Region place, Observation figure) {
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
    List<PeriodCount> periods = periods(h, indicator.code(), PERIODS_SHOWN);
    long periodCount = h.createQuery("SELECT count(*) FROM (SELECT 1 FROM observation o"
            + " JOIN region r ON r.code = o.region WHERE o.indicator = :code AND o.headline = 1 AND "
            + SUBNATIONAL + " GROUP BY o.period_end, o.period_start, o.period)")
        .bind("code", indicator.code()).mapTo(Long.class).one();
    Period period = asked;
    Rule rule = Rule.ASKED;
    if (period == null) {
      period = latestWith(h, indicator.code(), 2);
      rule = Rule.LATEST_SHARED;
      if (period == null) {
        period = latestWith(h, indicator.code(), 1);
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
    List<Ranked> ranked = inPeriod(h, indicator.code(), period,
        "SELECT * FROM (SELECT " + COLUMNS
            + ", RANK() OVER (ORDER BY CAST(o.value AS REAL) DESC) AS rank FROM " + FROM
            + " WHERE " + IN_PERIOD + " AND NOT " + PROJECTION + ")"
            + " ORDER BY rank, place_order LIMIT :limit OFFSET :offset")
        .bind("limit", limit).bind("offset", offset)
        .map((rs, ctx) -> new Ranked(rs.getInt("rank"), place(rs), observation(rs))).list();
    long total = inPeriod(h, indicator.code(), period, "SELECT count(*) FROM " + FROM
        + " WHERE " + IN_PERIOD + " AND NOT " + PROJECTION).mapTo(Long.class).one();
    List<Placed> projections = inPeriod(h, indicator.code(), period, "SELECT " + COLUMNS + " FROM "
        + FROM + " WHERE " + IN_PERIOD + " AND " + PROJECTION + " ORDER BY r.id LIMIT :limit")
        .bind("limit", projectionLimit)
        .map((rs, ctx) -> new Placed(place(rs), observation(rs))).list();
    long projectionCount = inPeriod(h, indicator.code(), period, "SELECT count(*) FROM " + FROM
        + " WHERE " + IN_PERIOD + " AND " + PROJECTION).mapTo(Long.class).one();
    Placed national = h.createQuery("SELECT " + COLUMNS + " FROM observation o"
            + " JOIN region r ON r.code = o.region"
            + " WHERE o.indicator = :code AND o.region = 'CN' AND o.period = :period AND o.headline = 1")
        .bind("code", indicator.code()).bind("period", period.code())
        .map((rs, ctx) -> new Placed(place(rs), observation(rs))).findOne().orElse(null);
    return new Ranking(indicator, period, rule, ranked, total, projections, projectionCount,
        periods, periodCount, national);
  }

  private static final String COLUMNS = "o.indicator, o.region, o.period, o.value, o.qualifier, o.source,"
      + " o.headline, o.note, r.code, r.name_en, r.name_zh, r.parent, r.level, r.id AS place_order";
  private static final String FROM = "observation o JOIN region r ON r.code = o.region";
  /** Headline figures of provinces and cities in exactly one period. */
  private static final String IN_PERIOD = "o.indicator = :code AND o.headline = 1"
      + " AND o.period_end = :end AND o.period_start = :start AND o.period = :period AND " + SUBNATIONAL;

  private static Query inPeriod(Handle h, String code, Period p, String sql) {
    return h.createQuery(sql).bind("code", code).bind("period", p.code())
        .bind("start", month(p.first())).bind("end", month(p.last()));
  }

  /** A month as the observation table numbers it (year * 12 + month - 1). */
  static int month(java.time.YearMonth m) {
    return m.getYear() * 12 + m.getMonthValue() - 1;
  }

  /**
   * The latest periods with headline figures for provinces or cities, newest first, walking
   * {@code observation_by_period} down from the newest. Periods with the same months (2024 and
   * 2024-01/2024-12) follow by code, descending too: every key in the index's direction is what
   * lets SQLite stop at the limit instead of grouping all of the indicator's figures first.
   */
  static List<PeriodCount> periods(Handle h, String code, int limit) {
    return h.createQuery("SELECT o.period, sum(NOT " + PROJECTION + ") AS actuals, sum("
            + PROJECTION + ") AS projections FROM " + FROM
            + " WHERE o.indicator = :code AND o.headline = 1 AND " + SUBNATIONAL
            + " GROUP BY o.period_end, o.period_start, o.period"
            + " ORDER BY o.period_end DESC, o.period_start DESC, o.period DESC LIMIT :limit")
        .bind("code", code).bind("limit", limit)
        .map((rs, ctx) -> new PeriodCount(Period.parse(rs.getString(1)), rs.getLong(2), rs.getLong(3)))
        .list();
  }

  /** The latest period in which at least {@code places} provinces or cities have an actual figure. */
  private static Period latestWith(Handle h, String code, int places) {
    return h.createQuery("SELECT o.period FROM " + FROM
            + " WHERE o.indicator = :code AND o.headline = 1 AND " + SUBNATIONAL + " AND NOT " + PROJECTION
            + " GROUP BY o.period_end, o.period_start, o.period HAVING count(*) >= :places"
            + " ORDER BY o.period_end DESC, o.period_start DESC, o.period DESC LIMIT 1")
        .bind("code", code).bind("places", places)
        .mapTo(String.class).findOne().map(Period::parse).orElse(null);
  }

  private static Region place(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Region(rs.getString("code"), rs.getString("name_en"), rs.getString("name_zh"),
        rs.getString("parent"), rs.getString("level"));
  }

  private static Observation observation(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Observation(rs.getString("indicator"), rs.getString("region"), Period.parse(rs.getString("period")),
        new BigDecimal(rs.getString("value")), Qualifier.parse(rs.getString("qualifier")),
        rs.getString("source"), rs.getInt("headline") == 1, rs.getString("note"));
  }
}
