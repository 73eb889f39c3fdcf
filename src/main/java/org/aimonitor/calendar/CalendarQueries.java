package org.aimonitor.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.aimonitor.freshness.FreshnessQueries;
import org.aimonitor.store.PartialDate;
import org.jdbi.v3.sqlobject.config.RegisterColumnMapper;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What the release calendar reads: the expectations now open (release_expectation, one per
 * indicator at most, through its partial index), the freshness rows due, overdue or expected
 * next month (through freshness's two indexes, each list bounded), and a page of series with
 * their recorded releases. Nothing here reads the figures.
 */
@RegisterColumnMapper(FreshnessQueries.MonthColumn.class)
@RegisterColumnMapper(FreshnessQueries.DayColumn.class)
public interface CalendarQueries {

  /**
   * An indicator's next release as the calendar shows it: the expectation now open, the event
   * it belongs to ({@code cycle}, the first expectation of the release awaited) and how often
   * that release was re-estimated ({@code sequence}); {@code createdAt} when the event's first
   * expectation was recorded, {@code sinceAt} when this one was.
   */
  record Awaited(String indicator, String nameEn, String nameZh, String series, String seriesEn,
      String seriesZh, String publisher, String basis, String basisUrl, YearMonth expected,
      LocalDate overdueAfter, long sequence, long cycle, String sinceAt, String createdAt) {
  }

  String AWAITED = """
      SELECT e.indicator, i.name_en, i.name_zh, e.series, s.name_en AS series_en,
             s.name_zh AS series_zh, s.publisher, e.basis, s.basis_url, e.expected,
             e.overdue_after, e.sequence, e.cycle, e.since_at,
             coalesce(c.since_at, e.since_at) AS created_at
      FROM release_expectation e
      JOIN indicator i ON i.code = e.indicator
      JOIN schedule s ON s.series = e.series
      LEFT JOIN release_expectation c ON c.id = e.cycle
      """;

  /**
   * Every indicator's awaited release, by indicator code (a row per scheduled indicator), handed
   * over one at a time as it is read.
   */
  @SqlQuery(AWAITED + "WHERE e.ended_at IS NULL ORDER BY e.indicator")
  @RegisterConstructorMapper(Awaited.class)
  void eachAwaited(Consumer<Awaited> each);

  /** One indicator's awaited release, if a schedule gives it one. */
  @SqlQuery(AWAITED + "WHERE e.ended_at IS NULL AND e.indicator = :code")
  @RegisterConstructorMapper(Awaited.class)
  Optional<Awaited> awaited(@Bind("code") String indicator);

  /** An indicator whose next release is due, overdue or expected soon (a freshness row). */
  record Due(String indicator, String nameEn, String nameZh, String series, String seriesEn,
      String seriesZh, String publisher, String basis, YearMonth expected, LocalDate overdueAfter,
      PartialDate lastPublished) {

    /** Whether a publisher's calendar gives the schedule (else it is inferred). */
    public boolean cited() {
      return "cited".equals(basis);
    }
  }

  String DUE = """
      SELECT f.indicator, i.name_en, i.name_zh, f.series, s.name_en AS series_en,
             s.name_zh AS series_zh, s.publisher, s.basis, f.expected, f.overdue_after,
             f.last_published
      FROM freshness f
      JOIN indicator i ON i.code = f.indicator
      JOIN schedule s ON s.series = f.series
      """;

  /** Overdue on {@code today} (an ISO day), longest overdue first. */
  @SqlQuery(DUE + "WHERE f.overdue_after < :today ORDER BY f.overdue_after, f.indicator LIMIT :limit")
  @RegisterConstructorMapper(Due.class)
  List<Due> overdue(@Bind("today") String today, @Bind("limit") int limit);

  /**
   * Expected from {@code from} to {@code month} and not overdue on {@code today}: due now.
   * {@code from} is {@code month} less the longest grace ({@link #longestGrace}): no release
   * expected earlier can still be within its grace, so the read is a range of the months that
   * can be due, not of every overdue release before them.
   */
  @SqlQuery(DUE + """
      WHERE coalesce(f.expected, '9999-12') BETWEEN :from AND :month AND f.overdue_after >= :today
      ORDER BY coalesce(f.expected, '9999-12'), f.indicator LIMIT :limit
      """)
  @RegisterConstructorMapper(Due.class)
  List<Due> dueBy(@Bind("from") String from, @Bind("month") String month,
      @Bind("today") String today, @Bind("limit") int limit);

  @SqlQuery("""
      SELECT count(*) FROM freshness
      WHERE coalesce(expected, '9999-12') BETWEEN :from AND :month AND overdue_after >= :today
      """)
  long dueByCount(@Bind("from") String from, @Bind("month") String month,
      @Bind("today") String today);

  /** The most grace months a schedule gives itself, if any gives them (index schedule_by_grace). */
  @SqlQuery("SELECT max(grace_months) FROM schedule")
  Optional<Integer> longestGrace();

  /** Expected in {@code month}. */
  @SqlQuery(DUE + "WHERE coalesce(f.expected, '9999-12') = :month ORDER BY coalesce(f.expected, '9999-12'), f.indicator LIMIT :limit")
  @RegisterConstructorMapper(Due.class)
  List<Due> expectedIn(@Bind("month") String month, @Bind("limit") int limit);

  @SqlQuery("SELECT count(*) FROM freshness WHERE coalesce(expected, '9999-12') = :month")
  long expectedInCount(@Bind("month") String month);

  /** A publication series with its schedule's basis and evidence (space-separated source ids). */
  record SeriesRow(String series, String publisher, String nameEn, String nameZh, String cadence,
      String basis, String basisUrl, String evidence) {
  }

  /** A page of the series, by slug. */
  @SqlQuery("""
      SELECT series, publisher, name_en, name_zh, cadence, basis, basis_url, evidence
      FROM schedule ORDER BY series LIMIT :limit OFFSET :offset
      """)
  @RegisterConstructorMapper(SeriesRow.class)
  List<SeriesRow> series(@Bind("limit") int limit, @Bind("offset") long offset);

  @SqlQuery("SELECT count(*) FROM schedule")
  long seriesCount();

  /**
   * A release of a series the record saw: the month it was expected in and the day after which
   * it would have been overdue, when the figure that answered it was published (as its source
   * dates it) and by which source, when the import that brought it was recorded, and for how
   * many indicators.
   */
  record Released(String series, YearMonth expected, LocalDate overdueAfter,
      PartialDate releasedOn, String releasedSource, String endedAt, int indicators) {
  }

  /** The {@code limit} newest recorded releases of each of these series, newest first. */
  @SqlQuery("""
      SELECT series, expected, overdue_after, released_on, released_source, ended_at, indicators
      FROM (
        SELECT series, expected, overdue_after, released_on, released_source,
               min(ended_at) AS ended_at, count(*) AS indicators,
               row_number() OVER (PARTITION BY series ORDER BY min(id) DESC) AS n
        FROM release_expectation
        WHERE series IN (<series>) AND outcome = 'released'
        GROUP BY series, expected, overdue_after, released_on, released_source)
      WHERE n <= :limit
      ORDER BY series, n
      """)
  @RegisterConstructorMapper(Released.class)
  List<Released> released(@BindList("series") Collection<String> series, @Bind("limit") int limit);

  /** An awaited release of a series: its month, overdue day and how many indicators await it. */
  record Open(String series, YearMonth expected, LocalDate overdueAfter, String sinceAt,
      int indicators) {
  }

  @SqlQuery("""
      SELECT series, expected, overdue_after, min(since_at) AS since_at, count(*) AS indicators
      FROM release_expectation
      WHERE series IN (<series>) AND ended_at IS NULL
      GROUP BY series, expected, overdue_after
      ORDER BY series, expected
      """)
  @RegisterConstructorMapper(Open.class)
  List<Open> open(@BindList("series") Collection<String> series);

  /** When the record began: the first expectation it holds, if any. */
  @SqlQuery("SELECT since_at FROM release_expectation WHERE id = (SELECT min(id) FROM release_expectation)")
  Optional<String> recordSince();
}
