package org.aimonitor.freshness;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.aimonitor.freshness.Freshness.Series;
import org.aimonitor.freshness.Freshness.State;
import org.aimonitor.store.PartialDate;
import org.aimonitor.store.Period;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterColumnMapper;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Every statement on the freshness tables: the reads pages make (a row per indicator or series
 * they show, through the primary keys and the two indexes of {@code freshness}), and the
 * statements {@link FreshnessWriter} runs as an import commits (which read every indicator by
 * design). Months and days are stored as ISO text ({@code 2026-10}, {@code 2027-01-31}).
 */
@RegisterColumnMapper(FreshnessQueries.MonthColumn.class)
@RegisterColumnMapper(FreshnessQueries.DayColumn.class)
public interface FreshnessQueries {

  // ---- What pages read ----------------------------------------------------------------------

  @SqlQuery("""
      SELECT indicator, last_published, last_source, latest_period, series, expected, overdue_after
      FROM freshness WHERE indicator IN (<codes>)
      """)
  @RegisterConstructorMapper(State.class)
  List<State> stateList(@BindList("codes") Collection<String> indicators);

  /** The stored freshness of these indicators, by code. */
  default Map<String, State> states(Collection<String> indicators) {
    Map<String, State> states = new HashMap<>();
    if (!indicators.isEmpty()) {
      stateList(indicators).forEach(s -> states.put(s.indicator(), s));
    }
    return states;
  }

  @SqlQuery("SELECT count(*) FROM freshness WHERE overdue_after < :today")
  long overdueCount(@Bind("today") String today);

  /** How many indicators are overdue on {@code today}. */
  default long overdueCount(LocalDate today) {
    return overdueCount(today.toString());
  }

  /** A row of {@code schedule} as stored: the month and evidence lists as space-separated text. */
  record ScheduleRow(String series, String publisher, String nameEn, String nameZh,
      String cadence, String releaseMonths, Integer lagMonths, Integer graceMonths, String basis,
      String basisUrl, String evidence, String note) {

    Series toSeries() {
      return new Series(series, publisher, nameEn, nameZh, cadence,
          Freshness.months(releaseMonths), lagMonths, graceMonths, basis, basisUrl,
          Freshness.words(evidence), note);
    }
  }

  /** The columns {@link ScheduleRow} maps. */
  String SCHEDULE_COLUMNS = """
      series, publisher, name_en, name_zh, cadence, release_months, lag_months, grace_months,
      basis, basis_url, evidence, note""";

  @SqlQuery("SELECT " + SCHEDULE_COLUMNS + " FROM schedule WHERE series IN (<s>) ORDER BY id")
  @RegisterConstructorMapper(ScheduleRow.class)
  List<ScheduleRow> scheduleRows(@BindList("s") Collection<String> series);

  /** The schedules of these series, in import order. */
  default Map<String, Series> schedules(Collection<String> series) {
    Map<String, Series> schedules = new LinkedHashMap<>();
    if (!series.isEmpty()) {
      scheduleRows(series).forEach(r -> schedules.put(r.series(), r.toSeries()));
    }
    return schedules;
  }

  // ---- What the writer runs ---------------------------------------------------------------

  /** Every schedule, in import order, handed over one at a time. */
  @SqlQuery("SELECT " + SCHEDULE_COLUMNS + " FROM schedule ORDER BY id")
  @RegisterConstructorMapper(ScheduleRow.class)
  void everySchedule(Consumer<ScheduleRow> each);

  /** A source's publication date. */
  record Published(String id, PartialDate publishedOn) {
  }

  @SqlQuery("SELECT id, published_on FROM source WHERE id IN (<ids>) AND published_on IS NOT NULL")
  @RegisterConstructorMapper(Published.class)
  List<Published> published(@BindList("ids") Collection<String> sources);

  /**
   * The publication dates of these sources (those that have one), asked for 500 at a time: a
   * query binds at most 32,766 values, and a schedule may list many sources.
   */
  default Map<String, PartialDate> publicationDates(Collection<String> sources) {
    Map<String, PartialDate> dates = new HashMap<>();
    List<String> all = List.copyOf(sources);
    for (int from = 0; from < all.size(); from += 500) {
      published(all.subList(from, Math.min(all.size(), from + 500))).stream()
          .filter(p -> p.publishedOn() != null)
          .forEach(p -> dates.put(p.id(), p.publishedOn()));
    }
    return dates;
  }

  /**
   * An indicator with its newest actual figure ({@code hasFacts} false when it has none) and one
   * series that feeds it ({@code series} null when none does).
   */
  record Newest(String code, boolean hasFacts, PartialDate publishedOn, String source,
      Period period, String series) {
  }

  /**
   * Each indicator's newest actual figure (forecasts and targets do not count; world and country
   * figures before provinces'), by publication and by period, with the series that feed it: one
   * row per indicator and series, in indicator order and the order the series were imported.
   */
  @SqlQuery("""
      WITH newest AS (
        SELECT indicator,
               max(CASE WHEN by_published = 1 THEN published_on END) AS published_on,
               max(CASE WHEN by_published = 1 THEN source END) AS source,
               max(CASE WHEN by_period = 1 THEN period END) AS period
        FROM (
          SELECT o.indicator, s.published_on, s.id AS source, o.period,
            row_number() OVER (PARTITION BY o.indicator
              ORDER BY r.level IN ('world', 'country') DESC, s.published_on DESC NULLS LAST, o.id DESC)
              AS by_published,
            row_number() OVER (PARTITION BY o.indicator
              ORDER BY r.level IN ('world', 'country') DESC, o.period_end DESC, o.period_start DESC, o.id DESC)
              AS by_period
          FROM observation o JOIN source s ON s.id = o.source JOIN region r ON r.code = o.region
          WHERE o.qualifier NOT IN ('forecast', 'target'))
        WHERE by_published = 1 OR by_period = 1
        GROUP BY indicator)
      SELECT i.code, n.indicator IS NOT NULL AS has_facts, n.published_on, n.source, n.period,
             si.series
      FROM indicator i
      LEFT JOIN newest n ON n.indicator = i.code
      LEFT JOIN schedule_indicator si ON si.indicator = i.code
      LEFT JOIN schedule sc ON sc.series = si.series
      ORDER BY i.code, sc.id
      """)
  @RegisterConstructorMapper(Newest.class)
  void everyIndicatorsNewest(Consumer<Newest> each);

  @SqlUpdate("DELETE FROM freshness")
  void clear();

  /** A row of {@code freshness} as stored. */
  record Row(String indicator, String lastPublished, String lastSource, String latestPeriod,
      String series, String expected, String overdueAfter) {

    static Row of(State s) {
      return new Row(s.indicator(), s.lastPublished() == null ? null : s.lastPublished().code(),
          s.lastSource(), s.latestPeriod() == null ? null : s.latestPeriod().code(), s.series(),
          s.expected() == null ? null : s.expected().toString(),
          s.overdueAfter() == null ? null : s.overdueAfter().toString());
    }
  }

  @SqlBatch("""
      INSERT INTO freshness (indicator, last_published, last_source, latest_period, series,
                             expected, overdue_after)
      VALUES (:indicator, :lastPublished, :lastSource, :latestPeriod, :series, :expected,
              :overdueAfter)
      """)
  void insertRows(@BindMethods Collection<Row> rows);

  /** Stores these indicators' freshness. */
  default void insert(Collection<State> states) {
    List<Row> rows = new ArrayList<>(states.size());
    states.forEach(s -> rows.add(Row.of(s)));
    insertRows(rows);
  }

  /**
   * Ends each open expectation (release_expectation, V11) that the freshness just worked out no
   * longer holds (another series, month, overdue day or basis, or none): "released" when the
   * newest figure moved on (its source or latest period), with that figure's publication date;
   * else "re-estimated". Run after the freshness rows are written; {@code now} is an instant.
   */
  @SqlUpdate("""
      UPDATE release_expectation SET
        ended_import = (SELECT max(id) FROM import_log),
        ended_at = :now,
        outcome = CASE WHEN EXISTS (SELECT 1 FROM freshness f
            WHERE f.indicator = release_expectation.indicator AND f.last_published IS NOT NULL
              AND (f.last_source IS NOT release_expectation.after_source
                   OR f.latest_period IS NOT release_expectation.after_period))
          THEN 'released' ELSE 're-estimated' END,
        released_on = (SELECT f.last_published FROM freshness f
            WHERE f.indicator = release_expectation.indicator
              AND (f.last_source IS NOT release_expectation.after_source
                   OR f.latest_period IS NOT release_expectation.after_period)),
        released_source = (SELECT f.last_source FROM freshness f
            WHERE f.indicator = release_expectation.indicator
              AND (f.last_source IS NOT release_expectation.after_source
                   OR f.latest_period IS NOT release_expectation.after_period))
      WHERE ended_at IS NULL AND NOT EXISTS (
        SELECT 1 FROM freshness f JOIN schedule s ON s.series = f.series
        WHERE f.indicator = release_expectation.indicator AND f.series = release_expectation.series
          AND f.expected = release_expectation.expected
          AND f.overdue_after = release_expectation.overdue_after
          AND s.basis = release_expectation.basis)
      """)
  void endExpectationsNoLongerHeld(@Bind("now") String now);

  /**
   * Opens an expectation for each indicator whose freshness expects a release and that has none
   * open: a re-estimate of the release its last expectation awaited keeps that one's cycle with
   * the next sequence number; after a release (or the first time) a new cycle starts at 0.
   */
  @SqlUpdate("""
      INSERT INTO release_expectation (indicator, series, expected, overdue_after, basis,
        after_published, after_source, after_period, cycle, sequence, since_import, since_at)
      SELECT f.indicator, f.series, f.expected, f.overdue_after, s.basis, f.last_published,
        f.last_source, f.latest_period,
        (SELECT CASE WHEN p.outcome = 're-estimated' THEN p.cycle END
         FROM release_expectation p WHERE p.indicator = f.indicator ORDER BY p.id DESC LIMIT 1),
        coalesce((SELECT CASE WHEN p.outcome = 're-estimated' THEN p.sequence + 1 ELSE 0 END
         FROM release_expectation p WHERE p.indicator = f.indicator ORDER BY p.id DESC LIMIT 1), 0),
        (SELECT max(id) FROM import_log), :now
      FROM freshness f JOIN schedule s ON s.series = f.series
      WHERE f.expected IS NOT NULL AND NOT EXISTS (SELECT 1 FROM release_expectation e
        WHERE e.indicator = f.indicator AND e.ended_at IS NULL)
      """)
  void openNewExpectations(@Bind("now") String now);

  /** A new cycle is named by its first expectation. */
  @SqlUpdate("UPDATE release_expectation SET cycle = id WHERE cycle IS NULL")
  void nameNewCycles();

  @SqlQuery("SELECT version FROM data_version WHERE id = 1")
  long dataVersion();

  /** The data version the stored freshness was worked out at, if it was. */
  @SqlQuery("SELECT data_version FROM freshness_state WHERE id = 1")
  Optional<Long> workedOutAt();

  @SqlUpdate("""
      INSERT INTO freshness_state (id, data_version) VALUES (1, :version)
      ON CONFLICT (id) DO UPDATE SET data_version = excluded.data_version
      """)
  void workedOutAt(@Bind("version") long version);

  /** A month stored as {@code YYYY-MM}; null stays null. */
  final class MonthColumn implements ColumnMapper<YearMonth> {
    @Override
    public YearMonth map(java.sql.ResultSet rs, int column, StatementContext ctx)
        throws java.sql.SQLException {
      String text = rs.getString(column);
      return text == null ? null : YearMonth.parse(text);
    }
  }

  /** A day stored as {@code YYYY-MM-DD}; null stays null. */
  final class DayColumn implements ColumnMapper<LocalDate> {
    @Override
    public LocalDate map(java.sql.ResultSet rs, int column, StatementContext ctx)
        throws java.sql.SQLException {
      String text = rs.getString(column);
      return text == null ? null : LocalDate.parse(text);
    }
  }
}
